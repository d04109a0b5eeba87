using LiveBot.Core.Chat;
using LiveBot.YouTube.Quota;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube;

/// <summary>
/// What reading and writing share: the chat being read (null while waiting for a live), when that live
/// began, the transport in use and the quota plan that goes with it, and the platform's status.
/// </summary>
public sealed class YouTubeChatState
{
    private readonly QuotaPlanner _pollPlanner;
    private readonly QuotaPlanner _streamPlanner;
    private readonly QuotaPlanner _autoPlanner;
    private readonly YouTubeTransport _configured;
    private volatile string? _chatId;
    private volatile YouTubeTransport _transport;
    private volatile string? _streamFallback;
    private long _liveStartedTicks;

    public YouTubeChatState(IOptions<YouTubeOptions> options, QuotaLedger ledger)
    {
        Ledger = ledger;
        _pollPlanner = new QuotaPlanner(options.Value);
        _streamPlanner = new QuotaPlanner(options.Value, QuotaPlanner.StreamReadShare, QuotaPlanner.StreamAheadBoost);
        _autoPlanner = new QuotaPlanner(options.Value, QuotaPlanner.StreamReadShare + QuotaPlanner.WatchdogShare(options.Value), QuotaPlanner.StreamAheadBoost);
        _configured = options.Value.Transport;
        _transport = Effective(_configured);
    }

    public QuotaLedger Ledger { get; }

    /// <summary>State and read error (the write error lives with the sender).</summary>
    public PlatformStatus Status { get; } = new(PlatformStates.Connecting);

    /// <summary>The chat being read, or null while waiting for a live.</summary>
    public string? ChatId => _chatId;

    public DateTimeOffset LiveStartedAt => new(Interlocked.Read(ref _liveStartedTicks), TimeSpan.Zero);

    /// <summary>The transport in use: <see cref="YouTubeTransport.Stream"/> or <see cref="YouTubeTransport.Poll"/>.</summary>
    public YouTubeTransport Transport => _transport;

    /// <summary>What the configuration asks for.</summary>
    public YouTubeTransport Configured => _configured;

    /// <summary>"auto", "stream" or "poll": the configured transport, as <c>/healthz</c> says it.</summary>
    public string ConfiguredName => _configured switch
    {
        YouTubeTransport.Auto => "auto",
        YouTubeTransport.Stream => "stream",
        _ => "poll",
    };

    /// <summary>True while a stream is read with the polling watchdog beside it (<see cref="YouTubeTransport.Auto"/>).</summary>
    public bool Watchdog => _configured == YouTubeTransport.Auto && _transport == YouTubeTransport.Stream;

    /// <summary>"stream" or "poll", as <c>/healthz</c> says it.</summary>
    public string TransportName => _transport == YouTubeTransport.Stream ? "stream" : "poll";

    /// <summary>Why this live is read by polling after a stream failed, or null.</summary>
    public string? StreamFallback => _streamFallback;

    /// <summary>The budget split of the transport in use (streaming leaves most of the day to replies).</summary>
    public QuotaPlanner Planner => _transport != YouTubeTransport.Stream ? _pollPlanner : _configured == YouTubeTransport.Auto ? _autoPlanner : _streamPlanner;

    /// <summary>Raised when the chat is left: replies waiting for it are dropped.</summary>
    public event Action? ChatLeft;

    public void Join(string chatId, DateTimeOffset liveStartedAt)
    {
        Interlocked.Exchange(ref _liveStartedTicks, liveStartedAt.UtcTicks);
        _chatId = chatId;
        SetTransport(Effective(_configured), fallback: null);
    }

    public void Leave()
    {
        _chatId = null;
        ChatLeft?.Invoke();
    }

    public void SetTransport(YouTubeTransport transport, string? fallback)
    {
        _transport = Effective(transport);
        _streamFallback = fallback;
    }

    /// <summary>Auto reads a stream (with its watchdog) until it falls back.</summary>
    private static YouTubeTransport Effective(YouTubeTransport transport) =>
        transport == YouTubeTransport.Auto ? YouTubeTransport.Stream : transport == YouTubeTransport.Stream ? YouTubeTransport.Stream : YouTubeTransport.Poll;
}
