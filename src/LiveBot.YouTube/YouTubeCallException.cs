namespace LiveBot.YouTube;

/// <summary>What a failed call means for the bot (from the error reasons of the Data API).</summary>
public enum YouTubeFailure
{
    /// <summary>5xx, timeout, network, unreadable answer: retry with backoff.</summary>
    Transient,

    /// <summary>401 that a token refresh did not cure, or the refresh token was refused.</summary>
    Unauthorized,

    /// <summary>403 quotaExceeded: no call until the Pacific reset.</summary>
    QuotaExceeded,

    /// <summary>403 rateLimitExceeded (or 429): too fast, back off.</summary>
    RateLimited,

    /// <summary>403 liveChatEnded.</summary>
    ChatEnded,

    /// <summary>403 liveChatDisabled.</summary>
    ChatDisabled,

    /// <summary>403 forbidden (not allowed, e.g. posting without the right).</summary>
    Forbidden,

    /// <summary>404 liveChatNotFound (wrong id) or another 404.</summary>
    NotFound,

    /// <summary>400 messageTextInvalid.</summary>
    InvalidText,

    /// <summary>Another 4xx.</summary>
    BadRequest,

    /// <summary>The streamList endpoint is not served (404 without a Data API reason, 405, 501): poll instead.</summary>
    StreamUnavailable,
}

/// <summary>A Data API call that failed, classified.</summary>
public sealed class YouTubeCallException(YouTubeFailure failure, string method, int? statusCode, string? reason, Exception? inner)
    : Exception($"{method}: {failure} ({statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {reason})", inner)
{
    public YouTubeFailure Failure { get; } = failure;

    public string Method { get; } = method;

    public int? StatusCode { get; } = statusCode;

    public string? Reason { get; } = reason;
}
