using System.Collections.Concurrent;
using LiveBot.Core.Stats;

namespace LiveBot.Reporting.Recording;

/// <summary>
/// Counts what happens per minute and per platform in memory (a dictionary lookup and an interlocked add
/// per chat line), and hands the counts to <see cref="ReportStore"/> on <see cref="Flush"/> (every few
/// seconds, and at stop). Keeps no name, id or text of a viewer: only platform names, configured command
/// ids, catalogue labels and question numbers.
/// </summary>
public sealed class LiveStatsRecorder(ReportStore store, TimeProvider time) : ILiveStats
{
    /// <summary>Most offer requests or on-air marks waiting for a flush; past it they are counted as lost.</summary>
    public const int MaxPending = 50_000;

    private readonly ConcurrentDictionary<(long Minute, string Platform), Bucket> _buckets = new();
    private readonly ConcurrentQueue<OfferDoc> _offers = new();
    private readonly ConcurrentQueue<OnAirDoc> _onAir = new();
    private readonly Lock _flushGate = new();
    private int _pending;
    private long _lost;

    /// <summary>Raised after each flush that wrote something (the presenter page's live statistics follow it).</summary>
    public event Action? Flushed;

    /// <summary>Facts dropped because the store could not keep up (should stay 0).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public void ChatLine(string platform, DateTimeOffset time) => Interlocked.Increment(ref Current(platform).ChatLines);

    public void Command(string platform, string commandId, bool answered, DateTimeOffset time)
    {
        var counts = Current(platform).Commands.GetOrAdd(commandId, static _ => new long[2]);
        Interlocked.Increment(ref counts[0]);
        if (answered)
        {
            Interlocked.Increment(ref counts[1]);
        }
    }

    public void OfferRequest(OfferRequestFact fact)
    {
        if (!Reserve())
        {
            return;
        }

        _offers.Enqueue(new OfferDoc
        {
            Minute = MinuteNow(),
            Platform = fact.Platform,
            Kind = fact.Kind,
            Outcome = fact.Outcome,
            JobCode = fact.JobCode,
            JobLabel = fact.JobLabel,
            Diploma = fact.Diploma,
            PlaceKind = fact.PlaceKind,
            PlaceCode = fact.PlaceCode,
            PlaceLabel = fact.PlaceLabel,
            Departement = fact.Departement,
            Source = fact.Source,
        });
    }

    public void QuestionAsked(string platform) => Interlocked.Increment(ref Current(platform).Questions);

    public void Voted(string platform, int votes) => Interlocked.Add(ref Current(platform).Votes, votes);

    public void PutOnAir(int questionId)
    {
        if (Reserve())
        {
            _onAir.Enqueue(new OnAirDoc { Time = time.GetUtcNow().ToUnixTimeSeconds(), QuestionId = questionId });
        }
    }

    /// <summary>What a platform's counters moved by since the last sample.</summary>
    public void PlatformActivity(string platform, long sent, long merged, long dropped, long reconnects, long youTubeUnits)
    {
        var bucket = Current(platform);
        Interlocked.Add(ref bucket.RepliesSent, sent);
        Interlocked.Add(ref bucket.RepliesMerged, merged);
        Interlocked.Add(ref bucket.RepliesDropped, dropped);
        Interlocked.Add(ref bucket.Reconnects, reconnects);
        Interlocked.Add(ref bucket.YouTubeUnits, youTubeUnits);
    }

    /// <summary>Writes what was counted since the last flush; returns false when there was nothing.</summary>
    public bool Flush()
    {
        lock (_flushGate)
        {
            var current = MinuteNow();
            var deltas = new List<MinuteDoc>();
            foreach (var (key, bucket) in _buckets)
            {
                if (bucket.TakeDelta(key.Minute, key.Platform) is { } delta)
                {
                    deltas.Add(delta);
                }

                // Writers only touch the current minute; two minutes later nobody holds this bucket.
                if (key.Minute < current - 1)
                {
                    _buckets.TryRemove(key, out _);
                }
            }

            var offers = Drain(_offers);
            var onAir = Drain(_onAir);
            if (deltas.Count == 0 && offers.Count == 0 && onAir.Count == 0)
            {
                return false;
            }

            try
            {
                store.Append(deltas, offers, onAir);
            }
            catch (Exception) when (!Requeue(deltas, offers, onAir))
            {
                throw;
            }
        }

        Flushed?.Invoke();
        return true;
    }

