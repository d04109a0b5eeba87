using System.Globalization;
using LiveBot.Core.Chat;

namespace LiveBot.Twitch.Irc;

/// <summary>Turns Twitch's IRC lines into the platform-neutral model.</summary>
public static class TwitchMessageReader
{
    public const string PlatformName = "twitch";

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
        var loginText = login.ToString().ToLowerInvariant();
        var text = message.LastParam;
        if (text.StartsWith(ActionPrefix, StringComparison.Ordinal))
        {
            text = text[ActionPrefix.Length..];
            if (text.Length > 0 && text[^1] == '\u0001')
            {
                text = text[..^1];
            }
        }

        var id = message.GetTag("id");
        var userId = message.GetTag("user-id");
        return new ChatMessage(
            PlatformName,
            channel,
            string.IsNullOrEmpty(id) ? "noid-" + Guid.NewGuid().ToString("N") : id,
            string.IsNullOrEmpty(userId) ? loginText : userId,
            loginText,
            DisplayName(message, loginText),
            RoleOf(message),
            text.ToString(),
            SentAt(message, now));
    }

    /// <summary>
    /// The name shown in chat when it is the login with other capitals; otherwise (a localized name such
    /// as a Japanese one, or none) the login, so that "@name" in a merged reply still reaches the person.
    /// </summary>
    public static string DisplayName(in IrcMessage message, string login)
    {
        if (message.TryGetRawTag("display-name", out var raw) && raw.Equals(login, StringComparison.OrdinalIgnoreCase))
        {
            return raw.ToString();
        }

        return login;
    }

    /// <summary>The highest role from <c>badges</c> and <c>mod</c>.</summary>
    public static ChatRole RoleOf(in IrcMessage message)
    {
        var role = ChatRole.Viewer;
        if (message.TryGetRawTag("badges", out var badges))
        {
            foreach (var range in badges.Split(','))
            {
                var badge = badges[range];
                var slash = badge.IndexOf('/');
                var name = slash < 0 ? badge : badge[..slash];
                var badgeRole = name switch
                {
                    "broadcaster" => ChatRole.Broadcaster,
                    "moderator" => ChatRole.Moderator,
                    "vip" => ChatRole.Vip,
                    "subscriber" or "founder" => ChatRole.Subscriber,
                    _ => ChatRole.Viewer,
                };
                if (badgeRole > role)
                {
                    role = badgeRole;
                }
            }
        }

        if (role < ChatRole.Moderator && message.TryGetRawTag("mod", out var mod) && mod.SequenceEqual("1"))
        {
            role = ChatRole.Moderator;
        }

        return role;
    }

    /// <summary>True when a USERSTATE says the bot may send 100 messages / 30 s here (moderator, VIP or broadcaster).</summary>
    public static bool IsPrivileged(in IrcMessage userState) => RoleOf(userState) >= ChatRole.Vip;

    private static DateTimeOffset SentAt(in IrcMessage message, DateTimeOffset now)
    {
        if (message.TryGetRawTag("tmi-sent-ts", out var raw)
            && long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 253_402_300_799_999)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return now;
    }
}
