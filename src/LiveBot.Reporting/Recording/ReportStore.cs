using LiveBot.Core.Storage;

namespace LiveBot.Reporting.Recording;

/// <summary>The report's three LiteDB collections: minutes, offer requests, on-air marks.</summary>
public sealed class ReportStore
{
    public const string MinutesCollection = "report_minutes";
    public const string OffersCollection = "report_offers";
    public const string OnAirCollection = "report_onair";

    private readonly LiteDbStore _store;

    // LiteDB 5's shared mapper may hand a half-built type map to a second thread that asks for the same type at
    // the same moment (seen when two bots start at once: "Member Minute not found on BsonMapper"). Building the
    // three maps once, here, before any instance exists, closes that window.
    static ReportStore()
    {
        LiteDB.BsonMapper.Global.ToDocument(new MinuteDoc());
        LiteDB.BsonMapper.Global.ToDocument(new OfferDoc());
        LiteDB.BsonMapper.Global.ToDocument(new OnAirDoc());
    }

    public ReportStore(LiteDbStore store)
    {
        _store = store;
        store.Collection<MinuteDoc>(MinutesCollection).EnsureIndex(d => d.Minute);
        store.Collection<OfferDoc>(OffersCollection).EnsureIndex(d => d.Minute);
        store.Collection<OnAirDoc>(OnAirCollection).EnsureIndex(d => d.Time);
    }

    public LiteDbStore Database => _store;

    /// <summary>Adds the counts of <paramref name="deltas"/> to what is stored, and appends the new documents, in one durable write.</summary>
    public void Append(IReadOnlyList<MinuteDoc> deltas, IReadOnlyList<OfferDoc> offers, IReadOnlyList<OnAirDoc> onAir)
    {
        if (deltas.Count == 0 && offers.Count == 0 && onAir.Count == 0)
        {
            return;
        }

        var minutes = _store.Collection<MinuteDoc>(MinutesCollection);
        _store.WriteDurably(() =>
        {
            foreach (var delta in deltas)
            {
                minutes.Upsert(Add(minutes.FindById(delta.Id), delta));
            }

            if (offers.Count > 0)
            {
                _store.Collection<OfferDoc>(OffersCollection).InsertBulk(offers);
            }

            if (onAir.Count > 0)
            {
                _store.Collection<OnAirDoc>(OnAirCollection).InsertBulk(onAir);
            }
        });
    }

    public List<MinuteDoc> Minutes(long fromMinute, long toMinute) =>
        _store.Collection<MinuteDoc>(MinutesCollection).Find(d => d.Minute >= fromMinute && d.Minute <= toMinute).ToList();

    public List<OfferDoc> Offers(long fromMinute, long toMinute) =>
        _store.Collection<OfferDoc>(OffersCollection).Find(d => d.Minute >= fromMinute && d.Minute <= toMinute).ToList();

    public List<OnAirDoc> OnAir(long fromSecond, long toSecond) =>
        _store.Collection<OnAirDoc>(OnAirCollection).Find(d => d.Time >= fromSecond && d.Time <= toSecond).ToList();

    /// <summary>First and last minute that had a chat line, or null when nothing was recorded.</summary>
    public (long First, long Last)? ChatSpan()
    {
        var minutes = _store.Collection<MinuteDoc>(MinutesCollection);
        var first = minutes.Query().Where(d => d.ChatLines > 0).OrderBy(d => d.Minute).Limit(1).FirstOrDefault();
        var last = minutes.Query().Where(d => d.ChatLines > 0).OrderByDescending(d => d.Minute).Limit(1).FirstOrDefault();
        return first is null || last is null ? null : (first.Minute, last.Minute);
    }

    /// <summary>Deletes everything recorded before <paramref name="cutoff"/>; LiteDB clears the freed pages, checked on the file's bytes.</summary>
    public int PurgeBefore(DateTimeOffset cutoff)
    {
        var minute = cutoff.ToUnixTimeSeconds() / 60;
        var second = cutoff.ToUnixTimeSeconds();
        var removed = 0;
        _store.WriteDurably(() =>
        {
            removed += _store.Collection<MinuteDoc>(MinutesCollection).DeleteMany(d => d.Minute < minute);
            removed += _store.Collection<OfferDoc>(OffersCollection).DeleteMany(d => d.Minute < minute);
            removed += _store.Collection<OnAirDoc>(OnAirCollection).DeleteMany(d => d.Time < second);
        });
        return removed;
    }

    private static MinuteDoc Add(MinuteDoc? stored, MinuteDoc delta)
    {
        if (stored is null)
        {
            return delta;
        }

        stored.ChatLines += delta.ChatLines;
        stored.Questions += delta.Questions;
        stored.Votes += delta.Votes;
        stored.RepliesSent += delta.RepliesSent;
        stored.RepliesMerged += delta.RepliesMerged;
        stored.RepliesDropped += delta.RepliesDropped;
        stored.Reconnects += delta.Reconnects;
        stored.YouTubeUnits += delta.YouTubeUnits;
        foreach (var (name, count) in delta.Commands)
        {
            stored.Commands[name] = stored.Commands.GetValueOrDefault(name) + count;
        }

        foreach (var (name, count) in delta.Answered)
        {
            stored.Answered[name] = stored.Answered.GetValueOrDefault(name) + count;
        }

        return stored;
    }
}
