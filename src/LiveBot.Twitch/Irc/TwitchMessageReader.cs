using System.Globalization;
using LiveBot.Core.Chat;

namespace LiveBot.Twitch.Irc;

/// <summary>Turns Twitch's IRC lines into the platform-neutral model.</summary>
public static class TwitchMessageReader
{
    private const string ActionPrefix = "\u0001ACTION ";

    /// <summary>
    /// A PRIVMSG as a <see cref="ChatMessage"/>, or null when it lacks a channel or a sender.
    /// <paramref name="channelName"/> may return a cached string for the channel (no allocation per line).
    /// </summary>
    public static ChatMessage? ToChatMessage(in IrcMessage message, DateTimeOffset now, Func<ReadOnlySpan<char>, string>? channelName = null)
    {
        var target = message.Param(0);
        var login = message.Nick;
        if (target.Length < 2 || target[0] != '#' || login.IsEmpty || message.ParamCount < 2)
        {
            return null;
        }

        var channel = channelName is null ? target[1..].ToString() : channelName(target[1..]);
        var loginText = login.ContainsAnyInRange('A', 'Z') ? login.ToString().ToLowerInvariant() : login.ToString();
        var text = message.LastParam;
        if (text.StartsWith(ActionPrefix, StringComparison.Ordinal))
        {
            text = text[ActionPrefix.Length..];
            if (text.Length > 0 && text[^1] == '\u0001')
            {
                text = text[..^1];
            }
        }

        // One pass over the tags for everything a chat line needs; a repeated key: the last one wins (IRCv3).
        ReadOnlySpan<char> id = [], userId = [], displayName = [], sentTs = [], badges = [], mod = [];
        ReadOnlySpan<char> parentId = [], parentLogin = [], parentName = [];
        foreach (var tag in message.EnumerateTags())
        {
            switch (tag.Name)
            {
                case "id": id = tag.RawValue; break;
                case "user-id": userId = tag.RawValue; break;
                case "display-name": displayName = tag.RawValue; break;
                case "tmi-sent-ts": sentTs = tag.RawValue; break;
                case "badges": badges = tag.RawValue; break;
                case "mod": mod = tag.RawValue; break;
                case "reply-parent-msg-id": parentId = tag.RawValue; break;
                case "reply-parent-user-login": parentLogin = tag.RawValue; break;
                case "reply-parent-display-name": parentName = tag.RawValue; break;
            }
        }

        var role = Max(RoleOfBadges(badges), mod.SequenceEqual("1") ? ChatRole.Moderator : ChatRole.Viewer);
        string? replyParentId = null;
        if (!parentId.IsEmpty)
        {
            replyParentId = IrcTags.Unescape(parentId);
            text = StripReplyMention(text, parentLogin, parentName);
        }

        // The name shown in chat when it is the login with other capitals (compared once unescaped); otherwise
        // (a localized name such as a Japanese one, "Riot Games", or none) the login, so that "@name" in a
        // merged reply still reaches the person.
        var shown = displayName.IsEmpty ? string.Empty : IrcTags.Unescape(displayName);
        return new ChatMessage(
            TwitchChatClient.PlatformName,
            channel,
            id.IsEmpty ? "noid-" + Guid.NewGuid().ToString("N") : IrcTags.Unescape(id),
            userId.IsEmpty ? loginText : IrcTags.Unescape(userId),
            loginText,
            shown.Equals(loginText, StringComparison.OrdinalIgnoreCase) ? shown : loginText,
            role,
            text.ToString(),
            SentAt(sentTs, now))
        {
            ReplyParentId = replyParentId,
        };
    }

    /// <summary>
    /// Twitch's reply button starts the text with "@name " (the replied-to user): that mention is removed, so
    /// "@Retoon !aide" reads "!aide". Only a mention of the parent's login or display name (escaped tag values)
    /// goes; any other text is kept as typed.
    /// </summary>
    public static ReadOnlySpan<char> StripReplyMention(ReadOnlySpan<char> text, ReadOnlySpan<char> parentLogin, ReadOnlySpan<char> parentName)
    {
        if (text.Length < 2 || text[0] != '@')
        {
            return text;
        }

        var end = text.IndexOf(' ');
        var mention = end < 0 ? text[1..] : text[1..end];
        if (mention.IsEmpty
            || !(Matches(mention, parentLogin) || Matches(mention, parentName)))
        {
            return text;
        }

        return end < 0 ? [] : text[(end + 1)..].TrimStart(' ');
    }

    private static bool Matches(ReadOnlySpan<char> mention, ReadOnlySpan<char> rawTag)
    {
        if (rawTag.IsEmpty)
        {
            return false;
        }

        return rawTag.Contains('\\')
            ? mention.Equals(IrcTags.Unescape(rawTag), StringComparison.OrdinalIgnoreCase)
            : mention.Equals(rawTag, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The highest role from <c>badges</c> and <c>mod</c> (a repeated key: the last one wins, as everywhere in IRCv3).</summary>
    public static ChatRole RoleOf(in IrcMessage message)
    {
        ReadOnlySpan<char> badges = [], mod = [];
        foreach (var tag in message.EnumerateTags())
        {
            if (tag.Name.SequenceEqual("badges"))
            {
                badges = tag.RawValue;
            }
            else if (tag.Name.SequenceEqual("mod"))
            {
                mod = tag.RawValue;
            }
        }

        return Max(RoleOfBadges(badges), mod.SequenceEqual("1") ? ChatRole.Moderator : ChatRole.Viewer);
    }

    private static ChatRole RoleOfBadges(ReadOnlySpan<char> badges)
    {
        var role = ChatRole.Viewer;
        foreach (var range in badges.Split(','))
        {
            var badge = badges[range];
            var slash = badge.IndexOf('/');
            var badgeRole = (slash < 0 ? badge : badge[..slash]) switch
            {
                "broadcaster" => ChatRole.Broadcaster,
                "moderator" => ChatRole.Moderator,
                "vip" => ChatRole.Vip,
                "subscriber" or "founder" => ChatRole.Subscriber,
                _ => ChatRole.Viewer,
            };
            role = Max(role, badgeRole);
        }

        return role;
    }

    private static ChatRole Max(ChatRole a, ChatRole b) => a > b ? a : b;

    /// <summary>
    /// True when a USERSTATE says the bot may send 100 messages / 30 s here: moderator or broadcaster only.
    /// A VIP keeps the 20 / 30 s and 1 s per channel limits (Twitch documents the higher limit for those two).
    /// </summary>
    public static bool IsPrivileged(in IrcMessage userState) => RoleOf(userState) >= ChatRole.Moderator;

    private static DateTimeOffset SentAt(ReadOnlySpan<char> raw, DateTimeOffset now) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : now;
}
