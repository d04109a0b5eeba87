namespace LiveBot.Twitch.Outbox;

/// <summary>Times of recent events within a window; answers "how many now" and "when is there room".</summary>
public sealed class SlidingWindow(TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _events = new();

    public TimeSpan Length => window;

    public void Add(DateTimeOffset at) => _events.Enqueue(at);

    /// <summary>Events in (now - window, now].</summary>
    public int Count(DateTimeOffset now)
    {
        while (_events.Count > 0 && _events.Peek() <= now - window)
        {
            _events.Dequeue();
        }

        return _events.Count;
    }

    /// <summary>Zero when fewer than <paramref name="limit"/> events are in the window, else how long until one leaves it.</summary>
    public TimeSpan WaitFor(int limit, DateTimeOffset now)
    {
        var count = Count(now);
        if (count < limit)
        {
            return TimeSpan.Zero;
        }

        // The (count - limit + 1)-th oldest event has to leave the window.
        var leaving = _events.ElementAt(count - limit);
        var wait = leaving + window - now;
        return wait > TimeSpan.Zero ? wait + TimeSpan.FromTicks(1) : TimeSpan.FromTicks(1);
    }
}

public static class SlidingWindowExtensions
{
    /// <summary>Waits (on <paramref name="time"/>) until the window has room, then records one event.</summary>
    public static async Task WaitAndAddAsync(this SlidingWindow window, int limit, TimeProvider time, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = window.WaitFor(limit, time.GetUtcNow());
                if (wait == TimeSpan.Zero)
                {
                    window.Add(time.GetUtcNow());
                    return;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
