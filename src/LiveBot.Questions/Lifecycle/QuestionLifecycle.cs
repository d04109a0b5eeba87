using LiveBot.Questions.Index;
using LiveBot.Questions.Store;

namespace LiveBot.Questions.Lifecycle;

/// <summary>
/// What happens to a filed question: votes, status changes (pending -> approved -> on air -> answered, hidden
/// at any time) and the ranking (most votes, then oldest). Each change is stored first, then mirrored in the
/// index, then announced through <c>raise</c>. Not thread-safe: <see cref="QuestionQueue"/> holds its lock.
/// </summary>
internal sealed class QuestionLifecycle(QuestionIndex index, QuestionStore store, Action<string, Question> raise)
{
    /// <summary>Queue order: most votes first, then oldest, then lowest number.</summary>
    public static int QueueOrder(Question a, Question b)
    {
        var byVotes = b.Votes.CompareTo(a.Votes);
        if (byVotes != 0)
        {
            return byVotes;
        }

        var byAge = a.CreatedAt.CompareTo(b.CreatedAt);
        return byAge != 0 ? byAge : a.Id.CompareTo(b.Id);
    }

    /// <summary>One vote per viewer per question, not on their own; hidden and held ones are unknown numbers.</summary>
    public VoteResult Vote(int id, string voterId, DateTimeOffset now)
    {
        if (!index.TryGet(id, out var entry) || entry.Doc.Status == QuestionStatus.Hidden || entry.Doc.Held)
        {
            return new VoteResult(VoteOutcome.NotFound);
        }

        if (entry.Doc.Status == QuestionStatus.Answered)
        {
            return new VoteResult(VoteOutcome.Closed, entry.Snapshot);
        }

        if (entry.Doc.AuthorId == voterId)
        {
            return new VoteResult(VoteOutcome.OwnQuestion, entry.Snapshot);
        }

        if (entry.Voters.Contains(voterId))
        {
            return new VoteResult(VoteOutcome.AlreadyVoted, entry.Snapshot);
        }

        return new VoteResult(VoteOutcome.Counted, AddVote(entry, voterId, now));
    }

    public Question AddVote(QuestionEntry entry, string voterId, DateTimeOffset now)
    {
        var doc = entry.Doc.Copy();
        doc.Voters.Add(voterId);
        doc.UpdatedAt = now.ToUnixTimeMilliseconds();
        store.Update(doc);
        entry.Voters.Add(voterId);
        index.Replace(entry, doc);
        raise(QuestionChange.Updated, entry.Snapshot);
        return entry.Snapshot;
    }

    /// <summary>
    /// Applies a status change decided by <paramref name="decide"/> ((status, held) or null to refuse).
    /// Going on air sends the question on air before to answered, in the same transaction.
    /// </summary>
    public Question? Transition(int id, Func<StoredQuestion, (QuestionStatus Status, bool Held)?> decide, DateTimeOffset at, string? hiddenReason = null)
    {
        if (!index.TryGet(id, out var entry) || decide(entry.Doc) is not { } target)
        {
            return null;
        }

        if (target.Status == entry.Doc.Status && target.Held == entry.Doc.Held)
        {
            return entry.Snapshot; // Nothing to do: asking twice is fine.
        }

        var now = at.ToUnixTimeMilliseconds();
        var doc = entry.Doc.Copy();
        doc.StatusBeforeHidden = target.Status == QuestionStatus.Hidden ? entry.Doc.Status : null;
        doc.Status = target.Status;
        doc.Held = target.Held;
        doc.HeldReason = target.Held ? doc.HeldReason : null;
        doc.HiddenReason = target.Status == QuestionStatus.Hidden ? hiddenReason : null;
        doc.UpdatedAt = now;

        if (target.Status == QuestionStatus.OnAir && index.OnAirId is { } onAirId && onAirId != id)
        {
            var previous = index[onAirId];
            var previousDoc = previous.Doc.Copy();
            previousDoc.Status = QuestionStatus.Answered;
            previousDoc.UpdatedAt = now;
            store.Update(previousDoc, doc);
            index.Replace(previous, previousDoc);
            raise(QuestionChange.Updated, previous.Snapshot);
        }
        else
        {
            store.Update(doc);
        }

        index.Replace(entry, doc);
        raise(QuestionChange.Updated, entry.Snapshot);
        return entry.Snapshot;
    }

    /// <summary>
    /// The questions a chat moderation action concerns: for a deleted line, the question it asked (whatever its
    /// status, hidden ones aside); for a banned or timed-out viewer, their open questions in that chat.
    /// A cleared chat hides nothing: presenters keep the questions they already have.
    /// </summary>
    public List<int> Concerned(string platform, string channel, ModerationTarget target)
    {
        var ids = new List<int>();
        foreach (var entry in index.Entries)
        {
            var doc = entry.Doc;
            if (doc.Status == QuestionStatus.Hidden || !string.Equals(doc.Platform, platform, StringComparison.Ordinal))
            {
                continue;
            }

            var concerned = target.MessageId is { } messageId
                ? doc.SourceMessageId == messageId
                : target.QualifiedUserId is { } author && doc.AuthorId == author && entry.Snapshot.IsOpen
                    && string.Equals(doc.Channel, channel, StringComparison.Ordinal);
            if (concerned)
            {
                ids.Add(doc.Id);
            }
        }

        return ids;
    }

    /// <summary>The top approved question (most votes, then oldest), or null.</summary>
    public Question? NextApproved()
    {
        Question? top = null;
        foreach (var entry in index.Entries)
        {
            if (entry.Snapshot.Status == QuestionStatus.Approved && (top is null || QueueOrder(entry.Snapshot, top) < 0))
            {
                top = entry.Snapshot;
            }
        }

        return top;
    }

    /// <summary>
    /// Approved questions that come before <paramref name="question"/> in the queue. A new question (no vote,
    /// the newest and highest number) comes after every approved one: counted without a scan, so intake stays
    /// flat as the queue grows; anything else (a clock set back) is counted one by one.
    /// </summary>
    public int Ahead(Question question)
    {
        var self = question.Status == QuestionStatus.Approved && index.TryGet(question.Id, out _) ? 1 : 0;
        if (question.Votes == 0 && question.CreatedAt.ToUnixTimeMilliseconds() >= index.LatestCreatedAt && question.Id >= index.HighestId)
        {
            return index.CountOf(QuestionStatus.Approved) - self;
        }

        var ahead = 0;
        foreach (var entry in index.Entries)
        {
            if (entry.Snapshot.Status == QuestionStatus.Approved && entry.Doc.Id != question.Id && QueueOrder(entry.Snapshot, question) < 0)
            {
                ahead++;
            }
        }

        return ahead;
    }
}

/// <summary>What a chat moderation action points at: one deleted line, or one viewer (platform-qualified id).</summary>
internal readonly record struct ModerationTarget(string? MessageId, string? QualifiedUserId);
