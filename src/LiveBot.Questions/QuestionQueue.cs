using LiteDB;
using LiveBot.Core.Storage;
using LiveBot.Questions.Matching;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Questions;

/// <summary>
/// The viewers' questions: kept in LiteDB (collection <c>questions</c>), mirrored in memory for fast reads
/// and de-duplication. Every change is written and checkpointed to the database file before the call
/// returns (a question confirmed in chat survives kill -9), then <see cref="Changed"/> is raised.
/// Thread-safe; changes are serialised by one lock, so <see cref="Changed"/> arrives in order.
/// </summary>
public sealed partial class QuestionQueue
{
    public const string CollectionName = "questions";
    public const string MetaCollectionName = "questions_meta";

    /// <summary>UTF-16 units allowed per character of <see cref="QuestionsOptions.MaxLength"/> (emoji sequences are long).</summary>
    private const int MaxUnitsPerCharacter = 8;

    private static readonly int StatusCount = Enum.GetValues<QuestionStatus>().Length;

    private readonly LiteDbStore _store;
    private readonly ILiteCollection<StoredQuestion> _collection;
    private readonly ILiteCollection<QuestionsMeta> _meta;
    private readonly QuestionsOptions _options;
    private readonly Func<ModerationRules> _rules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly DuplicateIndex _index = new();

    /// <summary>Open questions held for review: never a merge target for other viewers (they must not learn they exist).</summary>
    private readonly DuplicateIndex _heldIndex = new();
    private readonly Dictionary<string, int> _openByAuthor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastSubmit = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[StatusCount];
    private int _lastNumber;
    private int? _onAir;

    public QuestionQueue(
        LiteDbStore store,
        IOptions<QuestionsOptions> options,
        Func<ModerationRules> rules,
        TimeProvider time,
        ILogger<QuestionQueue> logger)
    {
        _store = store;
        _options = options.Value;
        _rules = rules;
        _time = time;
        _logger = logger;
        _collection = store.Collection<StoredQuestion>(CollectionName);
        _meta = store.Collection<QuestionsMeta>(MetaCollectionName);
        Load();
    }

    /// <summary>
    /// Raised after a change is durable in LiteDB, in order, under the queue's lock: handlers must be quick
    /// (hand over to a channel) and must not block. A throwing handler is logged and ignored.
    /// </summary>
    public event Action<QuestionChange>? Changed;

    public QuestionsOptions Options => _options;

    /// <summary>Why the last write to LiteDB failed, or null when it succeeded (shown on /healthz).</summary>
    public string? LastStorageError { get; private set; }

    /// <summary>Questions, most votes first, then oldest first.</summary>
    public IReadOnlyList<Question> List(QuestionStatus? status = null, string? platform = null)
    {
        lock (_gate)
        {
            var list = new List<Question>(status is { } s ? _counts[(int)s] : _entries.Count);
            foreach (var entry in _entries.Values)
            {
                var q = entry.Snapshot;
                if ((status is null || q.Status == status) && (platform is null || string.Equals(q.Platform, platform, StringComparison.OrdinalIgnoreCase)))
                {
                    list.Add(q);
                }
            }

            list.Sort(QueueOrder);
            return list;
        }
    }

