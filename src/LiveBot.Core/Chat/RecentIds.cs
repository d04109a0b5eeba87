namespace LiveBot.Core.Chat;

/// <summary>
/// A bounded set of recent ids, oldest forgotten first, safe across threads: "never handle the same
/// message id twice" for the pipeline and for platform clients across reconnects.
/// </summary>
public sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>False when <paramref name="id"/> was already seen.</summary>
    public bool Add(string id)
    {
        lock (_set)
        {
            if (!_set.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>True when <paramref name="id"/> was seen (and not yet forgotten).</summary>
    public bool Contains(string id)
    {
        lock (_set)
        {
            return _set.Contains(id);
        }
    }
}
