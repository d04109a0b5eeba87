namespace LiveBot.Core.Chat.Outbox;

/// <summary>
/// What a platform decides for its <see cref="ChatOutbox"/>: when a reply may go, how many parts it takes,
/// whether waiting replies merge, and how a part is written on the wire. The outbox does the rest (queue,
/// stale drops, counters, the one sender loop on <see cref="TimeProvider"/>).
/// </summary>
public interface IOutboxPolicy
{
    /// <summary>Longest single message of the platform.</summary>
    int MaxLength { get; }

    /// <summary>Most messages one reply may take (the rest is cut with "…").</summary>
    int MaxParts { get; }

    /// <summary>Replies that waited longer are dropped and counted.</summary>
    TimeSpan MaxAge { get; }

    /// <summary>Most replies waiting; more are refused and counted as dropped.</summary>
    int Capacity { get; }

    /// <summary>False while nothing can be sent at all (no connection, no chat): the outbox waits for <see cref="ChatOutbox.Wake"/>.</summary>
    bool IsReady(DateTimeOffset now);

    /// <summary>True when <paramref name="reply"/> can no longer be sent (channel blocked, budget gone): dropped and counted.</summary>
    bool ShouldDrop(PendingReply reply, DateTimeOffset now);

    /// <summary>
    /// Why <paramref name="reply"/> can no longer be sent (counted under that reason on <c>/healthz</c>), or
    /// null when it can. By default <see cref="DropReasons.Blocked"/> when <see cref="ShouldDrop"/> says so.
    /// </summary>
    string? DropReason(PendingReply reply, DateTimeOffset now) => ShouldDrop(reply, now) ? DropReasons.Blocked : null;

    /// <summary>How long until <paramref name="reply"/> may go; <see cref="TimeSpan.Zero"/> when it may go now.</summary>
    TimeSpan WaitFor(PendingReply reply, DateTimeOffset now);

    /// <summary>
    /// Called when a reply may go, before one is picked: the policy may merge or pack the waiting replies
    /// (oldest first) and returns the new list, or null to keep it.
    /// </summary>
    IReadOnlyList<PendingReply>? Arrange(IReadOnlyList<PendingReply> pending, DateTimeOffset now);

    /// <summary>How many parts <paramref name="reply"/> may take now (at most <see cref="MaxParts"/>).</summary>
    int PartsFor(PendingReply reply) => MaxParts;

    /// <summary>Writes one part (cut to <see cref="MaxLength"/>, one safe line).</summary>
    ValueTask<SendOutcome> SendAsync(PendingReply reply, string text, CancellationToken cancellationToken);
}

/// <summary>How writing a part went.</summary>
public enum SendResult
{
    /// <summary>On the wire.</summary>
    Sent,

    /// <summary>Not sent; kept and tried again after <see cref="SendOutcome.RetryAfter"/>.</summary>
    Retry,

    /// <summary>Cannot be sent (refused text, chat gone): dropped and counted.</summary>
    Dropped,
}

/// <summary>The result of <see cref="IOutboxPolicy.SendAsync"/>.</summary>
public readonly record struct SendOutcome(SendResult Result, TimeSpan RetryAfter = default)
{
    /// <summary>Why a <see cref="SendResult.Dropped"/> part was dropped (null: <see cref="DropReasons.Refused"/>).</summary>
    public string? Reason { get; init; }

    public static SendOutcome Sent => new(SendResult.Sent);

    public static SendOutcome Dropped => new(SendResult.Dropped);

    public static SendOutcome DroppedBecause(string reason) => new(SendResult.Dropped) { Reason = reason };

    public static SendOutcome RetryIn(TimeSpan wait) => new(SendResult.Retry, wait);
}

/// <summary>
/// A reply waiting in an outbox: the message, the text still to send, whether it is the later part of a
/// split reply, and the replies a merged message answers.
/// </summary>
public sealed record PendingReply(OutgoingMessage Message, string Text, bool IsContinuation = false, IReadOnlyList<OutgoingMessage>? Sources = null)
{
    /// <summary>Askers left unanswered when this reply is dropped.</summary>
    public int Askers => Sources?.Count ?? 1;

    public string Channel => Message.Channel;
}

/// <summary>
/// Why replies were dropped, as counted on <c>/healthz</c> (<c>droppedByReason</c>). Platforms add their own
/// (Twitch's NOTICE ids such as <c>msg_duplicate</c>, channel modes such as <c>followers_only</c>).
/// </summary>
public static class DropReasons
{
    /// <summary>Waited longer than the platform's reply age.</summary>
    public const string Stale = "stale";

    /// <summary>The outbox was full.</summary>
    public const string OutboxFull = "outbox_full";

    /// <summary>The channel takes no message now (no finer reason given).</summary>
    public const string Blocked = "blocked";

    /// <summary>The platform refused the text (no finer reason given).</summary>
    public const string Refused = "refused";

    /// <summary>The viewer was banned or timed out, or their message deleted, before the answer went.</summary>
    public const string Moderation = "moderation";
}
