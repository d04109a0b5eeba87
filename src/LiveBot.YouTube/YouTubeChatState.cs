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
    private readonly YouTubeTransport _configured;
    private volatile string? _chatId;
    private volatile YouTubeTransport _transport;
    private volatile string? _streamFallback;
    private long _liveStartedTicks;

    public YouTubeChatState(IOptions<YouTubeOptions> options, QuotaLedger ledger)
    {
        Ledger = ledger;
        _pollPlanner = new QuotaPlanner(options.Value);
        _streamPlanner = new QuotaPlanner(options.Value, QuotaPlanner.StreamReadShare);
        _configured = options.Value.Transport;
        _transport = _configured;
    }

    public QuotaLedger Ledger { get; }

    /// <summary>State and read error (the write error lives with the sender).</summary>
    public PlatformStatus Status { get; } = new(PlatformStates.Connecting);

    /// <summary>The chat being read, or null while waiting for a live.</summary>
    public string? ChatId => _chatId;

    public DateTimeOffset LiveStartedAt => new(Interlocked.Read(ref _liveStartedTicks), TimeSpan.Zero);

    public YouTubeTransport Transport => _transport;

    /// <summary>"stream" or "poll", as <c>/healthz</c> says it.</summary>
    public string TransportName => _transport == YouTubeTransport.Stream ? "stream" : "poll";

    /// <summary>Why this live is read by polling after a stream failed, or null.</summary>
    public string? StreamFallback => _streamFallback;

    /// <summary>The budget split of the transport in use (streaming leaves most of the day to replies).</summary>
    public QuotaPlanner Planner => _transport == YouTubeTransport.Stream ? _streamPlanner : _pollPlanner;

    /// <summary>Raised when the chat is left: replies waiting for it are dropped.</summary>
    public event Action? ChatLeft;

    public void Join(string chatId, DateTimeOffset liveStartedAt)
    {
        Interlocked.Exchange(ref _liveStartedTicks, liveStartedAt.UtcTicks);
        _chatId = chatId;
        SetTransport(_configured, fallback: null);
    }

    public void Leave()
    {
        _chatId = null;
        ChatLeft?.Invoke();
    }

    public void SetTransport(YouTubeTransport transport, string? fallback)
    {
        _transport = transport;
        _streamFallback = fallback;
    }
}
