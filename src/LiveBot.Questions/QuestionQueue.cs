using LiveBot.Core.Storage;
using LiveBot.Questions.Index;
using LiveBot.Questions.Intake;
using LiveBot.Questions.Lifecycle;
using LiveBot.Questions.Moderation;
using LiveBot.Questions.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Questions;

/// <summary>
/// The viewers' questions, behind one lock: the <see cref="QuestionStore"/> (LiteDB, numbering, repair), the
/// <see cref="QuestionIndex"/> (the mirror in memory, counters, duplicate index), the <see cref="QuestionIntake"/>
/// rules (length, words, pace, merge, hold) and the <see cref="QuestionLifecycle"/> (statuses, votes, ranking).
/// Every change is written and checkpointed to the database file before the call returns (a question
/// confirmed in chat survives kill -9), then <see cref="Changed"/> is raised, in order.
/// <see cref="Load"/> reads the file once, before anything else is asked.
/// </summary>
public sealed partial class QuestionQueue
{
    public const string CollectionName = "questions";
    public const string MetaCollectionName = "questions_meta";

    private readonly QuestionsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly QuestionStore _store;
    private readonly QuestionIndex _index = new();
    private readonly QuestionIntake _intake;
    private readonly QuestionLifecycle _lifecycle;
    private int _lastNumber;
    private bool _loaded;

    public QuestionQueue(
        LiteDbStore store,
        IOptions<QuestionsOptions> options,
        Func<ModerationRules> rules,
        TimeProvider time,
        ILogger<QuestionQueue> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _store = new QuestionStore(store, logger);
        _intake = new QuestionIntake(_options, rules);
        _lifecycle = new QuestionLifecycle(_index, _store, Raise);
    }

    /// <summary>
    /// Raised after a change is durable in LiteDB, in order, under the queue's lock: handlers must be quick
    /// (hand over to a channel) and must not block. A throwing handler is logged and ignored.
    /// </summary>
    public event Action<QuestionChange>? Changed;

    public QuestionsOptions Options => _options;

    /// <summary>Why the last write to LiteDB failed, or null when it succeeded (shown on /healthz).</summary>
    public string? LastStorageError => _store.LastError;

    /// <summary>
    /// Reads the stored questions into memory and repairs what a hand-edited file could hold (two questions
    /// on air). Called once at start, before the queue is used; a second call does nothing.
    /// </summary>
    public QuestionQueue Load()
    {
        lock (_gate)
        {
            if (_loaded)
            {
                return this;
            }

            var (docs, lastNumber) = _store.Load();
            foreach (var doc in docs)
            {
                _index.Add(new QuestionEntry(doc, Matching.QuestionFingerprint.Of(doc.Text)));
            }

            _lastNumber = lastNumber;
            _loaded = true;
            Log.Loaded(_logger, _index.Count, _lastNumber);
            return this;
        }
    }

    /// <summary>Questions, most votes first, then oldest first.</summary>
    public IReadOnlyList<Question> List(QuestionStatus? status = null, string? platform = null)
    {
        lock (_gate)
        {
            EnsureLoaded();
            var list = new List<Question>(status is { } s ? _index.CountOf(s) : _index.Count);
            foreach (var entry in _index.Entries)
            {
                var q = entry.Snapshot;
                if ((status is null || q.Status == status) && (platform is null || string.Equals(q.Platform, platform, StringComparison.OrdinalIgnoreCase)))
                {
                    list.Add(q);
                }
            }

            list.Sort(QuestionLifecycle.QueueOrder);
            return list;
        }
    }

