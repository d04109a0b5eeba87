using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Channels;
using LiveBot.Chat.Local;
using LiveBot.Core.Configuration;
using LiveBot.Questions;
using Microsoft.Extensions.Options;

namespace LiveBot.Dashboard;

/// <summary>
/// The live side of the dashboard: turns question and config changes into Server-Sent Events frames and
/// fans them out to every open presenter page (everything) and overlay (only the on-air question).
/// The queue's <c>Changed</c> event only drops the change in a channel; one pump serialises each change
/// once, off the queue's thread. A client too slow to keep up is disconnected and, as every EventSource
/// does, reconnects and starts again from a fresh snapshot: nothing is lost, nothing grows without bound.
/// </summary>
public sealed partial class DashboardFeed : BackgroundService
{
    /// <summary>Frames waiting for one client before it counts as stuck.</summary>
    public const int ClientBacklog = 4096;

    /// <summary>
    /// Most questions in a page's first frame: the open ones first (on air, then most votes, then oldest). The page
    /// shows 200 at most; answered and hidden ones, and open ones past this, are asked for when a filter shows them.
    /// </summary>
    public const int MaxSnapshotQuestions = 300;

    /// <summary>camelCase; French letters kept readable, but &lt; &gt; &amp; ' + always escaped (never HTML, even by mistake).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private const string Heartbeat = ": ping\n\n";

    private readonly QuestionQueue _queue;
    private readonly ConfigStatusRegistry _config;
    private readonly TimeProvider _time;
    private readonly DashboardOptions _options;
    private readonly IOptions<LocalChatOptions> _localChat;
    private readonly ILogger<DashboardFeed> _logger;
    private readonly Channel<FeedInput> _inputs = Channel.CreateUnbounded<FeedInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, FeedSubscription> _presenters = new();
    private readonly ConcurrentDictionary<long, FeedSubscription> _overlays = new();
    private readonly ConcurrentDictionary<string, string> _extraFrames = new(StringComparer.Ordinal);
    private long _nextId;
    private long _slowClientsDropped;
    private volatile bool _stopping;
    private volatile OverlayFrame _onAir;
    private string _lastConfigFrame = "";

    public DashboardFeed(
        QuestionQueue queue,
        ConfigStatusRegistry config,
        TimeProvider time,
        IOptions<DashboardOptions> options,
        IOptions<LocalChatOptions> localChat,
        IHostApplicationLifetime lifetime,
        ILogger<DashboardFeed> logger)
    {
        _localChat = localChat;
        _queue = queue;
        _config = config;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _onAir = ComputeOnAir();
        _queue.Changed += OnQuestionChanged;
        _config.Changed += OnConfigChanged;
        lifetime.ApplicationStopping.Register(CloseAll);
    }

    /// <summary>Open presenter pages and overlays (for /healthz-like reports and tests).</summary>
    public int PresenterCount => _presenters.Count;

    public int OverlayCount => _overlays.Count;

    /// <summary>Streams closed because their client fell <see cref="ClientBacklog"/> frames behind (it reconnects).</summary>
    public long SlowClientsDropped => Interlocked.Read(ref _slowClientsDropped);

    /// <summary>Registers a presenter page; then <see cref="PresenterSnapshot"/> gives what it starts from.</summary>
    public FeedSubscription SubscribePresenter() => Subscribe(_presenters);

    public FeedSubscription SubscribeOverlay() => Subscribe(_overlays);

    /// <summary>
    /// What the page shows first (the open questions, at most <see cref="MaxSnapshotQuestions"/>, and how many
    /// others it may ask <c>GET /api/questions</c> for), the counters, the config state and whether the test chat
    /// is on, as one <c>snapshot</c> event, followed by the last frame of each <see cref="PublishPresenter"/> event
    /// (statistics...). Its size no longer grows with the queue: a page costs the same at 50 or 20,000 questions.
    /// </summary>
    public string PresenterSnapshot()
    {
        var all = _queue.List();
        var shown = all
            .Where(q => q.Status is QuestionStatus.Pending or QuestionStatus.Approved or QuestionStatus.OnAir)
            .OrderByDescending(q => q.Status == QuestionStatus.OnAir)
            .ThenByDescending(q => q.Votes)
            .ThenBy(q => q.CreatedAt)
            .Take(MaxSnapshotQuestions)
            .Select(QuestionView.From)
            .ToList();
        return Frame("snapshot", new
        {
            questions = shown,
            omitted = all.Count - shown.Count,
            counters = _queue.Counters(),
            config = ConfigFiles(),
            localChat = _localChat.Value.IsOn,
        }) + string.Concat(_extraFrames.Values);
    }

    /// <summary>
    /// Sends an event of another feature (e.g. <c>stats</c>) to every presenter page; the last one of each
    /// name is also replayed to pages that connect later.
    /// </summary>
    public void PublishPresenter(string eventName, object payload)
    {
        var frame = Frame(eventName, payload);
        _extraFrames[eventName] = frame;
        Broadcast(_presenters, frame);
    }

    /// <summary>The on-air question (or null) as one <c>onair</c> event.</summary>
    public string OverlaySnapshot() => _onAir.Frame;

