using LiteDB;
using LiveBot.Core.Storage;

namespace LiveBot.YouTube.Quota;

/// <summary>
/// Units spent today (Pacific day) per method, kept in LiteDB so a restart mid-live does not forget them,
/// and the "quotaExceeded until the reset" mark.
/// </summary>
public sealed class QuotaLedger
{
    public const string CollectionName = "youtube_quota";

    private readonly LiteDbStore _store;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private QuotaDayRecord _day;

    // Taken from the store each time: it reopens the database after a storage failure (issue 13).
    private ILiteCollection<QuotaDayRecord> Collection => _store.Collection<QuotaDayRecord>(CollectionName);

    public QuotaLedger(LiteDbStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _day = Load(PacificDay.Of(time.GetUtcNow()));
    }

    /// <summary>A snapshot of today's figures.</summary>
    public QuotaSnapshot Snapshot()
    {
        lock (_lock)
        {
            var day = Current();
            var now = _time.GetUtcNow();
            DateTimeOffset? blocked = day.ExceededUntilUnixMs is { } until && until > now.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(until)
                : null;
            return new QuotaSnapshot(day.Id, day.ReadUnits, day.WriteUnits, day.Calls, new Dictionary<string, int>(day.ByMethod), blocked);
        }
    }

    /// <summary>Books <paramref name="units"/> for one call of <paramref name="method"/> ("liveChatMessages.list"...).</summary>
    public void Spend(string method, int units, bool isRead)
    {
        lock (_lock)
        {
            var day = Current();
            if (isRead)
            {
                day.ReadUnits += units;
            }
            else
            {
                day.WriteUnits += units;
            }

            day.Calls++;
            day.ByMethod[method] = day.ByMethod.GetValueOrDefault(method) + units;
            Collection.Upsert(day);
        }
    }

    /// <summary>YouTube said quotaExceeded: no call until the next Pacific midnight.</summary>
    public DateTimeOffset MarkExceeded()
    {
        lock (_lock)
        {
            var day = Current();
            var reset = PacificDay.NextReset(_time.GetUtcNow());
            day.ExceededUntilUnixMs = reset.ToUnixTimeMilliseconds();
            Collection.Upsert(day);
            return reset;
        }
    }

    private QuotaDayRecord Current()
    {
        var today = PacificDay.Of(_time.GetUtcNow());
        if (_day.Id != today)
        {
            _day = Load(today);
        }

        return _day;
    }

    private QuotaDayRecord Load(string id) => Collection.FindById(id) ?? new QuotaDayRecord { Id = id };
}

/// <summary>One quota day as stored.</summary>
public sealed class QuotaDayRecord
{
    [BsonId]
    public string Id { get; set; } = "";

    public int ReadUnits { get; set; }

    public int WriteUnits { get; set; }

    public int Calls { get; set; }

    public Dictionary<string, int> ByMethod { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Instant of the reset after a quotaExceeded answer (Unix milliseconds).</summary>
    public long? ExceededUntilUnixMs { get; set; }
}

/// <summary>Today's quota figures.</summary>
public sealed record QuotaSnapshot(string Day, int ReadUnits, int WriteUnits, int Calls, IReadOnlyDictionary<string, int> ByMethod, DateTimeOffset? ExceededUntil)
{
    public int Spent => ReadUnits + WriteUnits;
}
