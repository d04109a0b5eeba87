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

        // One pass over the tags for everything a chat line needs.
        ReadOnlySpan<char> id = [], userId = [], displayName = [], sentTs = [];
        var role = ChatRole.Viewer;
        foreach (var tag in message.EnumerateTags())
        {
            switch (tag.Name)
            {
                case "id": id = tag.RawValue; break;
                case "user-id": userId = tag.RawValue; break;
                case "display-name": displayName = tag.RawValue; break;
                case "tmi-sent-ts": sentTs = tag.RawValue; break;
                case "badges": role = Max(role, RoleOfBadges(tag.RawValue)); break;
                case "mod" when tag.RawValue.SequenceEqual("1"): role = Max(role, ChatRole.Moderator); break;
            }
        }

        return new ChatMessage(
            TwitchChatClient.PlatformName,
            channel,
            id.IsEmpty ? "noid-" + Guid.NewGuid().ToString("N") : IrcTags.Unescape(id),
            userId.IsEmpty ? loginText : IrcTags.Unescape(userId),
            loginText,
            // The name shown in chat when it is the login with other capitals; otherwise (a localized name
            // such as a Japanese one, or none) the login, so that "@name" in a merged reply still reaches the person.
            displayName.Equals(loginText, StringComparison.OrdinalIgnoreCase) ? displayName.ToString() : loginText,
            role,
            text.ToString(),
            SentAt(sentTs, now));
    }

    /// <summary>The highest role from <c>badges</c> and <c>mod</c>.</summary>
    public static ChatRole RoleOf(in IrcMessage message)
    {
        var role = ChatRole.Viewer;
        foreach (var tag in message.EnumerateTags())
        {
            if (tag.Name.SequenceEqual("badges"))
            {
                role = Max(role, RoleOfBadges(tag.RawValue));
            }
            else if (tag.Name.SequenceEqual("mod") && tag.RawValue.SequenceEqual("1"))
            {
                role = Max(role, ChatRole.Moderator);
            }
        }

        return role;
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

    /// <summary>True when a USERSTATE says the bot may send 100 messages / 30 s here (moderator, VIP or broadcaster).</summary>
    public static bool IsPrivileged(in IrcMessage userState) => RoleOf(userState) >= ChatRole.Vip;

    private static DateTimeOffset SentAt(ReadOnlySpan<char> raw, DateTimeOffset now) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : now;
}
