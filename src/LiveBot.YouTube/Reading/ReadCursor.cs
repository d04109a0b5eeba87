using LiveBot.Core.Chat;

namespace LiveBot.YouTube.Reading;

/// <summary>Where reading a chat stands: the next page token, YouTube's shortest pace, the retry backoff.</summary>
public sealed class ReadCursor
{
    public string? PageToken { get; set; }

    /// <summary>YouTube's pollingIntervalMillis (never read sooner).</summary>
    public TimeSpan ServerMinimum { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The interval planned for the last polled read, for <c>/healthz</c>.</summary>
    public TimeSpan? LastReadInterval { get; set; }

    public Backoff Backoff { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public void Reset()
    {
        PageToken = null;
        ServerMinimum = TimeSpan.FromSeconds(2);
        LastReadInterval = null;
    }
}
