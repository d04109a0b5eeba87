using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace LiveBot.Core.Chat.Outbox;

/// <summary>Askers an outbox left unanswered, in total and by reason (thread-safe).</summary>
internal sealed class OutboxDrops
{
    private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private long _total;
    private long _refusedAfterSend;
    private long _unansweredAfterSend;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Messages counted as sent that the platform refused afterwards.</summary>
    public long RefusedAfterSend => Interlocked.Read(ref _refusedAfterSend);

    /// <summary>Askers counted as answered whose answer the platform refused afterwards.</summary>
    public long UnansweredAfterSend => Interlocked.Read(ref _unansweredAfterSend);

    /// <summary>A copy, reasons in order (the shared empty one when nothing was dropped).</summary>
    public IReadOnlyDictionary<string, long> ByReason => _byReason.IsEmpty
        ? ReadOnlyDictionary<string, long>.Empty
        : _byReason.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public void Unsend(int unansweredAskers)
    {
        Interlocked.Increment(ref _refusedAfterSend);
        Interlocked.Add(ref _unansweredAfterSend, unansweredAskers);
    }

    public void Add(string reason, int askers)
    {
        if (askers <= 0)
        {
            return;
        }

        Interlocked.Add(ref _total, askers);
        _byReason.AddOrUpdate(reason, askers, (_, count) => count + askers);
    }
}
