using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Chat.Outbox;

/// <summary>
/// One platform's outbox: a bounded reply queue drained by one sender loop (<see cref="RunAsync"/>) on the
/// injected <see cref="TimeProvider"/>. Replies that waited longer than the policy's
/// <see cref="IOutboxPolicy.MaxAge"/> are dropped and counted, a chat line is answered at most once, long
/// replies are split in at most <see cref="IOutboxPolicy.MaxParts"/> messages; when and how each part goes is
/// the <see cref="IOutboxPolicy"/>'s call.
/// </summary>
public sealed partial class ChatOutbox
{
    private readonly IOutboxPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<OutgoingMessage> _incoming = [];
    private readonly List<PendingReply> _pending = [];
    private readonly RecentIds _answered = new(20_000);
    private readonly OutboxDrops _drops = new();
    private readonly List<(Func<OutgoingMessage, bool> Predicate, string Reason)> _dropWhere = [];
    private readonly SenderWakeup _sleep;
    private int _pendingCount;
    private long _sent;
    private long _merged;
    private long _answeredAskers;

    public ChatOutbox(IOutboxPolicy policy, TimeProvider time, ILogger logger)
    {
        _policy = policy;
        _time = time;
        _logger = logger;
        _sleep = new SenderWakeup(_gate, time);
    }

    /// <summary>
    /// Raised each time the sender starts waiting (counters and <see cref="Status"/> are then up to date), and
    /// when a reply is dropped outside the sender's rounds (refused on arrival, refused by the platform after sending).
    /// </summary>
    public event Action? Changed;

