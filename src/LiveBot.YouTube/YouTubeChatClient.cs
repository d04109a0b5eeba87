using LiveBot.Core.Chat;
using LiveBot.YouTube.Api;
using LiveBot.YouTube.Api.Data;
using LiveBot.YouTube.Quota;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube;

/// <summary>
/// The bot in a YouTube live chat: finds the live, reads its chat at a pace the daily quota allows, and
/// sends the replies of the pipeline through a paced outbox that degrades (merged, short, none) as the
/// budget runs low. <see cref="ExecuteAsync"/> owns both loops; every wait goes through the
/// <see cref="TimeProvider"/>; no failure of YouTube reaches the host.
/// </summary>
public sealed partial class YouTubeChatClient : BackgroundService, IChatPlatform
{
    public const string PlatformName = "youtube";
    public const int MaxLength = 200;
    public const string QuotaExceededState = "quota_exceeded";
    public const int OutboxCapacity = 500;
    public const string PackSeparator = " · ";

    /// <summary>Replies held this long at <see cref="ReplyLevel.Merged"/> and below so that askers share a message.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the pipeline to handle a page before reading on.</summary>
    public static readonly TimeSpan PageHandlingTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A stream silent this long is reopened (a dead connection would otherwise hang forever).</summary>
    public static readonly TimeSpan StreamIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A stream connection that ends sooner counts as an early disconnect.</summary>
    public static readonly TimeSpan MinStreamLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Early disconnects in a row after which the live is read by polling.</summary>
    public const int MaxEarlyDisconnects = 3;

    private readonly YouTubeOptions _options;
    private readonly ChatInbox _inbox;
    private readonly QuotaLedger _ledger;
    private readonly QuotaPlanner _pollPlanner;
    private readonly QuotaPlanner _streamPlanner;
    private readonly YouTubeGateway _gateway;
    private readonly TimeProvider _time;
    private readonly ILogger<YouTubeChatClient> _logger;

