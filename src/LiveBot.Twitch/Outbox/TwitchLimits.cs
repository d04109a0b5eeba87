namespace LiveBot.Twitch.Outbox;

/// <summary>Twitch's sending limits (see specs/twitch-chat.md), and the margins the bot keeps under them.</summary>
public static class TwitchLimits
{
    public const int MaxMessageLength = 500;

    /// <summary>Messages one reply may take.</summary>
    public const int MaxParts = 2;

    /// <summary>Replies waiting at most; more are refused and counted.</summary>
    public const int OutboxCapacity = 2_000;

    /// <summary>Messages per <see cref="Window"/> where the bot is not moderator or broadcaster (a VIP included).</summary>
    public const int Messages = 20;

    /// <summary>Messages per <see cref="Window"/> in channels where the bot is moderator or broadcaster (not VIP).</summary>
    public const int PrivilegedMessages = 100;

    public const int JoinsPerWindow = 20;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PerChannelInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan JoinWindow = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Added to every interval on our side: lines leave in order but arrive with jitter, and Twitch
    /// measures on arrival. Going over costs a 30-minute lock-out.
    /// </summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(150);

    /// <summary>A refusal NOTICE later than this after the last message sent to a channel is not about it.</summary>
    public static readonly TimeSpan RefusalWindow = TimeSpan.FromSeconds(10);

    /// <summary>How long a channel stays blocked after a refusal that no ROOMSTATE lifts (account not verified, suspended).</summary>
    public static readonly TimeSpan RefusalBlock = TimeSpan.FromMinutes(10);

    /// <summary>How long sending pauses after a <c>msg_ratelimit</c> NOTICE.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(30);
}