    public override void Dispose()
    {
        _queue.Changed -= OnQuestionChanged;
        _config.Changed -= OnConfigChanged;
        CloseAll();
        base.Dispose();
    }

    /// <summary>Sends a frame of another capability (polls) to every open presenter page.</summary>
    internal void PushToPresenters(string frame) => Broadcast(_presenters, frame);

    /// <summary>Sends a frame of another capability (polls) to every open overlay.</summary>
    internal void PushToOverlays(string frame) => Broadcast(_overlays, frame);

    internal static string Frame(string eventName, object payload) =>
        "event: " + eventName + "\ndata: " + JsonSerializer.Serialize(payload, Json) + "\n\n";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PumpAsync(stoppingToken), HeartbeatAsync(stoppingToken));

    private FeedSubscription Subscribe(ConcurrentDictionary<long, FeedSubscription> group)
    {
        var id = Interlocked.Increment(ref _nextId);
        var subscription = new FeedSubscription(() => group.TryRemove(id, out _));
        group[id] = subscription;
        if (_stopping)
        {
            subscription.Close();
        }

        return subscription;
    }

    private void OnQuestionChanged(QuestionChange change) => _inputs.Writer.TryWrite(new FeedInput(change));

    private void OnConfigChanged(string file) => _inputs.Writer.TryWrite(new FeedInput(null));

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        var reader = _inputs.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    Publish(reader);
                }
                catch (Exception ex)
                {
                    Log.PublishFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends everything waiting: one event per question change, then counters, on-air and config once.</summary>
    private void Publish(ChannelReader<FeedInput> reader)
    {
        var questionsChanged = false;
        var onAirTouched = false;
        var configChanged = false;
        var current = _onAir;
        while (reader.TryRead(out var input))
        {
            if (input.Change is not { } change)
            {
                configChanged = true;
                continue;
            }

            questionsChanged = true;
            onAirTouched |= change.Question.Status == QuestionStatus.OnAir || change.Question.Id == current.Id;
            Broadcast(_presenters, Frame("question", new { kind = change.Kind, question = QuestionView.From(change.Question) }));
        }

        if (questionsChanged)
        {
            Broadcast(_presenters, Frame("counters", _queue.Counters()));
        }

        if (onAirTouched)
        {
            var next = ComputeOnAir();
            if (next.Frame != current.Frame)
            {
                _onAir = next;
                Broadcast(_overlays, next.Frame);
            }
        }

        if (configChanged)
        {
            var frame = Frame("config", ConfigFiles());
            if (frame != _lastConfigFrame)
            {
                _lastConfigFrame = frame;
                Broadcast(_presenters, frame);
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Heartbeat, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Broadcast(_presenters, Heartbeat);
                Broadcast(_overlays, Heartbeat);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Broadcast(ConcurrentDictionary<long, FeedSubscription> group, string frame)
    {
        foreach (var (_, subscription) in group)
        {
            if (!subscription.TryPush(frame))
            {
                Interlocked.Increment(ref _slowClientsDropped);
                Log.ClientTooSlow(_logger);
            }
        }
    }

    /// <summary>The most recently put on air (there is normally only one).</summary>
    private OverlayFrame ComputeOnAir()
    {
        var onAir = _queue.List(QuestionStatus.OnAir).OrderByDescending(q => q.UpdatedAt).ThenByDescending(q => q.Id).FirstOrDefault();
        var view = onAir is null ? null : OverlayQuestion.From(onAir);
        return new OverlayFrame(view?.Id ?? 0, Frame("onair", new { question = view }));
    }

    private object ConfigFiles() => new
    {
        files = _config.Snapshot().Select(kv => new { name = kv.Key, ok = kv.Value == ConfigStatusRegistry.Ok, error = kv.Value == ConfigStatusRegistry.Ok ? null : kv.Value }),
    };

    private void CloseAll()
    {
        _stopping = true;
        foreach (var (_, subscription) in _presenters)
        {
            subscription.Close();
        }

        foreach (var (_, subscription) in _overlays)
        {
            subscription.Close();
        }
    }

    private readonly record struct FeedInput(QuestionChange? Change);

    private sealed record OverlayFrame(int Id, string Frame);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A dashboard update could not be sent")]
        public static partial void PublishFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard client fell too far behind: disconnected, it will reconnect from a fresh snapshot")]
        public static partial void ClientTooSlow(ILogger logger);
    }
}

/// <summary>One open event stream: the frames waiting for it. Dispose to unregister.</summary>
public sealed class FeedSubscription(Action unregister) : IDisposable
{
    private readonly Channel<string> _frames = Channel.CreateBounded<string>(new BoundedChannelOptions(DashboardFeed.ClientBacklog)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<string> Frames => _frames.Reader;

    /// <summary>Queues a frame; a full backlog closes the stream (the client reconnects and resyncs).</summary>
    public bool TryPush(string frame)
    {
        if (_frames.Writer.TryWrite(frame))
        {
            return true;
        }

        return !_frames.Writer.TryComplete();
    }

    public void Close() => _frames.Writer.TryComplete();

    public void Dispose()
    {
        Close();
        unregister();
    }
}
