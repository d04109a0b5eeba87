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

    /// <summary>A human sentence when something is wrong ("twitch: authentication failed").</summary>
    public string? Error { get; init; }

    /// <summary>Platform-specific figures (quota, blocked channels...).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }

    /// <summary>True when this platform makes the whole bot "degraded".</summary>
    public bool IsDegraded => State is not (PlatformStates.Connected or PlatformStates.Waiting) || Error is not null;
}
