using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Outbox;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Outbox;

/// <summary>
/// Twitch's outbox: the Core <see cref="ChatOutbox"/> (queue, stale drops, counters, one sender loop) run on
/// <see cref="TwitchSendPolicy"/> (Twitch's limits and line format). The IRC reader tells it what Twitch
/// says of the bot (moderator, banned, too fast).
/// </summary>
public sealed class TwitchOutbox
{
    private readonly TwitchSendPolicy _policy;
    private readonly ChatOutbox _outbox;

    public TwitchOutbox(TwitchSendPolicy policy, TimeProvider time, ILogger<TwitchOutbox> logger)
    {
        _policy = policy;
        _outbox = new ChatOutbox(policy, time, logger);
    }

    /// <summary>Raised each time the sender starts waiting (see <see cref="Status"/>).</summary>
    public event Action? Changed
    {
        add => _outbox.Changed += value;
        remove => _outbox.Changed -= value;
    }

    public OutboxStatus Status => _outbox.Status;

    /// <summary>PRIVMSG lines written.</summary>
    public long SentCount => _outbox.SentCount;

    /// <summary>Replies dropped: too old, outbox full, channel blocked or in a closed mode, refused by Twitch, moderation.</summary>
    public long DroppedCount => _outbox.DroppedCount;

    /// <summary><see cref="DroppedCount"/> by reason (<c>stale</c>, <c>followers_only</c>, <c>msg_duplicate</c>...).</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _outbox.DroppedByReason;

    /// <summary>Every channel's modes (slow, followers-, subscribers-, emote-only) as ROOMSTATE said.</summary>
    public IReadOnlyDictionary<string, ChannelModes> Modes => _policy.Modes;

    /// <summary>Replies that went out inside another one's merged message.</summary>
    public long MergedCount => _outbox.MergedCount;

    /// <summary>Messages waiting (queued and being scheduled).</summary>
    public int PendingCount => _outbox.PendingCount;

    public IReadOnlyCollection<string> PrivilegedChannels => _policy.PrivilegedChannels;

    public DateTimeOffset? PausedUntil => _policy.PausedUntil;

    public IReadOnlyDictionary<string, ChannelBlock> BlockedChannels => _policy.BlockedChannels;

    public bool IsPrivileged(string channel) => _policy.IsPrivileged(channel);

    /// <summary>
    /// Queues a message. False (and counted as dropped where it is a loss) when the channel is blocked,
    /// the outbox is full, or that chat line already got its answer.
    /// </summary>
    public bool TryEnqueue(OutgoingMessage message) =>
        _outbox.TryEnqueue(message with { Channel = TwitchOptions.NormalizeChannel(message.Channel) });

    /// <inheritdoc cref="TwitchSendPolicy.SetPrivileged"/>
    public void SetPrivileged(string channel, bool privileged)
    {
        if (_policy.SetPrivileged(channel, privileged))
        {
            _outbox.Wake();
        }
    }

    /// <inheritdoc cref="TwitchSendPolicy.Block"/>
    public void Block(string channel, string reason, DateTimeOffset until)
    {
        _policy.Block(channel, reason, until);
        _outbox.Wake();
    }

    /// <summary>Applies a ROOMSTATE's tags to the channel's modes; the sender looks again when they changed.</summary>
    public void UpdateModes(string channel, Func<ChannelModes, ChannelModes> update)
    {
        if (_policy.SetModes(channel, update(_policy.ModesOf(channel))))
        {
            _outbox.Wake();
        }
    }

    /// <summary>
    /// Twitch refused the last message sent to <paramref name="channel"/> (a NOTICE such as <c>msg_duplicate</c>):
    /// it counts as dropped under <paramref name="reason"/>, not as sent. False when no message was sent there lately.
    /// </summary>
    public bool Refused(string channel, string reason)
    {
        if (_policy.TakeLastSend(channel) is not { } last)
        {
            return false;
        }

        _outbox.CountRefusedAfterSend(reason, last.Askers, last.WasAnswer);
        return true;
    }

    /// <summary>Drops the waiting replies matching <paramref name="predicate"/>, counted under <paramref name="reason"/>.</summary>
    public void DropWhere(Func<OutgoingMessage, bool> predicate, string reason) => _outbox.DropWhere(predicate, reason);

    /// <inheritdoc cref="TwitchSendPolicy.Pause"/>
    public void Pause(TimeSpan duration) => _policy.Pause(duration);

    /// <summary>Makes the sender look again (connection up, limits changed).</summary>
    public void Wake() => _outbox.Wake();

    /// <summary>The one sender, until <paramref name="cancellationToken"/> ends.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _outbox.RunAsync(cancellationToken);
}
