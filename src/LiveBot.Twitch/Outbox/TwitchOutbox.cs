using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Irc;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Outbox;

/// <summary>
/// Twitch's rate-limited outbox: a bounded channel drained by one sender (<see cref="RunAsync"/>) that
/// keeps every limit of Twitch (20 or 100 messages / 30 s, 1 / s per channel when not moderator),
/// pauses on <c>msg_ratelimit</c>, never sends to a channel where the bot is banned or timed out,
/// varies a text identical to the last one, splits long replies, merges replies to the same request
/// when more wait than the limit allows, and drops (and counts) replies that waited too long.
/// </summary>
public sealed partial class TwitchOutbox
{
    public const int Capacity = 2_000;

    /// <summary>Appended to vary a text Twitch would drop as a duplicate (an invisible tag character chat clients use for this).</summary>
    public const string DuplicateVariation = " \U000E0000";

    private readonly Channel<OutgoingMessage> _incoming = Channel.CreateBounded<OutgoingMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _maxReplyAge;
    private readonly List<Entry> _pending = [];
    private readonly SlidingWindow _sent = new(TwitchLimits.Window + TwitchLimits.SafetyMargin);
    private readonly Dictionary<string, DateTimeOffset> _lastSendByChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Key, DateTimeOffset At)> _lastTextByChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _privileged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelBlock> _blocked = new(StringComparer.Ordinal);
    private readonly RecentIds _answered = new(20_000);
    private long _pausedUntilTicks;
    private long _sentCount;
    private long _dropped;
    private long _mergedAway;
    private int _pendingCount;
    private readonly object _idleGate = new();
    private TaskCompletionSource _idleChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _idleUntil;
    private bool _idle;

    public TwitchOutbox(TimeProvider time, ILogger logger, TimeSpan maxReplyAge)
    {
        _time = time;
        _logger = logger;
        _maxReplyAge = maxReplyAge;
    }

    /// <summary>PRIVMSG lines written.</summary>
    public long SentCount => Interlocked.Read(ref _sentCount);

    /// <summary>Replies dropped: too old, outbox full, or channel blocked.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Replies that went out inside another one's merged message.</summary>
    public long MergedCount => Interlocked.Read(ref _mergedAway);

    /// <summary>Messages waiting (queued and being scheduled).</summary>
    public int PendingCount => _incoming.Reader.Count + Volatile.Read(ref _pendingCount);

    public IReadOnlyCollection<string> PrivilegedChannels => _privileged.Where(kv => kv.Value).Select(kv => kv.Key).ToList();

    public DateTimeOffset? PausedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _pausedUntilTicks);
            return ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Channels where sending is blocked now, with the reason and until when.</summary>
    public IReadOnlyDictionary<string, ChannelBlock> BlockedChannels
    {
        get
        {
            var now = _time.GetUtcNow();
            return _blocked.Where(kv => kv.Value.Until > now).ToDictionary(kv => kv.Key, kv => kv.Value);
        }
    }

    /// <summary>
    /// Queues a message. False (and counted as dropped where it is a loss) when the channel is blocked,
    /// the outbox is full, or that chat line already got its answer.
    /// </summary>
    public bool TryEnqueue(OutgoingMessage message)
    {
        var channel = TwitchOptions.NormalizeChannel(message.Channel);
        if (IsBlocked(channel, _time.GetUtcNow()))
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        if (message.InReplyTo is { } original && !_answered.Add(original.Id))
        {
            Log.AlreadyAnswered(_logger, original.Id);
            return false;
        }

        var text = ReplyText.Sanitize(message.Text);
        if (text.Length == 0)
        {
            return false;
        }

        if (!_incoming.Writer.TryWrite(message with { Channel = channel, Text = text }))
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        Wake();
        return true;
    }

    /// <summary>Records what USERSTATE says of the bot in <paramref name="channel"/>.</summary>
    public void SetPrivileged(string channel, bool privileged)
    {
        if (_privileged.TryGetValue(channel, out var old) && old == privileged)
        {
            return;
        }

        _privileged[channel] = privileged;
        Log.Privileged(_logger, channel, privileged);
        Wake();
    }

    public bool IsPrivileged(string channel) => _privileged.TryGetValue(channel, out var privileged) && privileged;

    /// <summary>Stops sending to <paramref name="channel"/> until <paramref name="until"/> (banned, timed out, suspended).</summary>
    public void Block(string channel, string reason, DateTimeOffset until)
    {
        _blocked[channel] = new ChannelBlock(reason, until);
        Log.Blocked(_logger, channel, reason, until);
        Wake();
    }

    /// <summary>Pauses all sending (after <c>msg_ratelimit</c>).</summary>
    public void Pause(TimeSpan duration)
    {
        var until = _time.GetUtcNow() + duration;
        Interlocked.Exchange(ref _pausedUntilTicks, until.UtcTicks);
        Log.Paused(_logger, until);
    }

    /// <summary>Makes the sender look again (new message, connection up, limits changed).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>The one sender. Runs until <paramref name="cancellationToken"/> ends.</summary>
    public async Task RunAsync(IOutboxTransport transport, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SendNextAsync(transport, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug in one round never silences the bot: log, breathe, go on.
                Log.RoundFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: take in new messages, drop stale ones, merge if crowded, send one or wait.</summary>
    private async Task SendNextAsync(IOutboxTransport transport, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        while (_incoming.Reader.TryRead(out var message))
        {
            _pending.Add(new Entry(message, message.Text, IsContinuation: false));
        }

        DropStale(now);
        Volatile.Write(ref _pendingCount, _pending.Count);
        if (_pending.Count == 0)
        {
            await WaitAsync(null, cancellationToken);
            return;
        }

        if (!transport.IsConnected)
        {
            await WaitAsync(UntilFirstExpiry(now), cancellationToken);
            return;
        }

        MergeWhenCrowded(now);
        var (index, wait) = PickNext(now);
        if (index < 0)
        {
            await WaitAsync(wait, cancellationToken);
            return;
        }

        var entry = _pending[index];
        var parts = ReplyText.Split(entry.Text, TwitchLimits.MaxMessageLength, entry.IsContinuation ? 1 : 2);
        if (parts.Count == 0)
        {
            _pending.RemoveAt(index);
            return;
        }

        // Each part is a chat line of its own: a second part must not start with '/' or '.' either.
        var text = VaryIfDuplicate(entry.Message.Channel, ReplyText.Sanitize(parts[0]), now);
        var line = Format(entry.Message, text);
        if (!await SendAsync(transport, line, cancellationToken))
        {
            await WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }

        _pending.RemoveAt(index);
        if (parts.Count > 1)
        {
            _pending.Insert(index, new Entry(entry.Message, parts[1], IsContinuation: true));
        }

        Volatile.Write(ref _pendingCount, _pending.Count);
        _sent.Add(now);
        _lastSendByChannel[entry.Message.Channel] = now;
        _lastTextByChannel[entry.Message.Channel] = (ReplyText.DuplicateKey(text), now);
        Interlocked.Increment(ref _sentCount);
    }

    /// <summary>The IRC line: a threaded reply when it answers one person, a plain message otherwise.</summary>
    public static string Format(OutgoingMessage message, string text)
    {
        var channel = message.Channel;
        return message is { InReplyTo: { } original, Merged: <= 1 } && !original.Id.StartsWith("noid-", StringComparison.Ordinal)
            ? $"@reply-parent-msg-id={IrcTags.Escape(original.Id)} PRIVMSG #{channel} :{text}"
            : $"PRIVMSG #{channel} :{text}";
    }

    private static async ValueTask<bool> SendAsync(IOutboxTransport transport, string line, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.SendAsync(line, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private bool IsBlocked(string channel, DateTimeOffset now)
    {
        if (!_blocked.TryGetValue(channel, out var block))
        {
            return false;
        }

        if (block.Until > now)
        {
            return true;
        }

        _blocked.TryRemove(KeyValuePair.Create(channel, block));
        return false;
    }

    private void DropStale(DateTimeOffset now)
    {
        var askers = 0;
        var removed = _pending.RemoveAll(entry =>
        {
            var stale = (!entry.IsContinuation && now - entry.Message.CreatedAt > _maxReplyAge) || IsBlocked(entry.Message.Channel, now);
            if (stale && !entry.IsContinuation)
            {
                // A merged message that goes stale leaves every asker in it unanswered.
                var count = entry.Sources?.Count ?? 1;
                askers += count;
                Interlocked.Add(ref _mergedAway, 1 - count);
            }

            return stale;
        });
        if (removed > 0)
        {
            Interlocked.Add(ref _dropped, askers);
            Log.Dropped(_logger, askers);
        }
    }

    private TimeSpan UntilFirstExpiry(DateTimeOffset now)
    {
        var first = _pending.Where(e => !e.IsContinuation).Select(e => e.Message.CreatedAt).DefaultIfEmpty(now).Min();
        var wait = first + _maxReplyAge - now + TimeSpan.FromTicks(1);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
    }

    /// <summary>
    /// When more replies wait than can go out now (over the window's budget, or several in a channel held
    /// to 1 / s), replies to the same request become one message addressed to every asker.
    /// </summary>
    private void MergeWhenCrowded(DateTimeOffset now)
    {
        var budget = Math.Max(0, (_privileged.Values.Any(p => p) ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages) - _sent.Count(now));
        var crowded = _pending.Count > budget
            || _pending.GroupBy(e => e.Message.Channel).Any(g => g.Count() > 1 && !IsPrivileged(g.Key));
        if (!crowded || _pending.Count(e => e.Message.MergeKey is not null || e.Sources is not null) < 2)
        {
            return;
        }

        // Merged messages still waiting are opened again, so that late askers join them instead of
        // making a message of their own.
        var continuations = _pending.Where(e => e.IsContinuation).ToList();
        var entries = _pending.Where(e => !e.IsContinuation).ToList();
        var replies = entries.SelectMany(e => e.Sources ?? [e.Message]).ToList();
        var merged = ReplyMerger.Merge(replies, TwitchLimits.MaxMessageLength);
        if (merged.Count == entries.Count)
        {
            return;
        }

        var groups = new Dictionary<ChatMessage, List<OutgoingMessage>>(ReferenceEqualityComparer.Instance);
        foreach (var group in replies.Where(r => r is { MergeKey: not null, InReplyTo: not null }).GroupBy(r => (r.Channel, r.MergeKey)))
        {
            var list = group.ToList();
            groups[list[0].InReplyTo!] = list;
        }

        Interlocked.Add(ref _mergedAway, entries.Count - merged.Count);
        _pending.Clear();
        _pending.AddRange(continuations);
        foreach (var message in merged)
        {
            if (message.Merged > 1 && message.InReplyTo is { } first && groups.TryGetValue(first, out var sources))
            {
                // The merged message stays useful as long as its newest asker's reply would.
                _pending.Add(new Entry(message with { CreatedAt = sources.Max(r => r.CreatedAt) }, message.Text, IsContinuation: false, sources));
            }
            else
            {
                _pending.Add(new Entry(message, message.Text, IsContinuation: false));
            }
        }
    }

    /// <summary>The first message that may go now, or how long until one may.</summary>
    private (int Index, TimeSpan Wait) PickNext(DateTimeOffset now)
    {
        var pausedUntil = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);
        if (pausedUntil > now)
        {
            return (-1, pausedUntil - now);
        }

        var wait = TimeSpan.MaxValue;
        for (var i = 0; i < _pending.Count; i++)
        {
            var channel = _pending[i].Message.Channel;
            var privileged = IsPrivileged(channel);
            var windowWait = _sent.WaitFor(privileged ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages, now);
            var channelWait = TimeSpan.Zero;
            if (!privileged && _lastSendByChannel.TryGetValue(channel, out var last))
            {
                var next = last + TwitchLimits.PerChannelInterval + TwitchLimits.SafetyMargin;
                channelWait = next > now ? next - now : TimeSpan.Zero;
            }

            var itemWait = windowWait > channelWait ? windowWait : channelWait;
            if (itemWait == TimeSpan.Zero)
            {
                return (i, TimeSpan.Zero);
            }

            wait = itemWait < wait ? itemWait : wait;
        }

        var expiry = UntilFirstExpiry(now);
        return (-1, expiry < wait ? expiry : wait);
    }

    private string VaryIfDuplicate(string channel, string text, DateTimeOffset now)
    {
        if (_lastTextByChannel.TryGetValue(channel, out var last)
            && now - last.At < TwitchLimits.DuplicateWindow
            && last.Key == ReplyText.DuplicateKey(text))
        {
            var varied = text.Length + DuplicateVariation.Length <= TwitchLimits.MaxMessageLength
                ? text + DuplicateVariation
                : ReplyText.Truncate(text, TwitchLimits.MaxMessageLength - DuplicateVariation.Length) + DuplicateVariation;
            return varied;
        }

        return text;
    }

    private async Task WaitAsync(TimeSpan? wait, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _pendingCount, _pending.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = wait is null ? Task.Delay(Timeout.Infinite, stop.Token) : Task.Delay(wait.Value, _time, stop.Token);
        var woken = _wake.Reader.WaitToReadAsync(stop.Token).AsTask();
        EnterIdle(wait is null ? null : _time.GetUtcNow() + wait.Value);
        await Task.WhenAny(delay, woken);
        Volatile.Write(ref _idle, false);
        await stop.CancelAsync();
        _wake.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// True while the sender waits with nothing it could do before the clock moves (tests driving a
    /// FakeTimeProvider advance time only then, instead of sleeping).
    /// </summary>
    internal bool IsSettled
    {
        get
        {
            lock (_idleGate)
            {
                return Volatile.Read(ref _idle) && _wake.Reader.Count == 0 && _incoming.Reader.Count == 0
                    && (_idleUntil is null || _idleUntil > _time.GetUtcNow());
            }
        }
    }

    /// <summary>Completes the next time the sender starts waiting.</summary>
    internal Task NextIdle
    {
        get
        {
            lock (_idleGate)
            {
                return _idleChanged.Task;
            }
        }
    }

    private void EnterIdle(DateTimeOffset? until)
    {
        TaskCompletionSource changed;
        lock (_idleGate)
        {
            _idleUntil = until;
            Volatile.Write(ref _idle, true);
            changed = _idleChanged;
            _idleChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>A message waiting; <paramref name="Sources"/> are the replies a merged one answers.</summary>
    private sealed record Entry(OutgoingMessage Message, string Text, bool IsContinuation, List<OutgoingMessage>? Sources = null);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Twitch outbox: a sending round failed")]
        public static partial void RoundFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch outbox dropped {Count} replies that waited too long or whose channel is blocked")]
        public static partial void Dropped(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: sending to #{Channel} blocked ({Reason}) until {Until}")]
        public static partial void Blocked(ILogger logger, string channel, string reason, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch said we send too fast: outbox paused until {Until}")]
        public static partial void Paused(ILogger logger, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: the bot is moderator, VIP or broadcaster in #{Channel}: {Privileged}")]
        public static partial void Privileged(ILogger logger, string channel, bool privileged);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Twitch: chat line {MessageId} already answered, second reply refused")]
        public static partial void AlreadyAnswered(ILogger logger, string messageId);
    }
}

/// <summary>Why and until when a channel takes no message from the bot.</summary>
public sealed record ChannelBlock(string Reason, DateTimeOffset Until);
