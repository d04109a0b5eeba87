namespace LiveBot.Twitch.Outbox;

/// <summary>A bounded set of recent ids (oldest forgotten first), safe across threads.</summary>
public sealed class BoundedIdSet(int capacity)
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
}
