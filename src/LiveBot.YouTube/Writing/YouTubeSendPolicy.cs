using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Outbox;
using LiveBot.YouTube.Quota;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Writing;

/// <summary>
/// YouTube's pacing and quota policy on the Core outbox: replies go at the rate the reply budget allows,
/// are held a few seconds to merge as the budget runs low, then only short confirmations go, then none;
/// replies to the same request become one message, short ones share a message ("@a … · @b …": each
/// insert costs the same whatever its length), a long one takes two. Send failures pause or drop.
/// </summary>
public sealed partial class YouTubeSendPolicy(
    YouTubeChatState state,
    YouTubeGateway gateway,
    OwnEchoFilter echoes,
    IOptions<YouTubeOptions> options,
    TimeProvider time,
    ILogger<YouTubeSendPolicy> logger) : IOutboxPolicy
{
    public const int MaxMessageLength = 200;
    public const string PackSeparator = " · ";

    /// <summary>Replies held this long at <see cref="ReplyLevel.Merged"/> and below so that askers share a message.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(10);

    private readonly SendPacer _pacer = new(4);
    private readonly Backoff _backoff = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
    private long _pausedUntilTicks;
    private volatile string? _error;

    public int MaxLength => MaxMessageLength;

    public int MaxParts => 2;

    public TimeSpan MaxAge => options.Value.ReplyMaxAge;

    public int Capacity => 500;

    /// <summary>Why replies cannot be sent in this chat (banned?), or null.</summary>
    public string? Error => _error;

    private ReplyLevel Level => state.Planner.Level(state.Ledger.Snapshot());

    public bool IsReady(DateTimeOffset now) => true;

    /// <summary>Replies for another chat (or none), or that the reply level no longer allows.</summary>
    public bool ShouldDrop(PendingReply reply, DateTimeOffset now)
    {
        var level = Level;
        return state.ChatId is not { } chatId
            || reply.Channel != chatId
            || level == ReplyLevel.None
            || (!reply.IsContinuation && level == ReplyLevel.ShortOnly && reply.Message.ShortText is null);
    }

    public TimeSpan WaitFor(PendingReply reply, DateTimeOffset now)
    {
        var quota = state.Ledger.Snapshot();
        if (quota.ExceededUntil is { } until)
        {
            return Min(until - now, TimeSpan.FromSeconds(30));
        }

        var paused = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);
        if (paused > now)
        {
            return paused - now;
        }

        var level = state.Planner.Level(quota);
        var untilToken = _pacer.TimeUntilNext(now, state.Planner.SendRate(quota, now, state.LiveStartedAt));
        var untilWindow = level >= ReplyLevel.Merged && !reply.IsContinuation ? reply.Message.CreatedAt + MergeWindow - now : TimeSpan.Zero;
        var delay = Max(untilToken, untilWindow);
        return delay > TimeSpan.Zero ? Min(delay, TimeSpan.FromMinutes(1)) : TimeSpan.Zero;
    }

    /// <summary>
    /// Merges what waits (same request -> one message to every asker), addresses each reply, then packs
    /// further short replies into the first message while it stays within 200 characters.
    /// </summary>
    public IReadOnlyList<PendingReply>? Arrange(IReadOnlyList<PendingReply> pending, DateTimeOffset now)
    {
        var continuations = pending.Where(p => p.IsContinuation).ToList();
        IEnumerable<OutgoingMessage> waiting = pending.Where(p => !p.IsContinuation).Select(p => p.Message with { Text = p.Text });
        if (Level == ReplyLevel.ShortOnly)
        {
            waiting = waiting.Select(m => m with { Text = m.ShortText ?? m.Text });
        }

        var merged = ReplyMerger.Merge(waiting, MaxMessageLength).Select(m => (Message: Addressed(m), Named: IsAddressable(m))).ToList();
        if (merged.Count == 0)
        {
            return null;
        }

        var (first, firstNamed) = merged[0];
        var rest = new List<PendingReply>();
        foreach (var (next, named) in merged.Skip(1))
        {
            // Only replies that name their askers are packed, else nobody could tell whom each part answers.
            if (firstNamed && named && next.Channel == first.Channel && first.Text.Length + PackSeparator.Length + next.Text.Length <= MaxMessageLength)
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
                rest.Add(new PendingReply(next, next.Text));
            }
        }

        return [.. continuations, new PendingReply(first, first.Text), .. rest];
    }

    public int PartsFor(PendingReply reply) => Level == ReplyLevel.Full ? 2 : 1;

    public async ValueTask<SendOutcome> SendAsync(PendingReply reply, string text, CancellationToken cancellationToken)
    {
        if (state.ChatId is not { } chatId)
        {
            return SendOutcome.Dropped;
        }

        var rate = state.Planner.SendRate(state.Ledger.Snapshot(), time.GetUtcNow(), state.LiveStartedAt);
        echoes.BeginSend(text);
        try
        {
            var sent = await gateway.InsertMessageAsync(chatId, text, cancellationToken);
            _pacer.Consume(time.GetUtcNow(), rate);
            echoes.Remember(sent, text);
            _backoff.Reset();
            _error = null;
            return SendOutcome.Sent;
        }
        catch (YouTubeCallException ex)
        {
            Log.CallFailed(logger, ex.Method, ex.Failure, ex.StatusCode, ex.Reason);
            return OnFailure(ex);
        }
        finally
        {
            echoes.EndSend(text);
        }
    }

    /// <summary>Whether a reply that failed is tried again (after a pause) or dropped.</summary>
    private SendOutcome OnFailure(YouTubeCallException ex)
    {
        var now = time.GetUtcNow();
        switch (ex.Failure)
        {
            case YouTubeFailure.QuotaExceeded:
                state.Ledger.MarkExceeded();
                return SendOutcome.RetryIn(TimeSpan.Zero);
            case YouTubeFailure.RateLimited:
            case YouTubeFailure.Transient:
            case YouTubeFailure.Unauthorized:
                Pause(now + _backoff.Next());
                return SendOutcome.RetryIn(TimeSpan.Zero);
            case YouTubeFailure.Forbidden:
                _error = "envoi refusé dans ce chat (compte banni ou sans droit ?)";
                Pause(now + Max(_backoff.Next(), TimeSpan.FromMinutes(1)));
                return SendOutcome.Dropped;
            default:
                // messageTextInvalid, chat ended/disabled/not found: this message cannot be sent.
                return SendOutcome.Dropped;
        }
    }

    private void Pause(DateTimeOffset until) => Interlocked.Exchange(ref _pausedUntilTicks, until.UtcTicks);

    private static bool IsAddressable(OutgoingMessage message) => message.InReplyTo is not null && (message.MergeKey is not null || message.Merged > 1);

    /// <summary>
    /// A reply with a merge key names its asker ("@name text", in the text's short form when the full one
    /// leaves no room for the name); merged ones already name theirs.
    /// </summary>
    private static OutgoingMessage Addressed(OutgoingMessage message) =>
        message.MergeKey is not null && message.InReplyTo is { } asker
            ? message with { Text = ReplyMerger.Address([asker.DisplayName], ReplyMerger.TextFor(asker.DisplayName, message, MaxMessageLength), MaxMessageLength), MergeKey = null }
            : message;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: {Method} failed: {Failure} ({Status} {Reason})")]
        public static partial void CallFailed(ILogger logger, string method, YouTubeFailure failure, int? status, string? reason);
    }
}
