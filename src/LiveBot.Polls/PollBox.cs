using System.Security.Cryptography;
using System.Text;
using LiteDB;
using LiveBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Polls;

/// <summary>
/// The polls: at most one open at a time, kept in LiteDB (collections <c>polls</c> and <c>poll_votes</c>) and
/// mirrored in memory. A vote is keyed by a one-way hash of platform and user id under the poll's own salt (no
/// name is ever stored); closing keeps the counts by platform and choice, and deletes the votes and the salt.
/// Opening and closing are on disk before the call returns; a vote is committed at once, and on disk within
/// milliseconds (nobody is told their vote counted, so a raid is not held up by a checkpoint per vote).
/// Thread-safe; <see cref="Changed"/> arrives in order.
/// </summary>
public sealed partial class PollBox
{
    public const string CollectionName = "polls";
    public const string VotesCollectionName = "poll_votes";
    public const string MetaCollectionName = "polls_meta";

    private readonly LiteDbStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, StoredPoll> _all = [];
    private readonly Dictionary<string, StoredPollVote> _openVotes = new(StringComparer.Ordinal);
    private Dictionary<string, int[]> _openCounts = new(StringComparer.Ordinal);
    private StoredPoll? _open;
    private int _lastNumber;
    private readonly StoreWriter _writer;

    // Collections are taken from the store each time: it reopens the database after a storage failure (issue 13).
    private ILiteCollection<StoredPoll> Polls => _store.Collection<StoredPoll>(CollectionName);

    private ILiteCollection<StoredPollVote> Votes => _store.Collection<StoredPollVote>(VotesCollectionName);

    private ILiteCollection<PollsMeta> Meta => _store.Collection<PollsMeta>(MetaCollectionName);

    public PollBox(LiteDbStore store, IOptions<PollsOptions> options, TimeProvider time, ILogger<PollBox> logger)
    {
        Options = options.Value;
        _time = time;
        _logger = logger;
        _writer = new StoreWriter(store, logger, "Poll change");
        _store = store;
        Votes.EnsureIndex(v => v.PollId);
        Load();
    }

    /// <summary>
    /// Raised after a change is stored, in order, under the box's lock: handlers must be quick (hand over to a
    /// channel) and must not call back. A throwing handler is logged and ignored.
    /// </summary>
    public event Action<PollChange>? Changed;

    public PollsOptions Options { get; }

    /// <summary>Why the last write to LiteDB failed, or null (shown on /healthz).</summary>
    public string? LastStorageError => _writer.LastError;

    /// <summary>The open poll, if any.</summary>
    public Poll? Current
    {
        get
        {
            lock (_gate)
            {
                return _open is null ? null : Snapshot(_open);
            }
        }
    }

    public Poll? Get(int id)
    {
        lock (_gate)
        {
            return _all.TryGetValue(id, out var doc) ? Snapshot(doc) : null;
        }
    }

    /// <summary>Every poll kept, newest first.</summary>
    public IReadOnlyList<Poll> List()
    {
        lock (_gate)
        {
            return _all.Values.Reverse().Select(Snapshot).ToList();
        }
    }

    /// <summary>Opens <paramref name="draft"/>, unless a poll is open already (one at a time).</summary>
    public PollOpenResult Open(PollDraft draft)
    {
        lock (_gate)
        {
            if (_open is not null)
            {
                return new PollOpenResult(PollOpenOutcome.AlreadyOpen, Snapshot(_open));
            }

            var now = _time.GetUtcNow();
            var number = _lastNumber + 1;
            var doc = new StoredPoll
            {
                Id = number,
                Question = draft.Question,
                Choices = [.. draft.Choices],
                Status = PollStatus.Open,
                OpenedAt = now.ToUnixTimeMilliseconds(),
                ClosesAt = draft.Duration is { } d ? (now + d).ToUnixTimeMilliseconds() : null,
                Salt = RandomNumberGenerator.GetBytes(16),
            };
            Durably(() =>
            {
                Polls.Insert(doc);
                Meta.Upsert(new PollsMeta { LastNumber = number });
            });
            _lastNumber = number;
            _all[number] = doc;
            _open = doc;
            _openVotes.Clear();
            _openCounts = new Dictionary<string, int[]>(StringComparer.Ordinal);
            var poll = Snapshot(doc);
            Log.Opened(_logger, number, doc.Choices.Count);
            Raise(new PollChange(PollChange.Opened, number, poll));
            return new PollOpenResult(PollOpenOutcome.Opened, poll);
        }
    }