    public Question? Get(int id)
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _index.TryGet(id, out var entry) ? entry.Snapshot : null;
        }
    }

    /// <summary>The question on screen, if any.</summary>
    public Question? OnAir
    {
        get
        {
            lock (_gate)
            {
                EnsureLoaded();
                return _index.OnAirId is { } id ? _index[id].Snapshot : null;
            }
        }
    }

    public QuestionCounters Counters()
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _index.Counters();
        }
    }

    /// <summary>
    /// A viewer's <c>!question</c>: checked (length, pace, open questions), merged into a close open question
    /// as a vote, or stored as a new one (held when it has a link, a blocked word, or approval is required).
    /// </summary>
    /// <param name="authorId">Platform-qualified user id ("twitch:123").</param>
    /// <param name="sourceMessageId">The platform's id of the chat line, kept so that deleting the line hides the question.</param>
    public SubmitResult Submit(string platform, string channel, string authorId, string authorName, string text, string? sourceMessageId = null)
    {
        if (_intake.Check(text, out var candidate) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            EnsureLoaded();
            var now = _time.GetUtcNow();
            if (_intake.Decide(_index, candidate, authorId, now, out var mergeInto) is { } decided)
            {
                return decided;
            }

            if (mergeInto is not null)
            {
                var voted = _lifecycle.AddVote(mergeInto, authorId, now);
                _intake.Accepted(authorId, now);
                return new SubmitResult(SubmitOutcome.Merged, voted);
            }

            var number = _lastNumber + 1;
            var doc = new StoredQuestion
            {
                Id = number,
                Platform = platform,
                Channel = channel,
                AuthorId = authorId,
                AuthorName = authorName,
                Text = candidate.Text,
                CreatedAt = now.ToUnixTimeMilliseconds(),
                UpdatedAt = now.ToUnixTimeMilliseconds(),
                Status = candidate.HoldReason is null ? QuestionStatus.Approved : QuestionStatus.Pending,
                Held = candidate.HoldReason is not null,
                HeldReason = candidate.HoldReason,
                SourceMessageId = sourceMessageId,
            };
            _store.Insert(doc);

            _lastNumber = number;
            _intake.Accepted(authorId, now);
            var entry = new QuestionEntry(doc, candidate.Fingerprint);
            _index.Add(entry);
            Raise(QuestionChange.Added, entry.Snapshot);
            var ahead = entry.Snapshot.Status == QuestionStatus.Approved ? _lifecycle.Ahead(entry.Snapshot) : 0;
            return new SubmitResult(SubmitOutcome.Added, entry.Snapshot, ahead);
        }
    }

    /// <summary>
    /// A viewer's <c>!vote n</c>: one vote per viewer per question, not on their own. Hidden and held
    /// questions answer <see cref="VoteOutcome.NotFound"/>, like a number never given: viewers never learn they exist.
    /// </summary>
    public VoteResult Vote(int id, string voterId)
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _lifecycle.Vote(id, voterId, _time.GetUtcNow());
        }
    }

    /// <summary>
    /// Pending (held or not) or answered -> approved; clears <see cref="Question.Held"/>. The question on air
    /// stays on air (approving it changes nothing). Refused when hidden.
    /// </summary>
    public Question? Approve(int id) => Transition(id, static doc => doc.Status switch
    {
        QuestionStatus.Hidden => null,
        QuestionStatus.OnAir => (QuestionStatus.OnAir, doc.Held),
        _ => (QuestionStatus.Approved, false),
    });

    /// <summary>
    /// Approved (or answered) -> on air; the question on air before goes to answered. Refused when held
    /// (approve it first) or hidden.
    /// </summary>
    public Question? PutOnAir(int id) => Transition(id, static doc => doc.Held || doc.Status == QuestionStatus.Hidden
        ? null
        : (QuestionStatus.OnAir, doc.Held));

    /// <summary>Any open question -> answered. Refused when hidden.</summary>
    public Question? MarkAnswered(int id) => Transition(id, static doc => doc.Status == QuestionStatus.Hidden
        ? null
        : (QuestionStatus.Answered, doc.Held));

    /// <summary>Any status -> hidden, remembering the status to restore.</summary>
    public Question? Hide(int id) => Transition(id, static doc => (QuestionStatus.Hidden, doc.Held));

    /// <summary>
    /// Chat moderation: hides the question a deleted line asked, or the open questions of a banned or timed-out
    /// viewer in that chat, with <paramref name="reason"/> shown to presenters. Returns the questions hidden now.
    /// </summary>
    public IReadOnlyList<Question> HideForModeration(string platform, string channel, string? messageId, string? qualifiedUserId, string reason)
    {
        lock (_gate)
        {
            EnsureLoaded();
            var hidden = new List<Question>();
            foreach (var id in _lifecycle.Concerned(platform, channel, new ModerationTarget(messageId, qualifiedUserId)))
            {
                if (_lifecycle.Transition(id, static doc => (QuestionStatus.Hidden, doc.Held), _time.GetUtcNow(), reason) is { } question)
                {
                    hidden.Add(question);
                }
            }

            return hidden;
        }
    }

    /// <summary>
    /// Hidden -> the status before hiding; a question hidden while on air comes back approved (nothing
    /// reappears on screen by surprise). A question that is not hidden is returned unchanged.
    /// </summary>
    public Question? Restore(int id) => Transition(id, static doc => doc.Status != QuestionStatus.Hidden
        ? (doc.Status, doc.Held)
        : (doc.StatusBeforeHidden switch
        {
            null => QuestionStatus.Pending,
            QuestionStatus.OnAir => QuestionStatus.Approved,
            var before => before.Value,
        }, doc.Held));

    /// <summary>
    /// Puts the top approved question (most votes, then oldest) on air, the one on air before going to answered.
    /// When none waits, the question on air (if any) is marked answered, so the overlay empties, and null is returned.
    /// </summary>
    public Question? PutNextOnAir()
    {
        lock (_gate)
        {
            EnsureLoaded();
            if (_lifecycle.NextApproved() is { } top)
            {
                return PutOnAir(top.Id);
            }

            if (_index.OnAirId is { } current)
            {
                MarkAnswered(current);
            }

            return null;
        }
    }

    /// <summary>
    /// Deletes questions (and their voters) created before now - RetentionDays; returns how many.
    /// Nothing of them stays in the file: LiteDB 5 fills a deleted block with zeros (older versions of a document
    /// that grew were deleted the same way), and the checkpoint of every durable write empties the log file
    /// (tested on the raw bytes). No <c>Rebuild</c>: on the shared store it would close the engine under the other
    /// writers' feet and leave a "-backup" copy of the whole file, deleted questions included.
    /// </summary>
    public int PurgeExpired()
    {
        lock (_gate)
        {
            EnsureLoaded();
            var now = _time.GetUtcNow();
            var cutoff = now - TimeSpan.FromDays(_options.RetentionDays);
            var cutoffMs = cutoff.ToUnixTimeMilliseconds();
            var expired = _index.Entries.Where(e => e.Doc.CreatedAt < cutoffMs).ToList();
            _intake.ForgetIdle(now);
            if (expired.Count == 0)
            {
                return 0;
            }

            _store.DeleteCreatedBefore(cutoffMs);
            foreach (var entry in expired)
            {
                _index.Remove(entry);
                Raise(QuestionChange.Removed, entry.Snapshot);
            }

            Log.Purged(_logger, expired.Count, _options.RetentionDays);
            return expired.Count;
        }
    }

    private Question? Transition(int id, Func<StoredQuestion, (QuestionStatus Status, bool Held)?> decide)
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _lifecycle.Transition(id, decide, _time.GetUtcNow());
        }
    }

    private void EnsureLoaded()
    {
        if (!_loaded)
        {
            throw new InvalidOperationException("QuestionQueue.Load() must run before the queue is used.");
        }
    }

    private void Raise(string kind, Question question)
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }

        var change = new QuestionChange(kind, question);
        foreach (var handler in handlers.GetInvocationList().Cast<Action<QuestionChange>>())
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(_logger, kind, question.Id, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Questions loaded: {Count}, last number #{LastNumber}")]
        public static partial void Loaded(ILogger logger, int count, int lastNumber);

        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} questions older than {Days} days deleted with their voters")]
        public static partial void Purged(ILogger logger, int count, int days);

        [LoggerMessage(Level = LogLevel.Error, Message = "A Changed handler failed on {Kind} #{Id}")]
        public static partial void HandlerFailed(ILogger logger, string kind, int id, Exception exception);
    }
}
