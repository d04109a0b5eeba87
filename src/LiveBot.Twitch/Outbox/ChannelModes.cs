using System.Globalization;

namespace LiveBot.Twitch.Outbox;

/// <summary>
/// A channel's chat modes as its last <c>ROOMSTATE</c> lines said (the one after JOIN has them all, later
/// ones only the mode that changed): slow mode in seconds, followers-only in minutes (-1 off), subscribers-
/// and emote-only. Moderators and the broadcaster are exempt from all of them.
/// </summary>
public sealed record ChannelModes(int SlowSeconds = 0, int FollowersOnlyMinutes = -1, bool SubsOnly = false, bool EmoteOnly = false)
{
    public static readonly ChannelModes None = new();

    /// <summary>Why a bot that is not moderator cannot talk here now (<c>followers_only</c>...), or null.</summary>
    public string? BlockReason =>
        FollowersOnlyMinutes >= 0 ? "followers_only"
        : SubsOnly ? "subs_only"
        : EmoteOnly ? "emote_only"
        : null;

    /// <summary>These modes with the ones a ROOMSTATE tag sets; unknown tags and bad values change nothing.</summary>
    public ChannelModes With(string tag, string value)
    {
        var isNumber = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        return (tag, isNumber) switch
        {
            ("slow", true) => this with { SlowSeconds = Math.Clamp(number, 0, 86_400) },
            ("followers-only", true) => this with { FollowersOnlyMinutes = Math.Max(-1, number) },
            ("subs-only", true) => this with { SubsOnly = number != 0 },
            ("emote-only", true) => this with { EmoteOnly = number != 0 },
            _ => this,
        };
    }
}