    /// <summary>
    /// A viewer's vote for choice <paramref name="choice"/> (1-based) of the open poll: one per viewer, a new one
    /// replaces the old one. Unknown numbers and votes with no poll open change nothing.
    /// </summary>
    public PollVoteOutcome Vote(string platform, string userId, int choice)
    {
        lock (_gate)
        {
            if (_open is not { } open)
            {
                return PollVoteOutcome.NoOpenPoll;
            }

            if (choice < 1 || choice > open.Choices.Count)
            {
                return PollVoteOutcome.UnknownChoice;
            }

            var voter = VoterKey(open.Salt!, platform, userId);
            var index = choice - 1;
            PollVoteOutcome outcome;
            if (_openVotes.TryGetValue(voter, out var existing))
            {
                if (existing.Choice == index)
                {
                    return PollVoteOutcome.Unchanged;
                }

                var changed = new StoredPollVote { Id = existing.Id, PollId = open.Id, Voter = voter, Platform = existing.Platform, Choice = index };
                Write(() => Votes.Update(changed));
                Count(existing.Platform, existing.Choice, -1);
                _openVotes[voter] = changed;
                outcome = PollVoteOutcome.Changed;
            }
            else
            {
                var vote = new StoredPollVote { PollId = open.Id, Voter = voter, Platform = platform, Choice = index };
                Write(() => Votes.Insert(vote));
                _openVotes[voter] = vote;
                outcome = PollVoteOutcome.Counted;
            }

            Count(platform, index, +1);
            Raise(new PollChange(PollChange.Voted, open.Id, null));
            return outcome;
        }
    }

    /// <summary>Closes poll <paramref name="id"/>: null when there is no such poll; an already closed one is returned as is.</summary>
    public (Poll Poll, bool ClosedNow)? Close(int id, PollCloseReason reason)
    {
        lock (_gate)
        {
            if (!_all.TryGetValue(id, out var doc))
            {
                return null;
            }

            if (doc != _open)
            {
                return (Snapshot(doc), false);
            }

            var closed = new StoredPoll
            {
                Id = doc.Id,
                Question = doc.Question,
                Choices = doc.Choices,
                Status = PollStatus.Closed,
                OpenedAt = doc.OpenedAt,
                ClosesAt = doc.ClosesAt,
                ClosedAt = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                Counts = _openCounts.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            };
            Durably(() =>
            {
                Polls.Update(closed);
                Votes.DeleteMany(v => v.PollId == id);
            });
            _all[id] = closed;
            _open = null;
            _openVotes.Clear();
            _openCounts = new Dictionary<string, int[]>(StringComparer.Ordinal);
            var poll = Snapshot(closed);
            Log.Closed(_logger, id, reason, poll.Total);
            Raise(new PollChange(PollChange.Closed, id, poll));
            return (poll, true);
        }
    }

    /// <summary>
    /// Deletes polls opened before now - RetentionDays (an open one is closed first), their votes with them;
    /// returns how many. As for questions, LiteDB zero-fills deleted blocks and the checkpoint empties the log.
    /// </summary>
    public int PurgeExpired()
    {
        lock (_gate)
        {
            var cutoff = (_time.GetUtcNow() - TimeSpan.FromDays(Options.RetentionDays)).ToUnixTimeMilliseconds();
            var expired = _all.Values.Where(p => p.OpenedAt < cutoff).ToList();
            if (expired.Count == 0)
            {
                return 0;
            }

            Durably(() =>
            {
                Polls.DeleteMany(p => p.OpenedAt < cutoff);
                foreach (var poll in expired)
                {
                    Votes.DeleteMany(v => v.PollId == poll.Id);
                }
            });
            foreach (var poll in expired)
            {
                _all.Remove(poll.Id);
                if (poll == _open)
                {
                    _open = null;
                    _openVotes.Clear();
                    _openCounts = new Dictionary<string, int[]>(StringComparer.Ordinal);
                }

                Raise(new PollChange(PollChange.Removed, poll.Id, null));
            }

            Log.Purged(_logger, expired.Count, Options.RetentionDays);
            return expired.Count;
        }
    }