    public Question? Get(int id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id, out var entry) ? entry.Snapshot : null;
        }
    }

    /// <summary>The question on screen, if any.</summary>
    public Question? OnAir
    {
        get
        {
            lock (_gate)
            {
                return _onAir is { } id ? _entries[id].Snapshot : null;
            }
        }
    }

    public QuestionCounters Counters()
    {
        lock (_gate)
        {
            return new QuestionCounters(
                _counts[(int)QuestionStatus.Pending],
                _counts[(int)QuestionStatus.Approved],
                _counts[(int)QuestionStatus.OnAir],
                _counts[(int)QuestionStatus.Answered],
                _counts[(int)QuestionStatus.Hidden],
                _entries.Count);
        }
    }

    /// <summary>
    /// A viewer's <c>!question</c>: checked (length, pace, open questions), merged into a close open question
    /// as a vote, or stored as a new one (held when it has a link, a blocked word, or approval is required).
    /// </summary>
    /// <param name="authorId">Platform-qualified user id ("twitch:123").</param>
    public SubmitResult Submit(string platform, string channel, string authorId, string authorName, string text)
    {
        text = text.Trim();
        var length = QuestionText.Length(text);
        if (length < _options.MinLength)
        {
            return new SubmitResult(SubmitOutcome.TooShort);
        }

        // Characters as read; a cap in UTF-16 units too, as one cluster can hide any number of combining marks.
        if (length > _options.MaxLength || text.Length > _options.MaxLength * MaxUnitsPerCharacter)
        {
            return new SubmitResult(SubmitOutcome.TooLong);
        }

        if (!QuestionText.HasWords(text))
        {
            return new SubmitResult(SubmitOutcome.NoWords);
        }

        var fingerprint = QuestionFingerprint.Of(text);
        var reason = _rules().HoldReason(text) ?? (_options.RequireApproval ? "validation requise" : null);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lastSubmit.TryGetValue(authorId, out var last) && now - last < _options.MinInterval)
            {
                return new SubmitResult(SubmitOutcome.TooSoon, RetryAfter: _options.MinInterval - (now - last));
            }

            if (_index.FindBest(fingerprint, _options.SimilarityThreshold) is { } match)
            {
                var existing = _entries[match.Id];
                if (existing.Doc.AuthorId == authorId || existing.Voters.Contains(authorId))
                {
                    return new SubmitResult(SubmitOutcome.AlreadyBacked, existing.Snapshot);
                }

                var voted = AddVote(existing, authorId, now);
                _lastSubmit[authorId] = now;
                return new SubmitResult(SubmitOutcome.Merged, voted);
            }

            // A held question stays invisible: only its own author is told they asked it already.
            if (_heldIndex.FindBest(fingerprint, _options.SimilarityThreshold) is { } held && _entries[held.Id].Doc.AuthorId == authorId)
            {
                return new SubmitResult(SubmitOutcome.AlreadyBacked, _entries[held.Id].Snapshot);
            }

            if (_openByAuthor.GetValueOrDefault(authorId) >= _options.MaxOpenPerViewer)
            {
                return new SubmitResult(SubmitOutcome.TooManyOpen);
            }

            var number = _lastNumber + 1;
            var doc = new StoredQuestion
            {
                Id = number,
                Platform = platform,
                Channel = channel,
                AuthorId = authorId,
                AuthorName = authorName,
                Text = text,
                CreatedAt = now.ToUnixTimeMilliseconds(),
                UpdatedAt = now.ToUnixTimeMilliseconds(),
                Status = reason is null ? QuestionStatus.Approved : QuestionStatus.Pending,
                Held = reason is not null,
                HeldReason = reason,
            };
            Durably(() =>
            {
                _collection.Insert(doc);
                _meta.Upsert(new QuestionsMeta { LastNumber = number });
            });

            _lastNumber = number;
            _lastSubmit[authorId] = now;
            var entry = new Entry(doc, fingerprint);
            _entries[number] = entry;
            Track(entry, added: true);
            Raise(QuestionChange.Added, entry.Snapshot);
            var ahead = entry.Snapshot.Status == QuestionStatus.Approved ? Ahead(entry.Snapshot) : 0;
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
            if (!_entries.TryGetValue(id, out var entry) || entry.Doc.Status == QuestionStatus.Hidden || entry.Doc.Held)
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

            return new VoteResult(VoteOutcome.Counted, AddVote(entry, voterId, _time.GetUtcNow()));
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
            Question? top = null;
            foreach (var entry in _entries.Values)
            {
                if (entry.Snapshot.Status == QuestionStatus.Approved && (top is null || QueueOrder(entry.Snapshot, top) < 0))
                {
                    top = entry.Snapshot;
                }
            }

            if (top is null)
            {
                if (_onAir is { } current)
                {
                    MarkAnswered(current);
                }

                return null;
            }

            return PutOnAir(top.Id);
        }
    }

    /// <summary>
    /// Deletes questions (and their voters) created before now - RetentionDays; returns how many.
    /// Nothing of them stays in the file: LiteDB 5 fills a deleted block with zeros (older versions of a document
    /// that grew were deleted the same way), and the checkpoint of <see cref="Durably"/> empties the log file
    /// (tested on the raw bytes). No <c>Rebuild</c>: on the shared store it would close the engine under the other
    /// writers' feet and leave a "-backup" copy of the whole file, deleted questions included.
    /// </summary>
    public int PurgeExpired()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var cutoff = now - TimeSpan.FromDays(_options.RetentionDays);
            var expired = _entries.Values.Where(e => e.Doc.CreatedAt < cutoff.ToUnixTimeMilliseconds()).ToList();
            foreach (var stale in _lastSubmit.Where(kv => now - kv.Value >= _options.MinInterval).Select(kv => kv.Key).ToList())
            {
                _lastSubmit.Remove(stale);
            }

            if (expired.Count == 0)
            {
                return 0;
            }

            var cutoffMs = cutoff.ToUnixTimeMilliseconds();
            Durably(() => _collection.DeleteMany(q => q.CreatedAt < cutoffMs));
            foreach (var entry in expired)
            {
                Track(entry, added: false);
                _entries.Remove(entry.Doc.Id);
                Raise(QuestionChange.Removed, entry.Snapshot);
            }

            Log.Purged(_logger, expired.Count, _options.RetentionDays);
            return expired.Count;
        }
    }

    /// <summary>Approved questions that come before <paramref name="question"/> in the queue.</summary>
    private int Ahead(Question question)
    {
        var ahead = 0;
        foreach (var entry in _entries.Values)
        {
            if (entry.Snapshot.Status == QuestionStatus.Approved && entry.Doc.Id != question.Id && QueueOrder(entry.Snapshot, question) < 0)
            {
                ahead++;
            }
        }

        return ahead;
    }

    private Question AddVote(Entry entry, string voterId, DateTimeOffset now)
    {
        var doc = entry.Doc.Copy();
        doc.Voters.Add(voterId);
        doc.UpdatedAt = now.ToUnixTimeMilliseconds();
        Durably(() => _collection.Update(doc));
        entry.Voters.Add(voterId);
        entry.Replace(doc);
        Raise(QuestionChange.Updated, entry.Snapshot);
        return entry.Snapshot;
    }

    /// <summary>
    /// Applies a status change decided by <paramref name="decide"/> ((status, held) or null to refuse).
    /// Going on air sends the question on air before to answered, in the same transaction.
    /// </summary>
    private Question? Transition(int id, Func<StoredQuestion, (QuestionStatus Status, bool Held)?> decide)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var entry) || decide(entry.Doc) is not { } target)
            {
                return null;
            }

            if (target.Status == entry.Doc.Status && target.Held == entry.Doc.Held)
            {
                return entry.Snapshot; // Nothing to do: asking twice is fine.
            }

            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var doc = entry.Doc.Copy();
            doc.StatusBeforeHidden = target.Status == QuestionStatus.Hidden ? entry.Doc.Status : null;
            doc.Status = target.Status;
            doc.Held = target.Held;
            doc.HeldReason = target.Held ? doc.HeldReason : null;
            doc.UpdatedAt = now;

            Entry? previous = null;
            StoredQuestion? previousDoc = null;
            if (target.Status == QuestionStatus.OnAir && _onAir is { } onAirId && onAirId != id)
            {
                previous = _entries[onAirId];
                previousDoc = previous.Doc.Copy();
                previousDoc.Status = QuestionStatus.Answered;
                previousDoc.UpdatedAt = now;
            }

            Durably(() =>
            {
                if (previousDoc is not null)
                {
                    _collection.Update(previousDoc);
                }

                _collection.Update(doc);
            });

            if (previous is not null)
            {
                Apply(previous, previousDoc!);
                Raise(QuestionChange.Updated, previous.Snapshot);
            }

            Apply(entry, doc);
            Raise(QuestionChange.Updated, entry.Snapshot);
            return entry.Snapshot;
        }
    }

    private void Apply(Entry entry, StoredQuestion doc)
    {
        Track(entry, added: false);
        entry.Replace(doc);
        Track(entry, added: true);
    }

    /// <summary>Adds or removes <paramref name="entry"/> from the counters, the index and the per-viewer counts.</summary>
    private void Track(Entry entry, bool added)
    {
        var doc = entry.Doc;
        var delta = added ? 1 : -1;
        _counts[(int)doc.Status] += delta;
        if (doc.Status == QuestionStatus.OnAir)
        {
            _onAir = added ? doc.Id : (_onAir == doc.Id ? null : _onAir);
        }

        if (entry.Snapshot.IsOpen)
        {
            var open = _openByAuthor.GetValueOrDefault(doc.AuthorId) + delta;
            if (open > 0)
            {
                _openByAuthor[doc.AuthorId] = open;
            }
            else
            {
                _openByAuthor.Remove(doc.AuthorId);
            }

            var index = doc.Held ? _heldIndex : _index;
            if (added)
            {
                index.Add(doc.Id, entry.Fingerprint);
            }
            else
            {
                index.Remove(doc.Id);
            }
        }
    }

    /// <summary>
    /// Runs the writes through <see cref="LiteDbStore.WriteDurably"/>: after this, a kill -9 loses nothing.
    /// A failure is kept for /healthz and rethrown, so the viewer never gets a confirmation.
    /// </summary>
    private void Durably(Action write)
    {
        try
        {
            LastStorageError = _store.WriteDurably(write) ? null : "checkpoint: voir le journal";
        }
        catch (Exception ex)
        {
            LastStorageError = ex.GetType().Name + ": " + ex.Message;
            Log.WriteFailed(_logger, ex);
            throw;
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

    private void Load()
    {
        lock (_gate)
        {
            foreach (var doc in _collection.FindAll())
            {
                _entries[doc.Id] = new Entry(doc, QuestionFingerprint.Of(doc.Text));
                _lastNumber = Math.Max(_lastNumber, doc.Id);
            }

            // Never written by this code, but a file edited by hand could hold two questions on air: keep the latest.
            foreach (var extra in _entries.Values.Where(e => e.Doc.Status == QuestionStatus.OnAir).OrderByDescending(e => e.Doc.UpdatedAt).Skip(1).ToList())
            {
                var doc = extra.Doc.Copy();
                doc.Status = QuestionStatus.Answered;
                Durably(() => _collection.Update(doc));
                extra.Replace(doc);
            }

            foreach (var entry in _entries.Values)
            {
                Track(entry, added: true);
            }

            _lastNumber = Math.Max(_lastNumber, _meta.FindById("numbering")?.LastNumber ?? 0);
            Log.Loaded(_logger, _entries.Count, _lastNumber);
        }
    }

    private static int QueueOrder(Question a, Question b)
    {
        var byVotes = b.Votes.CompareTo(a.Votes);
        if (byVotes != 0)
        {
            return byVotes;
        }

        var byAge = a.CreatedAt.CompareTo(b.CreatedAt);
        return byAge != 0 ? byAge : a.Id.CompareTo(b.Id);
    }

    /// <summary>One question in memory: its stored form, its snapshot, its voters, its fingerprint.</summary>
    private sealed class Entry
    {
        public Entry(StoredQuestion doc, QuestionFingerprint fingerprint)
        {
            Fingerprint = fingerprint;
            Voters = new HashSet<string>(doc.Voters, StringComparer.Ordinal);
            Doc = doc;
            Snapshot = ToQuestion(doc);
        }

        public StoredQuestion Doc { get; private set; }

        public Question Snapshot { get; private set; }

        public HashSet<string> Voters { get; }

        public QuestionFingerprint Fingerprint { get; }

        public void Replace(StoredQuestion doc)
        {
            Doc = doc;
            Snapshot = ToQuestion(doc);
        }

        private static Question ToQuestion(StoredQuestion doc) => new(
            doc.Id,
            doc.Platform,
            doc.Channel,
            doc.AuthorId,
            doc.AuthorName,
            doc.Text,
            DateTimeOffset.FromUnixTimeMilliseconds(doc.CreatedAt),
            doc.Status,
            doc.Voters.Count)
        {
            Held = doc.Held,
            HeldReason = doc.HeldReason,
            StatusBeforeHidden = doc.StatusBeforeHidden,
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(doc.UpdatedAt),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Questions loaded: {Count}, last number #{LastNumber}")]
        public static partial void Loaded(ILogger logger, int count, int lastNumber);

        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} questions older than {Days} days deleted with their voters")]
        public static partial void Purged(ILogger logger, int count, int days);

        [LoggerMessage(Level = LogLevel.Error, Message = "Question change not saved: nothing was confirmed")]
        public static partial void WriteFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Error, Message = "A Changed handler failed on {Kind} #{Id}")]
        public static partial void HandlerFailed(ILogger logger, string kind, int id, Exception exception);
    }
}
