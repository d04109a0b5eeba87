using System.Threading.Channels;
using LiveBot.Polls;
using Microsoft.Extensions.Options;

namespace LiveBot.Dashboard;

/// <summary>
/// Polls on the existing event streams: every change of a poll to the presenter pages (<c>poll</c>, <c>pollremoved</c>),
/// and to the overlays the open poll, then the result for <see cref="PollsOptions.ResultShownFor"/> (<c>poll</c>).
/// A raid of votes becomes at most one update every <see cref="UpdateInterval"/> of <see cref="TimeProvider"/> time:
/// the box only says "voted" and the feed reads the counts when it sends.
/// </summary>
public sealed partial class PollFeed : BackgroundService
{
    /// <summary>At most 4 updates a second.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(250);

    private const string Tick = "tick";

    private readonly PollBox _polls;
    private readonly DashboardFeed _feed;
    private readonly TimeProvider _time;
    private readonly PollsOptions _options;
    private readonly ILogger<PollFeed> _logger;
    private readonly Channel<PollChange> _inputs = Channel.CreateUnbounded<PollChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _timerGate = new();
    private ITimer? _hideTimer;
    private volatile string _overlayFrame;
    private long _overlayFrames;
    private long _presenterFrames;

    public PollFeed(PollBox polls, DashboardFeed feed, TimeProvider time, IOptions<PollsOptions> options, ILogger<PollFeed> logger)
    {
        _polls = polls;
        _feed = feed;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _overlayFrame = OverlayFrame();
        _polls.Changed += OnChanged;
    }

    /// <summary><c>poll</c> frames sent to the overlays since start (the raid test counts them).</summary>
    public long OverlayFrames => Interlocked.Read(ref _overlayFrames);

    /// <summary><c>poll</c> frames sent to the presenter pages since start.</summary>
    public long PresenterFrames => Interlocked.Read(ref _presenterFrames);

    /// <summary>The polls kept (newest first, at most 50) as one <c>polls</c> event, after the page's snapshot.</summary>
    public string PresenterSnapshot() =>
        DashboardFeed.Frame("polls", new { polls = _polls.List().Take(50).Select(PollView.From) });

    /// <summary>What the overlay shows now as one <c>poll</c> event (null poll: nothing).</summary>
    public string OverlaySnapshot() => _overlayFrame;

    public override void Dispose()
    {
        _polls.Changed -= OnChanged;
        lock (_timerGate)
        {
            _hideTimer?.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _inputs.Reader;
        var nextAllowed = DateTimeOffset.MinValue;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var wait = nextAllowed - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stoppingToken);
                }

                try
                {
                    Publish(reader);
                }
                catch (Exception ex)
                {
                    Log.PublishFailed(_logger, ex);
                }

                nextAllowed = _time.GetUtcNow() + UpdateInterval;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnChanged(PollChange change) => _inputs.Writer.TryWrite(change);

    /// <summary>Everything waiting becomes one frame per poll changed, and the overlay's frame if it differs.</summary>
    private void Publish(ChannelReader<PollChange> reader)
    {
        var changed = new SortedSet<int>();
        var removed = new SortedSet<int>();
        while (reader.TryRead(out var change))
        {
            switch (change.Kind)
            {
                case PollChange.Removed:
                    removed.Add(change.PollId);
                    changed.Remove(change.PollId);
                    break;
                case Tick:
                    break;
                default:
                    changed.Add(change.PollId);
                    break;
            }

            if (change.Kind == PollChange.Closed)
            {
                ScheduleHide();
            }
        }

        foreach (var id in removed)
        {
            _feed.PushToPresenters(DashboardFeed.Frame("pollremoved", new { id }));
        }

        foreach (var id in changed)
        {
            if (_polls.Get(id) is { } poll)
            {
                _feed.PushToPresenters(DashboardFeed.Frame("poll", new { poll = PollView.From(poll) }));
                Interlocked.Increment(ref _presenterFrames);
            }
        }

        var frame = OverlayFrame();
        if (frame != _overlayFrame)
        {
            _overlayFrame = frame;
            _feed.PushToOverlays(frame);
            Interlocked.Increment(ref _overlayFrames);
        }
    }

    /// <summary>The open poll; else the last closed one while its result stays on screen; else nothing.</summary>
    private string OverlayFrame()
    {
        var poll = _polls.Current;
        if (poll is null && _polls.List().FirstOrDefault() is { Status: PollStatus.Closed, ClosesAt: { } closedAt } last
            && _time.GetUtcNow() - closedAt < _options.ResultShownFor)
        {
            poll = last;
        }

        return DashboardFeed.Frame("poll", new { poll = poll is null ? null : OverlayPoll.From(poll) });
    }

    private void ScheduleHide()
    {
        lock (_timerGate)
        {
            _hideTimer?.Dispose();
            _hideTimer = _time.CreateTimer(
                _ => _inputs.Writer.TryWrite(new PollChange(Tick, 0, null)),
                null,
                _options.ResultShownFor + TimeSpan.FromMilliseconds(1),
                Timeout.InfiniteTimeSpan);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A poll update could not be sent to the dashboard")]
        public static partial void PublishFailed(ILogger logger, Exception exception);
    }
}
