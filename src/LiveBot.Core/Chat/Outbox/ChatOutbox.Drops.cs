namespace LiveBot.Core.Chat.Outbox;

/// <summary>The outbox's drops: stale, blocked, dropped on request (moderation) or refused after sending, by reason.</summary>
public sealed partial class ChatOutbox
{
    /// <summary>
    /// Drops the waiting replies matching <paramref name="predicate"/> (a chat left, a viewer banned) at the
    /// next round, counted under <paramref name="reason"/>. Replies already queued or queued before that round both go.
    /// </summary>
    public void DropWhere(Func<OutgoingMessage, bool> predicate, string reason)
    {
        lock (_gate)
        {
            _dropWhere.Add((predicate, reason));
        }

        Wake();
    }

    /// <summary>
    /// A message counted as sent was refused by the platform after the fact (Twitch answers a refused PRIVMSG
    /// with a NOTICE): it moves from sent to dropped under <paramref name="reason"/>, with its askers.
    /// </summary>
    public void CountRefusedAfterSend(string reason, int askers, bool wasAnswer)
    {
        // Counted apart and subtracted when read: the refusal may be read before the sender counted the message.
        _drops.Unsend(wasAnswer ? askers : 0);
        CountDropped(reason, askers);
        Changed?.Invoke();
    }

    private void CountDropped(string reason, int askers) => _drops.Add(reason, askers);

    private void DropStale(DateTimeOffset now)
    {
        string? reason = null;
        Remove(
            p => (!p.IsContinuation && now - p.Message.CreatedAt > _policy.MaxAge) || (reason = _policy.DropReason(p, now)) is not null,
            p => !p.IsContinuation && now - p.Message.CreatedAt > _policy.MaxAge ? DropReasons.Stale : reason ?? DropReasons.Blocked);
    }

    private void Remove(Predicate<PendingReply> predicate, Func<PendingReply, string> reasonOf)
    {
        var askers = 0;
        var removed = _pending.RemoveAll(p =>
        {
            if (!predicate(p))
            {
                return false;
            }

            if (!p.IsContinuation)
            {
                // A merged message that goes stale leaves every asker in it unanswered.
                askers += p.Askers;
                Interlocked.Add(ref _merged, 1 - p.Askers);
                CountDropped(reasonOf(p), p.Askers);
            }

            return true;
        });
        if (removed > 0)
        {
            Log.Dropped(_logger, askers);
        }

        PublishPendingCount();
    }
}