    private bool Requeue(List<MinuteDoc> deltas, List<OfferDoc> offers, List<OnAirDoc> onAir)
    {
        // The write failed: keep the counts for the next flush rather than losing them.
        foreach (var delta in deltas)
        {
            _buckets.GetOrAdd((delta.Minute, delta.Platform), static _ => new Bucket()).Restore(delta);
        }

        foreach (var offer in offers)
        {
            if (Reserve())
            {
                _offers.Enqueue(offer);
            }
        }

        foreach (var mark in onAir)
        {
            if (Reserve())
            {
                _onAir.Enqueue(mark);
            }
        }

        return false;
    }

    private List<T> Drain<T>(ConcurrentQueue<T> queue)
    {
        var items = new List<T>();
        while (queue.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref _pending);
            items.Add(item);
        }

        return items;
    }

    private bool Reserve()
    {
        if (Interlocked.Increment(ref _pending) <= MaxPending)
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _lost);
        return false;
    }

    private long MinuteNow() => time.GetUtcNow().ToUnixTimeSeconds() / 60;

    private Bucket Current(string platform) => _buckets.GetOrAdd((MinuteNow(), platform), static _ => new Bucket());

    private sealed class Bucket
    {
        public long ChatLines;
        public long Questions;
        public long Votes;
        public long RepliesSent;
        public long RepliesMerged;
        public long RepliesDropped;
        public long Reconnects;
        public long YouTubeUnits;

        public ConcurrentDictionary<string, long[]> Commands { get; } = new(StringComparer.Ordinal);

        public MinuteDoc? TakeDelta(long minute, string platform)
        {
            var doc = new MinuteDoc
            {
                Id = MinuteDoc.Key(minute, platform),
                Minute = minute,
                Platform = platform,
                ChatLines = Interlocked.Exchange(ref ChatLines, 0),
                Questions = Interlocked.Exchange(ref Questions, 0),
                Votes = Interlocked.Exchange(ref Votes, 0),
                RepliesSent = Interlocked.Exchange(ref RepliesSent, 0),
                RepliesMerged = Interlocked.Exchange(ref RepliesMerged, 0),
                RepliesDropped = Interlocked.Exchange(ref RepliesDropped, 0),
                Reconnects = Interlocked.Exchange(ref Reconnects, 0),
                YouTubeUnits = Interlocked.Exchange(ref YouTubeUnits, 0),
            };
            var any = doc.ChatLines | doc.Questions | doc.Votes | doc.RepliesSent | doc.RepliesMerged | doc.RepliesDropped | doc.Reconnects | doc.YouTubeUnits;
            foreach (var (name, counts) in Commands)
            {
                var calls = Interlocked.Exchange(ref counts[0], 0);
                var answered = Interlocked.Exchange(ref counts[1], 0);
                if (calls != 0 || answered != 0)
                {
                    doc.Commands[name] = calls;
                    doc.Answered[name] = answered;
                    any = 1;
                }
            }

            return any == 0 ? null : doc;
        }

        public void Restore(MinuteDoc delta)
        {
            Interlocked.Add(ref ChatLines, delta.ChatLines);
            Interlocked.Add(ref Questions, delta.Questions);
            Interlocked.Add(ref Votes, delta.Votes);
            Interlocked.Add(ref RepliesSent, delta.RepliesSent);
            Interlocked.Add(ref RepliesMerged, delta.RepliesMerged);
            Interlocked.Add(ref RepliesDropped, delta.RepliesDropped);
            Interlocked.Add(ref Reconnects, delta.Reconnects);
            Interlocked.Add(ref YouTubeUnits, delta.YouTubeUnits);
            foreach (var (name, calls) in delta.Commands)
            {
                var counts = Commands.GetOrAdd(name, static _ => new long[2]);
                Interlocked.Add(ref counts[0], calls);
                Interlocked.Add(ref counts[1], delta.Answered.GetValueOrDefault(name));
            }
        }
    }
}