    private readonly RecentIds _seen = new(20_000);
    private readonly RecentIds _sentIds = new(2_000);
    private readonly RecentIds _endedChats = new(100);
    private readonly Queue<DateTimeOffset> _recentMessages = new();
    private readonly Lock _lock = new();
    private readonly List<OutgoingMessage> _outbox = [];
    private readonly SendPacer _pacer = new(4);
    private readonly Backoff _readBackoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));
    private readonly Backoff _sendBackoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
    private readonly HashSet<string> _recentSentTexts = new(StringComparer.Ordinal);

    // Texts being inserted: a stream may bring our message back before the insert call answered.
    private readonly Dictionary<string, int> _sendingTexts = new(StringComparer.Ordinal);

    private volatile string _state = PlatformStates.Connecting;
    private volatile string? _error;
    private volatile string? _writeError;
    private volatile string? _chatId;
    private string? _pageToken;
    private bool _firstPage;
    private bool _configuredChatInvalid;
    private DateTimeOffset _liveStartedAt;
    private TimeSpan _serverMinimum = TimeSpan.FromSeconds(2);
    private TimeSpan? _lastReadInterval;
    private DateTimeOffset? _sendPausedUntil;
    private string? _ownChannelId;
    private long _in;
    private long _out;
    private long _dropped;
    private long _answeredAskers;

    // Transport of the current live: the configured one until the stream fails for good (then Poll).
    private volatile string _transportName = "poll";
    private volatile YouTubeTransport _transport;
    private volatile string? _streamFallback;
    private int _earlyDisconnects;
    private long _streamEvents;
    private readonly List<(long Count, TaskCompletionSource Done)> _streamWaiters = [];

    // Idle tracking: tests advance fake time only when both loops wait on the clock (never mid-call).
    private readonly Lock _idleLock = new();
    private int _busy = 2;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _wakeSender;

    public YouTubeChatClient(IOptions<YouTubeOptions> options, ChatInbox inbox, QuotaLedger ledger, YouTubeGateway gateway, TimeProvider time, ILogger<YouTubeChatClient> logger)
    {
        _options = options.Value;
        _inbox = inbox;
        _ledger = ledger;
        _pollPlanner = new QuotaPlanner(_options);
        _streamPlanner = new QuotaPlanner(_options, QuotaPlanner.StreamReadShare);
        _gateway = gateway;
        _time = time;
        _logger = logger;
        SetTransport(_options.Transport, fallback: null);
    }

    public string Name => PlatformName;

    /// <summary>The budget split of the transport in use (streaming leaves most of the day to replies).</summary>
    private QuotaPlanner Planner => _transport == YouTubeTransport.Stream ? _streamPlanner : _pollPlanner;

    public int MaxMessageLength => MaxLength;

    public int MaxParts => 2;

    public SendLimit SendLimit => new(1, TimeSpan.FromSeconds(1));

    public IReadOnlyCollection<string> ConnectedChannels => _chatId is { } id ? [id] : [];

    /// <summary>The chat being read, or null while waiting for a live.</summary>
    public string? LiveChatId => _chatId;

    /// <summary>Askers answered (a merged reply counts for each).</summary>
    public long AnsweredAskers => Interlocked.Read(ref _answeredAskers);

    public PlatformHealth GetHealth()
    {
        var quota = _ledger.Snapshot();
        var chatId = _chatId;
        int pending;
        lock (_lock)
        {
            pending = _outbox.Count;
        }

        var error = _error ?? _writeError;
        return new PlatformHealth(PlatformName, _state)
        {
            Channels = chatId is null ? [] : [chatId],
            MessagesIn = Interlocked.Read(ref _in),
            MessagesOut = Interlocked.Read(ref _out),
            DroppedReplies = Interlocked.Read(ref _dropped),
            Error = error is null ? null : "youtube: " + error,
            Details = new Dictionary<string, object?>
            {
                ["liveChatId"] = chatId,
                ["quota"] = new Dictionary<string, object?>
                {
                    ["day"] = quota.Day,
                    ["dailyQuota"] = _options.DailyQuota,
                    ["spent"] = quota.Spent,
                    ["remaining"] = Math.Max(0, _options.DailyQuota - quota.Spent),
                    ["readUnits"] = quota.ReadUnits,
                    ["writeUnits"] = quota.WriteUnits,
                    ["calls"] = quota.Calls,
                    ["byMethod"] = quota.ByMethod,
                    ["exceededUntil"] = quota.ExceededUntil,
                },
                ["transport"] = _transportName,
                ["streamFallback"] = _streamFallback,
                ["replyLevel"] = Planner.Level(quota).ToString(),
                ["readIntervalSeconds"] = _lastReadInterval?.TotalSeconds,
                ["pendingReplies"] = pending,
                ["answeredAskers"] = AnsweredAskers,
            },
        };
    }

    public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Action? wake;
        lock (_lock)
        {
            if (_outbox.Count >= OutboxCapacity)
            {
                Interlocked.Increment(ref _dropped);
                return ValueTask.FromResult(false);
            }

            _outbox.Add(message);
            wake = _wakeSender;
            _wakeSender = null;
        }

        wake?.Invoke();
        return ValueTask.FromResult(true);
    }

    /// <summary>Deletes a chat message (moderation); false when YouTube refused.</summary>
    public async Task<bool> DeleteMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await _gateway.DeleteMessageAsync(messageId, cancellationToken);
            return true;
        }
        catch (YouTubeCallException ex)
        {
            Log.CallFailed(_logger, ex.Method, ex.Failure, ex.StatusCode, ex.Reason);
            if (ex.Failure == YouTubeFailure.QuotaExceeded)
            {
                _ledger.MarkExceeded();
            }

            return false;
        }
    }

    /// <summary>Completes once both loops wait on the clock or for replies (no call in flight). For tests.</summary>
    internal Task WhenIdleAsync()
    {
        lock (_idleLock)
        {
            return _busy == 0 ? Task.CompletedTask : _idle.Task;
        }
    }

    /// <summary>Stream responses read plus stream ends the server chose (not our own closes). For tests.</summary>
    internal long StreamEvents => Interlocked.Read(ref _streamEvents);

    /// <summary>Completes once <see cref="StreamEvents"/> reached <paramref name="count"/>. For tests.</summary>
    internal Task WhenStreamEventsAsync(long count)
    {
        lock (_streamWaiters)
        {
            if (StreamEvents >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _streamWaiters.Add((count, done));
            return done.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(ReadLoopAsync(stoppingToken), SendLoopAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _state = PlatformStates.Stopped;
    }

    // ---------------------------------------------------------------- reading

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (YouTubeCallException ex)
            {
                await OnReadFailureAsync(ex, stoppingToken);
            }
            catch (Exception ex)
            {
                Log.LoopFailed(_logger, "read", ex);
                await WaitAsync(_readBackoff.Next(), stoppingToken);
            }
        }
    }

    private async Task ReadOnceAsync(CancellationToken cancellationToken)
    {
        var quota = _ledger.Snapshot();
        if (quota.ExceededUntil is { } until)
        {
            _state = QuotaExceededState;
            _error = $"quota YouTube épuisé jusqu'à {until:yyyy-MM-dd HH:mm} UTC";
            Log.QuotaExceeded(_logger, until);
            await WaitAsync(until - _time.GetUtcNow(), cancellationToken);
            // What was said meanwhile is backlog now: start from a fresh page, as when joining.
            _pageToken = null;
            _firstPage = true;
            _error = null;
            _state = _chatId is null ? PlatformStates.Connecting : PlatformStates.Connected;
            return;
        }

        if (_chatId is null)
        {
            var found = await DiscoverAsync(cancellationToken);
            if (found is null)
            {
                _state = PlatformStates.Waiting;
                await WaitForLiveAsync(cancellationToken);
                return;
            }

            Join(found);
        }

        var chatId = _chatId!;
        if (_transport == YouTubeTransport.Stream)
        {
            await StreamOnceAsync(chatId, cancellationToken);
            return;
        }

        var page = await _gateway.ListMessagesAsync(chatId, _pageToken, cancellationToken);
        _readBackoff.Reset();
        _state = PlatformStates.Connected;
        _error = null;
        if (page.PollingIntervalMillis is { } millis and >= 0 and <= 3_600_000)
        {
            _serverMinimum = TimeSpan.FromMilliseconds(millis);
        }

        var over = await HandlePageAsync(chatId, page, cancellationToken);
        if (over)
        {
            Leave(chatId, ended: true);
            Log.LiveEnded(_logger, chatId);
            await WaitForLiveAsync(cancellationToken);
            return;
        }

        if (!string.IsNullOrEmpty(page.NextPageToken))
        {
            _pageToken = page.NextPageToken;
        }

        var now = _time.GetUtcNow();
        var interval = Planner.ReadInterval(_ledger.Snapshot(), now, _liveStartedAt, _serverMinimum, MessagesPerMinute(now));
        if (interval is null)
        {
            // Not even one read left today: the same as quotaExceeded, but known before YouTube says it.
            _ledger.MarkExceeded();
            return;
        }

        _lastReadInterval = interval;
        await WaitAsync(interval.Value, cancellationToken);
    }

    private async Task<FoundChat?> DiscoverAsync(CancellationToken cancellationToken)
    {
        FoundChat? found;
        if (!string.IsNullOrWhiteSpace(_options.LiveChatId) && !_configuredChatInvalid)
        {
            found = new FoundChat(_options.LiveChatId.Trim(), null);
        }
        else if (!string.IsNullOrWhiteSpace(_options.VideoId))
        {
            found = await _gateway.FindChatOfVideoAsync(_options.VideoId.Trim(), cancellationToken);
        }
        else
        {
            found = await _gateway.FindActiveBroadcastChatAsync(cancellationToken);
        }

        if (found is not null && _endedChats.Contains(found.LiveChatId))
        {
            return null;
        }

        return found;
    }

    private void Join(FoundChat found)
    {
        var chatId = found.LiveChatId;
        var now = _time.GetUtcNow();
        _chatId = chatId;
        _pageToken = null;
        _firstPage = true;
        // A bot restarted mid-live plans over what is left of it (YouTube's start time when known).
        _liveStartedAt = found.StartedAt is { } started && started <= now && now - started < _options.ExpectedLiveDuration ? started : now;
        _serverMinimum = TimeSpan.FromSeconds(2);
        _error = null;
        SetTransport(_options.Transport, fallback: null);
        Log.Joined(_logger, chatId);
    }

    private void Leave(string chatId, bool ended)
    {
        if (ended)
        {
            _endedChats.Add(chatId);
        }

        _chatId = null;
        _pageToken = null;
        _lastReadInterval = null;
        _state = PlatformStates.Waiting;
        lock (_lock)
        {
            var stale = _outbox.RemoveAll(m => m.Channel == chatId);
            Interlocked.Add(ref _dropped, stale);
        }
    }

    private async Task WaitForLiveAsync(CancellationToken cancellationToken)
    {
        var cost = !string.IsNullOrWhiteSpace(_options.VideoId) ? _options.QuotaCosts.VideosList : _options.QuotaCosts.LiveBroadcastsList;
        var interval = Planner.WaitingInterval(_ledger.Snapshot(), cost);
        if (interval is null)
        {
            _ledger.MarkExceeded();
            return;
        }

        await WaitAsync(interval.Value, cancellationToken);
    }

    /// <summary>Publishes the new text messages of a page; true when the live is over.</summary>
    private async Task<bool> HandlePageAsync(string chatId, LiveChatMessageListResponse page, CancellationToken cancellationToken)
    {
        var backlog = _firstPage;
        _firstPage = false;
        var over = !string.IsNullOrEmpty(page.OfflineAtRaw);
        var now = _time.GetUtcNow();
        var handled = new List<Task>();
        foreach (var item in page.Items ?? [])
        {
            if (item?.Id is not { Length: > 0 } id || !_seen.Add(id))
            {
                continue;
            }

            if (item.Snippet?.Type == LiveChatMessageSnippet.ChatEndedEvent)
            {
                over = true;
                continue;
            }

            if (backlog || IsOwn(item))
            {
                continue;
            }

            var message = YouTubeMessageMapper.ToChatMessage(item, chatId, now);
            if (message is null || now - message.Time > _options.ReplyMaxAge)
            {
                continue;
            }

            Interlocked.Increment(ref _in);
            _recentMessages.Enqueue(now);
            handled.Add(_inbox.SubmitAsync(message, cancellationToken));
        }

        if (handled.Count > 0)
        {
            // The page counts as read once its lines were handled and their replies queued here.
            try
            {
                await Task.WhenAll(handled).WaitAsync(PageHandlingTimeout, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Log.SlowPipeline(_logger, handled.Count);
            }
        }

        if (backlog)
        {
            Log.BacklogSkipped(_logger, page.Items?.Count ?? 0, chatId);
        }

        return over;
    }

    private bool IsOwn(LiveChatMessage item)
    {
        if (_sentIds.Contains(item.Id!))
        {
            return true;
        }

        var author = item.AuthorDetails?.ChannelId ?? item.Snippet?.AuthorChannelId;
        var text = item.Snippet?.TextMessageDetails?.MessageText ?? item.Snippet?.DisplayMessage;
        if (text is null)
        {
            return false;
        }

        lock (_lock)
        {
            if (_sendingTexts.ContainsKey(text) && (_ownChannelId is null || author == _ownChannelId))
            {
                return true;
            }

            return author is not null && author == _ownChannelId && _recentSentTexts.Contains(text);
        }
    }

    private double MessagesPerMinute(DateTimeOffset now)
    {
        while (_recentMessages.TryPeek(out var first) && now - first > TimeSpan.FromMinutes(1))
        {
            _recentMessages.Dequeue();
        }

        return _recentMessages.Count;
    }

    private async Task OnReadFailureAsync(YouTubeCallException ex, CancellationToken cancellationToken)
    {
        Log.CallFailed(_logger, ex.Method, ex.Failure, ex.StatusCode, ex.Reason);
        var chatId = _chatId;
        switch (ex.Failure)
        {
            case YouTubeFailure.QuotaExceeded:
                _ledger.MarkExceeded();
                return;
            case YouTubeFailure.RateLimited:
                var wait = _readBackoff.Next();
                await WaitAsync(wait > _serverMinimum ? wait : _serverMinimum * 2, cancellationToken);
                return;
            case YouTubeFailure.ChatEnded or YouTubeFailure.ChatDisabled or YouTubeFailure.Forbidden or YouTubeFailure.NotFound:
                // This chat is no longer readable: leave it and wait for a live (the next one, or the right one).
                _error = ex.Failure switch
                {
                    YouTubeFailure.ChatDisabled => "le chat de ce live est désactivé",
                    YouTubeFailure.Forbidden => "accès au chat refusé (compte sans droit sur ce live)",
                    YouTubeFailure.NotFound => chatId is null ? "vidéo ou live introuvable" : "chat introuvable (LiveChatId erroné ?)",
                    _ => _error,
                };
                if (chatId is not null)
                {
                    if (ex.Failure == YouTubeFailure.NotFound && chatId == _options.LiveChatId?.Trim())
                    {
                        _configuredChatInvalid = true;
                    }

                    Leave(chatId, ended: ex.Failure == YouTubeFailure.ChatEnded);
                }

                await WaitForLiveAsync(cancellationToken);
                return;
            case YouTubeFailure.BadRequest when ex.Reason == "pageTokenInvalid":
                // A token YouTube no longer takes (e.g. a stream's, after falling back): start afresh.
                _pageToken = null;
                _firstPage = true;
                await WaitAsync(_readBackoff.Next(), cancellationToken);
                return;
            case YouTubeFailure.Unauthorized:
                _state = PlatformStates.AuthFailed;
                _error = "authentification refusée (RefreshToken révoqué ? relancez youtube-login)";
                await WaitAsync(Max(_readBackoff.Next(), TimeSpan.FromMinutes(1)), cancellationToken);
                return;
            default:
                _state = _chatId is null ? PlatformStates.Connecting : PlatformStates.Reconnecting;
                await WaitAsync(_readBackoff.Next(), cancellationToken);
                return;
        }
    }

    // ---------------------------------------------------------------- streaming

    /// <summary>
    /// One streamList connection: its responses go through <see cref="HandlePageAsync"/> exactly as polled
    /// pages (backlog of the first one skipped, own messages, duplicate ids, roles, live end); the last
    /// nextPageToken resumes after a disconnect. An unavailable endpoint, or <see cref="MaxEarlyDisconnects"/>
    /// early disconnects in a row, switch this live to polling.
    /// </summary>
    private async Task StreamOnceAsync(string chatId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (Planner.ReadInterval(_ledger.Snapshot(), now, _liveStartedAt, TimeSpan.Zero, 0) is null)
        {
            _ledger.MarkExceeded();
            return;
        }

        LiveChatMessageStream stream;
        try
        {
            stream = await _gateway.OpenStreamAsync(chatId, _pageToken, cancellationToken);
        }
        catch (YouTubeCallException ex) when (ex.Failure is YouTubeFailure.StreamUnavailable or YouTubeFailure.BadRequest or YouTubeFailure.InvalidText)
        {
            // Not served, or not in the form we speak: polling is the known way.
            FallBackToPolling($"streamList indisponible (HTTP {ex.StatusCode}{(ex.Reason is null ? "" : " " + ex.Reason)})");
            return;
        }
        catch (YouTubeCallException ex) when (ex.Failure == YouTubeFailure.Transient)
        {
            // 5xx, timeouts, network: retried with backoff like a polled read, but only so many times in a row.
            if (++_earlyDisconnects >= MaxEarlyDisconnects)
            {
                FallBackToPolling($"{_earlyDisconnects} échecs d'ouverture du stream ({ex.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ex.Reason})");
                return;
            }

            throw;
        }

        var opened = _time.GetUtcNow();
        var responses = 0;
        var idleTimedOut = false;
        await using (stream)
        {
            try
            {
                // The first response (recent history) comes at once; after it, the chat may be quiet a while.
                while (await stream.ReadNextAsync((body, buffer) => ReadStreamAsync(body, buffer, responses == 0 ? _options.RequestTimeout : StreamIdleTimeout, cancellationToken)) is { } page)
                {
                    responses++;
                    CountStreamEvent();
                    _readBackoff.Reset();
                    _state = PlatformStates.Connected;
                    _error = null;
                    var over = await HandlePageAsync(chatId, page, cancellationToken);
                    if (over)
                    {
                        Leave(chatId, ended: true);
                        Log.LiveEnded(_logger, chatId);
                        await WaitForLiveAsync(cancellationToken);
                        return;
                    }

                    if (!string.IsNullOrEmpty(page.NextPageToken))
                    {
                        _pageToken = page.NextPageToken;
                    }
                }

                // The server ended the stream (closed array or dropped connection).
                CountStreamEvent();
                Log.StreamEnded(_logger, chatId, stream.Completed, responses);
            }
            catch (TimeoutException)
            {
                // Silent from the start is a broken stream (counted as an early disconnect), silent later a quiet chat.
                idleTimedOut = responses > 0;
                Log.StreamIdle(_logger, chatId, responses, responses == 0 ? _options.RequestTimeout : StreamIdleTimeout);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or FormatException or Newtonsoft.Json.JsonException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Log.StreamBroken(_logger, chatId, responses, ex.GetType().Name);
            }
        }

        var lived = _time.GetUtcNow() - opened;
        if (idleTimedOut || lived >= MinStreamLifetime)
        {
            _earlyDisconnects = 0;
            return;
        }

        _state = PlatformStates.Reconnecting;
        if (++_earlyDisconnects >= MaxEarlyDisconnects)
        {
            FallBackToPolling($"{_earlyDisconnects} déconnexions du stream en moins de {MinStreamLifetime.TotalSeconds:0} s");
            return;
        }

        await WaitAsync(_readBackoff.Next(), cancellationToken);
    }

    /// <summary>
    /// Reads the stream's body, the loop counting as idle while it waits on the network (so tests advance
    /// fake time); silent for <paramref name="timeout"/> on the injected clock: <see cref="TimeoutException"/>.
    /// </summary>
    private async ValueTask<int> ReadStreamAsync(Stream body, Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var read = body.ReadAsync(buffer, linked.Token);
        if (read.IsCompleted)
        {
            return await read;
        }

        var woken = 0;
        void Wake()
        {
            if (Interlocked.Exchange(ref woken, 1) == 0)
            {
                MarkBusy();
            }
        }

        await using var registration = linked.Token.Register(Wake);
        MarkIdle();
        try
        {
            return await read;
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("stream silent");
        }
        finally
        {
            Wake();
        }
    }

    private void FallBackToPolling(string reason)
    {
        Log.StreamFallback(_logger, reason);
        _earlyDisconnects = 0;
        _readBackoff.Reset();
        SetTransport(YouTubeTransport.Poll, reason);
    }

    private void SetTransport(YouTubeTransport transport, string? fallback)
    {
        _transport = transport;
        _transportName = transport == YouTubeTransport.Stream ? "stream" : "poll";
        _streamFallback = fallback;
        _earlyDisconnects = 0;
    }

    private void CountStreamEvent()
    {
        var count = Interlocked.Increment(ref _streamEvents);
        lock (_streamWaiters)
        {
            for (var i = _streamWaiters.Count - 1; i >= 0; i--)
            {
                if (_streamWaiters[i].Count <= count)
                {
                    _streamWaiters[i].Done.TrySetResult();
                    _streamWaiters.RemoveAt(i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- writing

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LoopFailed(_logger, "send", ex);
                await WaitAsync(_sendBackoff.Next(), stoppingToken);
            }
        }
    }

    private async Task SendOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var quota = _ledger.Snapshot();
        var level = Planner.Level(quota);
        var chatId = _chatId;
        OutgoingMessage? next = null;
        TimeSpan? wait = null;
        lock (_lock)
        {
            DropUnsendable(now, level, chatId);
            if (_outbox.Count == 0 || chatId is null)
            {
                wait = null;
            }
            else if (quota.ExceededUntil is { } until)
            {
                wait = Min(until - now, TimeSpan.FromSeconds(30));
            }
            else if (_sendPausedUntil is { } paused && paused > now)
            {
                wait = paused - now;
            }
            else
            {
                var rate = Planner.SendRate(quota, now, _liveStartedAt);
                var untilToken = _pacer.TimeUntilNext(now, rate);
                var oldest = _outbox.Min(m => m.CreatedAt);
                var untilWindow = level >= ReplyLevel.Merged ? oldest + MergeWindow - now : TimeSpan.Zero;
                var delay = Max(untilToken, untilWindow);
                if (delay > TimeSpan.Zero)
                {
                    wait = Min(delay, TimeSpan.FromMinutes(1));
                }
                else
                {
                    next = TakeNext(level);
                }
            }
        }

        if (next is null)
        {
            await WaitForWorkAsync(wait, cancellationToken);
            return;
        }

        await SendAsync(chatId!, next, level, cancellationToken);
    }

    /// <summary>Drops replies too old, for another chat, or that the level no longer allows.</summary>
    private void DropUnsendable(DateTimeOffset now, ReplyLevel level, string? chatId)
    {
        var dropped = _outbox.RemoveAll(m =>
            now - m.CreatedAt > _options.ReplyMaxAge
            || chatId is null
            || m.Channel != chatId
            || level == ReplyLevel.None
            || (level == ReplyLevel.ShortOnly && m.ShortText is null));
        Interlocked.Add(ref _dropped, dropped);
    }

    /// <summary>
    /// Merges what waits (same request -> one message to every asker), addresses each reply, then packs
    /// further short replies into the first message while it stays within 200 characters ("@a … · @b …"):
    /// each insert costs 20 units whatever its length.
    /// </summary>
    private OutgoingMessage TakeNext(ReplyLevel level)
    {
        IEnumerable<OutgoingMessage> pending = _outbox;
        if (level == ReplyLevel.ShortOnly)
        {
            pending = pending.Select(m => m with { Text = m.ShortText ?? m.Text });
        }

        var merged = ReplyMerger.Merge(pending, MaxLength).Select(m => (Message: Addressed(m), Named: IsAddressable(m))).ToList();
        var (first, firstNamed) = merged[0];
        var rest = new List<OutgoingMessage>();
        foreach (var (next, named) in merged.Skip(1))
        {
            // Only replies that name their askers are packed, else nobody could tell whom each part answers.
            if (firstNamed && named && next.Channel == first.Channel && first.Text.Length + PackSeparator.Length + next.Text.Length <= MaxLength)
            {
                first = first with
                {
                    Text = first.Text + PackSeparator + next.Text,
                    Merged = (first.InReplyTo is null ? 0 : first.Merged) + (next.InReplyTo is null ? 0 : next.Merged),
                    InReplyTo = first.InReplyTo ?? next.InReplyTo,
                };
            }
            else
            {
                rest.Add(next);
            }
        }

        _outbox.Clear();
        _outbox.AddRange(rest);
        return first;
    }

    private static bool IsAddressable(OutgoingMessage message) => message.InReplyTo is not null && (message.MergeKey is not null || message.Merged > 1);

    /// <summary>A reply with a merge key names its asker ("@name text"); merged ones already name theirs.</summary>
    private static OutgoingMessage Addressed(OutgoingMessage message) =>
        message.MergeKey is not null && message.InReplyTo is { } asker
            ? message with { Text = ReplyMerger.Address([asker.DisplayName], message.Text, MaxLength), MergeKey = null }
            : message;

    private async Task SendAsync(string chatId, OutgoingMessage message, ReplyLevel level, CancellationToken cancellationToken)
    {
        var parts = ReplyText.Split(ReplyText.Sanitize(message.Text), MaxLength, level == ReplyLevel.Full ? 2 : 1);
        for (var i = 0; i < parts.Count; i++)
        {
            var now = _time.GetUtcNow();
            var rate = Planner.SendRate(_ledger.Snapshot(), now, _liveStartedAt);
            var text = parts[i];
            lock (_lock)
            {
                _sendingTexts[text] = _sendingTexts.GetValueOrDefault(text) + 1;
            }

            try
            {
                var sent = await _gateway.InsertMessageAsync(chatId, text, cancellationToken);
                _pacer.Consume(_time.GetUtcNow(), rate);
                RememberSent(sent, text);
                _sendBackoff.Reset();
                _writeError = null;
                Interlocked.Increment(ref _out);
            }
            catch (YouTubeCallException ex)
            {
                Log.CallFailed(_logger, ex.Method, ex.Failure, ex.StatusCode, ex.Reason);
                OnSendFailure(ex, i == 0 ? message : null);
                return;
            }
            finally
            {
                lock (_lock)
                {
                    if (--_sendingTexts[text] == 0)
                    {
                        _sendingTexts.Remove(text);
                    }
                }
            }
        }

        Interlocked.Add(ref _answeredAskers, message.InReplyTo is null ? 0 : message.Merged);
    }

    private void RememberSent(LiveChatMessage sent, string text)
    {
        if (sent.Id is { Length: > 0 } id)
        {
            _sentIds.Add(id);
        }

        var author = sent.AuthorDetails?.ChannelId ?? sent.Snippet?.AuthorChannelId;
        lock (_lock)
        {
            if (author is not null)
            {
                _ownChannelId = author;
            }

            if (_recentSentTexts.Count > 200)
            {
                _recentSentTexts.Clear();
            }

            _recentSentTexts.Add(text);
        }
    }

    /// <summary>Decides whether <paramref name="message"/> (null: a later part) is retried or dropped.</summary>
    private void OnSendFailure(YouTubeCallException ex, OutgoingMessage? message)
    {
        var retry = false;
        var now = _time.GetUtcNow();
        switch (ex.Failure)
        {
            case YouTubeFailure.QuotaExceeded:
                _ledger.MarkExceeded();
                retry = true;
                break;
            case YouTubeFailure.RateLimited:
            case YouTubeFailure.Transient:
            case YouTubeFailure.Unauthorized:
                _sendPausedUntil = now + _sendBackoff.Next();
                retry = true;
                break;
            case YouTubeFailure.Forbidden:
                _writeError = "envoi refusé dans ce chat (compte banni ou sans droit ?)";
                _sendPausedUntil = now + Max(_sendBackoff.Next(), TimeSpan.FromMinutes(1));
                break;
            default:
                // messageTextInvalid, chat ended/disabled/not found: this message cannot be sent.
                break;
        }

        if (message is null)
        {
            return;
        }

        if (retry)
        {
            lock (_lock)
            {
                _outbox.Insert(0, message);
            }
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    // ---------------------------------------------------------------- waiting

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => WaitCoreAsync(delay, wakeOnReply: false, cancellationToken);

    private Task WaitForWorkAsync(TimeSpan? delay, CancellationToken cancellationToken) =>
        WaitCoreAsync(delay ?? Timeout.InfiniteTimeSpan, wakeOnReply: delay is null || delay > TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Waits on the clock (and, for the sender, for a new reply). The loop counts as idle meanwhile; it is
    /// marked busy again inside the timer callback, so a test's <c>Advance</c> never races with it.
    /// </summary>
    private async Task WaitCoreAsync(TimeSpan delay, bool wakeOnReply, CancellationToken cancellationToken)
    {
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            delay = TimeSpan.Zero;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var woken = 0;
        void Wake()
        {
            if (Interlocked.Exchange(ref woken, 1) == 0)
            {
                MarkBusy();
                done.TrySetResult();
            }
        }

        if (wakeOnReply)
        {
            lock (_lock)
            {
                if (_outbox.Count > 0 && delay == Timeout.InfiniteTimeSpan)
                {
                    Wake();
                }
                else
                {
                    _wakeSender = Wake;
                }
            }
        }

        // The timer exists before the loop counts as idle: an Advance can never slip in between.
        using var timer = delay == Timeout.InfiniteTimeSpan ? null : _time.CreateTimer(_ => Wake(), null, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(Wake);
        MarkIdle();
        await done.Task;
        if (wakeOnReply)
        {
            lock (_lock)
            {
                if (_wakeSender == Wake)
                {
                    _wakeSender = null;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void MarkBusy()
    {
        lock (_idleLock)
        {
            if (_busy++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void MarkIdle()
    {
        lock (_idleLock)
        {
            if (--_busy == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: reading live chat {LiveChatId}")]
        public static partial void Joined(ILogger logger, string liveChatId);

        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: live chat {LiveChatId} is over, waiting for the next live")]
        public static partial void LiveEnded(ILogger logger, string liveChatId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "YouTube: skipped {Count} backlog items of {LiveChatId}")]
        public static partial void BacklogSkipped(ILogger logger, int count, string liveChatId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: quota spent, no call until {Until}")]
        public static partial void QuotaExceeded(ILogger logger, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: {Method} failed: {Failure} ({Status} {Reason})")]
        public static partial void CallFailed(ILogger logger, string method, YouTubeFailure failure, int? status, string? reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: {Count} chat lines still being handled, reading on")]
        public static partial void SlowPipeline(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: stream of {LiveChatId} ended by the server (clean {Clean}) after {Responses} responses, resuming")]
        public static partial void StreamEnded(ILogger logger, string liveChatId, bool clean, int responses);

        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: stream of {LiveChatId} silent for {Timeout} after {Responses} responses, reopening")]
        public static partial void StreamIdle(ILogger logger, string liveChatId, int responses, TimeSpan timeout);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: stream of {LiveChatId} broke after {Responses} responses ({Error}), resuming")]
        public static partial void StreamBroken(ILogger logger, string liveChatId, int responses, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: reading by polling for the rest of this live: {Reason}")]
        public static partial void StreamFallback(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "YouTube: unexpected failure in the {Loop} loop")]
        public static partial void LoopFailed(ILogger logger, string loop, Exception exception);
    }
}
