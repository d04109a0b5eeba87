namespace LiveBot.Core.Chat;

/// <summary>Connection states shown on <c>/healthz</c>.</summary>
public static class PlatformStates
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string Reconnecting = "reconnecting";
    public const string AuthFailed = "auth_failed";
    public const string Waiting = "waiting";
    public const string Stopped = "stopped";
}

/// <summary>One platform's entry on <c>/healthz</c>.</summary>
public sealed record PlatformHealth(string Name, string State)
{
    public IReadOnlyList<string> Channels { get; init; } = [];
    public long MessagesIn { get; init; }
    public long MessagesOut { get; init; }
    public long DroppedReplies { get; init; }

    /// <summary><see cref="DroppedReplies"/> by reason (<c>stale</c>, <c>moderation</c>, Twitch's <c>msg_duplicate</c>...).</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, long>.Empty;

    /// <summary>A human sentence when something is wrong ("twitch: authentication failed").</summary>
    public string? Error { get; init; }

    /// <summary>Platform-specific figures (quota, blocked channels...).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }

    /// <summary>Replies that went out inside another one's merged message (metrics, live report).</summary>
    public long RepliesMerged { get; init; }

    /// <summary>Connections opened since start (null where the platform does not count them): reconnects in the report.</summary>
    public long? Connections { get; init; }

    /// <summary>API units the platform's ledger booked today (YouTube's quota); 0 where nothing is metered.</summary>
    public long UnitsSpentToday { get; init; }

    /// <summary>True when this platform makes the whole bot "degraded".</summary>
    public bool IsDegraded => State is not (PlatformStates.Connected or PlatformStates.Waiting) || Error is not null;
}
