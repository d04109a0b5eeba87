using System.Collections.Concurrent;
using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Outbox;
using LiveBot.Twitch.Irc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Outbox;

/// <summary>
/// Twitch's pacing on the Core outbox: 20 or 100 messages per 30 s (all channels), 1 per second per channel
/// and the channel's slow mode where the bot is not moderator, a pause after <c>msg_ratelimit</c>, nothing to
/// a channel where it is banned or timed out or that is in followers-, subscribers- or emote-only mode, a text
/// identical to the last one varied, replies to the same request merged when more wait than the limit allows,
/// and the IRC line written (threaded reply or plain message). It remembers the last message sent per channel
/// so that a refusal NOTICE can move it from sent to dropped.
/// </summary>
public sealed partial class TwitchSendPolicy(IOutboxTransport transport, IOptions<TwitchOptions> options, TimeProvider time, ILogger<TwitchSendPolicy> logger) : IOutboxPolicy
{
    /// <summary>Appended to vary a text Twitch would drop as a duplicate (an invisible tag character chat clients use for this).</summary>
    public const string DuplicateVariation = " \U000E0000";

    private readonly SlidingWindow _sent = new(TwitchLimits.Window + TwitchLimits.SafetyMargin);
    private readonly Dictionary<string, DateTimeOffset> _lastSendByChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Key, DateTimeOffset At)> _lastTextByChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _privileged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelBlock> _blocked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelModes> _modes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LastSend> _unconfirmed = new(StringComparer.Ordinal);
    private long _pausedUntilTicks;

    public int MaxLength => TwitchLimits.MaxMessageLength;

    public int MaxParts => TwitchLimits.MaxParts;

    public TimeSpan MaxAge => options.Value.MaxReplyAge;

    public int Capacity => TwitchLimits.OutboxCapacity;

    public IReadOnlyCollection<string> PrivilegedChannels => _privileged.Where(kv => kv.Value).Select(kv => kv.Key).ToList();

    public DateTimeOffset? PausedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _pausedUntilTicks);
            return ticks > time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Channels where sending is blocked now, with the reason and until when.</summary>
    public IReadOnlyDictionary<string, ChannelBlock> BlockedChannels
    {
        get
        {
            var now = time.GetUtcNow();
            return _blocked.Where(kv => kv.Value.Until > now).ToDictionary(kv => kv.Key, kv => kv.Value);
        }
    }

    public bool IsPrivileged(string channel) => _privileged.TryGetValue(channel, out var privileged) && privileged;

    /// <summary>Every channel's modes as ROOMSTATE said.</summary>
    public IReadOnlyDictionary<string, ChannelModes> Modes => _modes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public ChannelModes ModesOf(string channel) => _modes.TryGetValue(channel, out var modes) ? modes : ChannelModes.None;

    /// <summary>Records a channel's modes (from ROOMSTATE); true when they changed.</summary>
    public bool SetModes(string channel, ChannelModes modes)
    {
        var old = ModesOf(channel);
        _modes[channel] = modes;
        if (old == modes)
        {
            return false;
        }

        Log.Modes(logger, channel, modes.SlowSeconds, modes.FollowersOnlyMinutes, modes.SubsOnly, modes.EmoteOnly);
        return true;
    }

    /// <summary>
    /// The last message sent to <paramref name="channel"/>, once: Twitch refused it (a NOTICE such as
    /// <c>msg_duplicate</c> follows a refused PRIVMSG). Null when nothing was sent there lately.
    /// </summary>
    public LastSend? TakeLastSend(string channel) =>
        _unconfirmed.TryRemove(channel, out var last) && time.GetUtcNow() - last.At < TwitchLimits.RefusalWindow ? last : null;

    /// <summary>Records what USERSTATE says of the bot in <paramref name="channel"/>; true when it changed.</summary>
    public bool SetPrivileged(string channel, bool privileged)
    {
        if (_privileged.TryGetValue(channel, out var old) && old == privileged)
        {
            return false;
        }

        _privileged[channel] = privileged;
        Log.Privileged(logger, channel, privileged);
        return true;
    }

    /// <summary>Stops sending to <paramref name="channel"/> until <paramref name="until"/> (banned, timed out, suspended).</summary>
    public void Block(string channel, string reason, DateTimeOffset until)
    {
        _blocked[channel] = new ChannelBlock(reason, until);
        Log.Blocked(logger, channel, reason, until);
    }

    /// <summary>Pauses all sending (after <c>msg_ratelimit</c>).</summary>
    public void Pause(TimeSpan duration)
    {
        var until = time.GetUtcNow() + duration;
        Interlocked.Exchange(ref _pausedUntilTicks, until.UtcTicks);
        Log.Paused(logger, until);
    }

    public bool IsReady(DateTimeOffset now) => transport.IsConnected;

    public bool ShouldDrop(PendingReply reply, DateTimeOffset now) => DropReason(reply, now) is not null;

    /// <summary>
    /// The block's reason (banned, timedout...) while the channel is blocked, or the mode that keeps a bot that
    /// is not moderator out (followers_only, subs_only, emote_only): dropped with that reason rather than sent into a refusal.
    /// </summary>
    public string? DropReason(PendingReply reply, DateTimeOffset now)
    {
        if (IsBlocked(reply.Channel, now, out var block))
        {
            return block.Reason;
        }

        return IsPrivileged(reply.Channel) ? null : ModesOf(reply.Channel).BlockReason;
    }

    /// <summary>Pause, then the 30-second window, then (not moderator) one second per channel or its slow mode.</summary>
    public TimeSpan WaitFor(PendingReply reply, DateTimeOffset now)
    {
        var pausedUntil = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);
        if (pausedUntil > now)
        {
            return pausedUntil - now;
        }

        var privileged = IsPrivileged(reply.Channel);
        var windowWait = _sent.WaitFor(privileged ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages, now);
        var channelWait = TimeSpan.Zero;
        if (!privileged && _lastSendByChannel.TryGetValue(reply.Channel, out var last))
        {
            var slow = TimeSpan.FromSeconds(ModesOf(reply.Channel).SlowSeconds);
            var next = last + (slow > TwitchLimits.PerChannelInterval ? slow : TwitchLimits.PerChannelInterval) + TwitchLimits.SafetyMargin;
            channelWait = next > now ? next - now : TimeSpan.Zero;
        }

        return windowWait > channelWait ? windowWait : channelWait;
    }

    /// <summary>
    /// When more replies wait than can go out now (over the window's budget, or several in a channel held
    /// to 1 / s), replies to the same request become one message addressed to every asker.
    /// </summary>
    public IReadOnlyList<PendingReply>? Arrange(IReadOnlyList<PendingReply> pending, DateTimeOffset now)
    {
        var budget = Math.Max(0, (_privileged.Values.Any(p => p) ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages) - _sent.Count(now));
        var crowded = pending.Count > budget
            || pending.GroupBy(e => e.Channel).Any(g => g.Count() > 1 && !IsPrivileged(g.Key));
        if (!crowded || pending.Count(e => e.Message.MergeKey is not null || e.Sources is not null) < 2)
        {
            return null;
        }

        return ReplyMerger.MergeWaiting(pending, TwitchLimits.MaxMessageLength);
    }

    public async ValueTask<SendOutcome> SendAsync(PendingReply reply, string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channel = reply.Channel;
        var whole = text == reply.Text;
        text = VaryIfDuplicate(channel, text, now);

        // Known before the line leaves: Twitch's refusal NOTICE may be read before SendAsync returns.
        var sending = new LastSend(reply.IsContinuation ? 0 : reply.Askers, reply.Message.InReplyTo is not null && whole, now);
        _unconfirmed[channel] = sending;
        bool written;
        try
        {
            written = await transport.SendAsync(Format(reply.Message, text), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            written = false;
        }

        if (!written)
        {
            _unconfirmed.TryRemove(KeyValuePair.Create(channel, sending));
            return SendOutcome.RetryIn(TimeSpan.FromSeconds(1));
        }

        _sent.Add(now);
        _lastSendByChannel[channel] = now;
        _lastTextByChannel[channel] = (ReplyText.DuplicateKey(text), now);
        return SendOutcome.Sent;
    }

    /// <summary>The IRC line: a threaded reply when it answers one person, a plain message otherwise.</summary>
    public static string Format(OutgoingMessage message, string text)
    {
        var channel = message.Channel;
        return message is { InReplyTo: { } original, Merged: <= 1 } && !original.Id.StartsWith("noid-", StringComparison.Ordinal)
            ? $"@reply-parent-msg-id={IrcTags.Escape(original.Id)} PRIVMSG #{channel} :{text}"
            : $"PRIVMSG #{channel} :{text}";
    }

    private bool IsBlocked(string channel, DateTimeOffset now, out ChannelBlock block)
    {
        if (!_blocked.TryGetValue(channel, out block!))
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

    private string VaryIfDuplicate(string channel, string text, DateTimeOffset now)
    {
        if (_lastTextByChannel.TryGetValue(channel, out var last)
            && now - last.At < TwitchLimits.DuplicateWindow
            && last.Key == ReplyText.DuplicateKey(text))
        {
            return text.Length + DuplicateVariation.Length <= TwitchLimits.MaxMessageLength
                ? text + DuplicateVariation
                : ReplyText.Truncate(text, TwitchLimits.MaxMessageLength - DuplicateVariation.Length) + DuplicateVariation;
        }

        return text;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: sending to #{Channel} blocked ({Reason}) until {Until}")]
        public static partial void Blocked(ILogger logger, string channel, string reason, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch said we send too fast: outbox paused until {Until}")]
        public static partial void Paused(ILogger logger, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: #{Channel} modes: slow {Slow} s, followers-only {FollowersOnly} min, subscribers-only {SubsOnly}, emote-only {EmoteOnly}")]
        public static partial void Modes(ILogger logger, string channel, int slow, int followersOnly, bool subsOnly, bool emoteOnly);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: the bot is moderator or broadcaster in #{Channel}: {Privileged}")]
        public static partial void Privileged(ILogger logger, string channel, bool privileged);
    }
}

/// <summary>Why and until when a channel takes no message from the bot.</summary>
public sealed record ChannelBlock(string Reason, DateTimeOffset Until);

/// <summary>The last message sent to a channel, until Twitch refuses it or the next one goes: its askers and whether it answered them whole.</summary>
public sealed record LastSend(int Askers, bool WasAnswer, DateTimeOffset At);
