namespace LiveBot.Core.Chat;

/// <summary>
/// The highest role a chatter holds in the chat a message came from, ordered so that a higher
/// value may do everything a lower one may (viewer &lt; subscriber &lt; vip &lt; moderator &lt; broadcaster).
/// YouTube channel members map to <see cref="Subscriber"/>.
/// </summary>
public enum ChatRole
{
    Viewer = 0,
    Subscriber = 1,
    Vip = 2,
    Moderator = 3,
    Broadcaster = 4,
}

public static class ChatRoles
{
    /// <summary>The names used in moderators' files and in the local chat API.</summary>
    public static readonly IReadOnlyList<string> Names = ["viewer", "subscriber", "vip", "moderator", "broadcaster"];

    public static string ToName(this ChatRole role) => Names[(int)role];

    /// <summary>Parses a role or permission name; "member" is accepted for "subscriber" (YouTube wording).</summary>
    public static bool TryParse(string? value, out ChatRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "viewer": role = ChatRole.Viewer; return true;
            case "subscriber" or "member": role = ChatRole.Subscriber; return true;
            case "vip": role = ChatRole.Vip; return true;
            case "moderator" or "mod": role = ChatRole.Moderator; return true;
            case "broadcaster": role = ChatRole.Broadcaster; return true;
            default: role = ChatRole.Viewer; return false;
        }
    }

    /// <summary>The highest of several roles (a Twitch chatter may be both subscriber and moderator).</summary>
    public static ChatRole Highest(IEnumerable<ChatRole> roles)
    {
        var highest = ChatRole.Viewer;
        foreach (var role in roles)
        {
            if (role > highest)
            {
                highest = role;
            }
        }

        return highest;
    }
}
