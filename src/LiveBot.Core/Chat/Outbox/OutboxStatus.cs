namespace LiveBot.Core.Chat.Outbox;

/// <summary>
/// What an outbox is doing, for <c>/healthz</c> and for anyone awaiting it (the change signal is
/// <see cref="ChatOutbox.Changed"/>).
/// </summary>
/// <param name="Pending">Replies waiting (parts of a split reply included).</param>
/// <param name="Sent">Messages written.</param>
/// <param name="Dropped">Askers left unanswered: too old, outbox full, channel blocked, text refused.</param>
/// <param name="Merged">Replies that went out inside another one's message.</param>
/// <param name="Answered">Askers answered (a merged reply counts for each).</param>
/// <param name="Waiting">True while the sender waits with nothing it can do before <paramref name="WaitingUntil"/>.</param>
/// <param name="WaitingUntil">When the sender looks again on its own (null: when woken by a new reply).</param>
public sealed record OutboxStatus(int Pending, long Sent, long Dropped, long Merged, long Answered, bool Waiting, DateTimeOffset? WaitingUntil)
{
    /// <summary>The dropped askers of <paramref name="Dropped"/> by reason (<see cref="DropReasons"/>, platform NOTICE ids).</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, long>.Empty;

    /// <summary>True when the sender waits and nothing is due at <paramref name="now"/>: only a new reply or the clock moves it.</summary>
    public bool IsIdleAt(DateTimeOffset now) => Waiting && (WaitingUntil is null || WaitingUntil > now);
}