    public OutboxStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new OutboxStatus(
                    _incoming.Count + Volatile.Read(ref _pendingCount), SentCount, _drops.Total,
                    Interlocked.Read(ref _merged), AnsweredAskers, _sleep.IsWaiting, _sleep.WaitingUntil)
                {
                    DroppedByReason = _drops.ByReason,
                };
            }
        }
    }

    /// <summary>Messages written and not refused since by the platform.</summary>
    public long SentCount => Math.Max(0, Interlocked.Read(ref _sent) - _drops.RefusedAfterSend);

    public long DroppedCount => _drops.Total;

    /// <summary>Dropped askers by reason (<see cref="DropReasons"/> and the platform's own).</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _drops.ByReason;

    public long MergedCount => Interlocked.Read(ref _merged);

    public long AnsweredAskers => Math.Max(0, Interlocked.Read(ref _answeredAskers) - _drops.UnansweredAfterSend);

    public int PendingCount => Status.Pending;

    /// <summary>
    /// Queues a reply. False (counted as dropped where it is a loss) when the policy refuses it now, the
    /// outbox is full, or that chat line already got its answer.
    /// </summary>
    public bool TryEnqueue(OutgoingMessage message)
    {
        var text = ReplyText.Sanitize(message.Text);
        if (text.Length == 0)
        {
            return false;
        }

        var reply = message with { Text = text };
        if (_policy.DropReason(new PendingReply(reply, text), _time.GetUtcNow()) is { } reason)
        {
            CountDropped(reason, 1);
            Changed?.Invoke();
            return false;
        }

        if (message.InReplyTo is { } original && !_answered.Add(original.Id))
        {
            Log.AlreadyAnswered(_logger, original.Id);
            return false;
        }

        lock (_gate)
        {
            if (_incoming.Count + Volatile.Read(ref _pendingCount) >= _policy.Capacity)
            {
                CountDropped(DropReasons.OutboxFull, 1);
                return false;
            }

            _incoming.Add(reply);
        }

        Wake();
        return true;
    }

    /// <summary>Makes the sender look again (new reply, connection up, limits changed).</summary>
    public void Wake() => _sleep.Wake();

    /// <summary>The one sender. Runs until <paramref name="cancellationToken"/> ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug in one round never silences the bot: log, breathe, go on.
                Log.RoundFailed(_logger, ex);
                await WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: take in new replies, drop stale ones, then send one part or wait.</summary>
    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        TakeIncoming();
        DropStale(now);
        if (_pending.Count == 0)
        {
            await WaitAsync(null, cancellationToken);
            return;
        }

        if (!_policy.IsReady(now))
        {
            await WaitAsync(UntilFirstExpiry(now), cancellationToken);
            return;
        }

        var wait = ShortestWait(now);
        if (wait > TimeSpan.Zero)
        {
            await WaitAsync(Min(wait, UntilFirstExpiry(now)), cancellationToken);
            return;
        }

        Arrange(now);
        var index = _pending.FindIndex(p => _policy.WaitFor(p, now) == TimeSpan.Zero);
        if (index < 0)
        {
            return;
        }

        await SendAsync(index, cancellationToken);
    }

    private async Task SendAsync(int index, CancellationToken cancellationToken)
    {
        var entry = _pending[index];
        var parts = ReplyText.Split(entry.Text, _policy.MaxLength, entry.IsContinuation ? 1 : Math.Clamp(_policy.PartsFor(entry), 1, _policy.MaxParts));

        // Each part is a chat line of its own: a second part must not start with '/' or '.' either.
        var text = parts.Count == 0 ? string.Empty : ReplyText.Sanitize(parts[0]);
        if (text.Length == 0)
        {
            _pending.RemoveAt(index);
            PublishPendingCount();
            return;
        }

        SendOutcome outcome;
        try
        {
            outcome = await _policy.SendAsync(entry, text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.SendFailed(_logger, ex);
            outcome = SendOutcome.RetryIn(TimeSpan.FromSeconds(1));
        }

        switch (outcome.Result)
        {
            case SendResult.Sent:
                _pending.RemoveAt(index);
                Interlocked.Increment(ref _sent);
                if (parts.Count > 1)
                {
                    _pending.Insert(index, new PendingReply(entry.Message, parts[1], IsContinuation: true, entry.Sources));
                }
                else if (entry.Message.InReplyTo is not null)
                {
                    Interlocked.Add(ref _answeredAskers, entry.Message.Merged);
                }

                PublishPendingCount();
                return;
            case SendResult.Dropped:
                _pending.RemoveAt(index);
                if (!entry.IsContinuation)
                {
                    CountDropped(outcome.Reason ?? DropReasons.Refused, entry.Askers);
                }

                PublishPendingCount();
                return;
            default:
                if (outcome.RetryAfter > TimeSpan.Zero)
                {
                    await WaitAsync(outcome.RetryAfter, cancellationToken);
                }

                return;
        }
    }

    private void TakeIncoming()
    {
        List<(Func<OutgoingMessage, bool> Predicate, string Reason)>? dropWhere = null;
        lock (_gate)
        {
            foreach (var message in _incoming)
            {
                _pending.Add(new PendingReply(message, message.Text));
            }

            _incoming.Clear();
            if (_dropWhere.Count > 0)
            {
                dropWhere = [.. _dropWhere];
                _dropWhere.Clear();
            }

            Volatile.Write(ref _pendingCount, _pending.Count);
        }

        foreach (var (predicate, reason) in dropWhere ?? [])
        {
            Remove(p => predicate(p.Message), _ => reason);
        }
    }

    private void Arrange(DateTimeOffset now)
    {
        var before = _pending.Count(p => !p.IsContinuation);
        if (_policy.Arrange(_pending, now) is not { } arranged)
        {
            return;
        }

        var after = arranged.Count(p => !p.IsContinuation);
        var list = arranged.ToList();
        _pending.Clear();
        _pending.AddRange(list);
        Interlocked.Add(ref _merged, before - after);
        PublishPendingCount();
    }

    private TimeSpan ShortestWait(DateTimeOffset now)
    {
        var shortest = TimeSpan.MaxValue;
        foreach (var pending in _pending)
        {
            var wait = _policy.WaitFor(pending, now);
            if (wait <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            shortest = Min(shortest, wait);
        }

        return shortest;
    }

    private TimeSpan UntilFirstExpiry(DateTimeOffset now)
    {
        var first = _pending.Where(p => !p.IsContinuation).Select(p => p.Message.CreatedAt).DefaultIfEmpty(now).Min();
        var wait = first + _policy.MaxAge - now + TimeSpan.FromTicks(1);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
    }

    private void PublishPendingCount() => Volatile.Write(ref _pendingCount, _pending.Count);

    /// <summary>Publishes the queue's size, then sleeps for <paramref name="wait"/> (null: until woken).</summary>
    private Task WaitAsync(TimeSpan? wait, CancellationToken cancellationToken)
    {
        PublishPendingCount();
        return _sleep.WaitAsync(wait, () => Changed?.Invoke(), cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: a sending round failed")]
        public static partial void RoundFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: writing a message failed, retrying")]
        public static partial void SendFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dropped {Count} replies that waited too long or can no longer be sent")]
        public static partial void Dropped(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox: chat line {MessageId} already answered, second reply refused")]
        public static partial void AlreadyAnswered(ILogger logger, string messageId);
    }
}