    /// <summary>Votes stored for the open poll (tests, health): how many viewers voted.</summary>
    internal int OpenVoterCount
    {
        get
        {
            lock (_gate)
            {
                return _openVotes.Count;
            }
        }
    }

    private static string VoterKey(byte[] salt, string platform, string userId)
    {
        var hash = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(platform + "\n" + userId));
        return Convert.ToBase64String(hash, 0, 16);
    }

    private void Count(string platform, int index, int delta)
    {
        if (!_openCounts.TryGetValue(platform, out var counts))
        {
            counts = new int[_open!.Choices.Count];
            _openCounts[platform] = counts;
        }

        counts[index] += delta;
    }

    private Poll Snapshot(StoredPoll doc)
    {
        var counts = doc == _open ? _openCounts : doc.Counts;
        var choices = new List<PollChoice>(doc.Choices.Count);
        for (var i = 0; i < doc.Choices.Count; i++)
        {
            var byPlatform = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (platform, values) in counts)
            {
                if (i < values.Length && values[i] > 0)
                {
                    byPlatform[platform] = values[i];
                }
            }

            choices.Add(new PollChoice(doc.Choices[i], byPlatform.Values.Sum(), byPlatform));
        }

        var closesAt = doc.Status == PollStatus.Closed ? doc.ClosedAt : doc.ClosesAt;
        return new Poll(
            doc.Id,
            doc.Question,
            doc.Status,
            choices,
            DateTimeOffset.FromUnixTimeMilliseconds(doc.OpenedAt),
            closesAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
    }

    /// <summary>Opening, closing, purging: on disk before anyone is told (a failure is kept for /healthz and rethrown).</summary>
    private void Durably(Action write) => _writer.Durably(write);

    /// <summary>Votes: committed at once, on disk at the next checkpoint.</summary>
    private void Write(Action write) => _writer.Write(write);

    private void Raise(PollChange change)
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<PollChange>>())
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(_logger, change.Kind, change.PollId, ex);
            }
        }
    }

    private void Load()
    {
        lock (_gate)
        {
            foreach (var doc in Polls.FindAll())
            {
                _all[doc.Id] = doc;
                _lastNumber = Math.Max(_lastNumber, doc.Id);
            }

            _lastNumber = Math.Max(_lastNumber, Meta.FindById("numbering")?.LastNumber ?? 0);

            // Never written by this code, but a file edited by hand could hold two open polls: keep the newest.
            _open = _all.Values.LastOrDefault(p => p.Status == PollStatus.Open && p.Salt is { Length: > 0 });
            if (_open is { } open)
            {
                foreach (var vote in Votes.Find(v => v.PollId == open.Id))
                {
                    if (vote.Choice >= 0 && vote.Choice < open.Choices.Count && _openVotes.TryAdd(vote.Voter, vote))
                    {
                        Count(vote.Platform, vote.Choice, +1);
                    }
                }
            }

            Log.Loaded(_logger, _all.Count, _open?.Id ?? 0, _openVotes.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Polls loaded: {Count}, open poll #{OpenId} with {Votes} votes")]
        public static partial void Loaded(ILogger logger, int count, int openId, int votes);

        [LoggerMessage(Level = LogLevel.Information, Message = "Poll #{Id} opened with {Choices} choices")]
        public static partial void Opened(ILogger logger, int id, int choices);

        [LoggerMessage(Level = LogLevel.Information, Message = "Poll #{Id} closed ({Reason}) with {Total} votes")]
        public static partial void Closed(ILogger logger, int id, PollCloseReason reason, int total);

        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} polls older than {Days} days deleted with their votes")]
        public static partial void Purged(ILogger logger, int count, int days);

        [LoggerMessage(Level = LogLevel.Error, Message = "A Changed handler failed on {Kind} of poll #{Id}")]
        public static partial void HandlerFailed(ILogger logger, string kind, int id, Exception exception);
    }
}
