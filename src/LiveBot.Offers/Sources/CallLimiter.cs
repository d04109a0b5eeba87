namespace LiveBot.Offers.Sources;

/// <summary>
/// A client-side limit on calls to an upstream API: never more than <c>permits</c> calls in any sliding
/// <c>window</c>, and none at all while the API asked to wait (<c>Retry-After</c>). Driven by
/// <see cref="TimeProvider"/>, so tests move time instead of waiting.
/// </summary>
public sealed class CallLimiter(int permits, TimeSpan window, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly object _gate = new();
    private DateTimeOffset _blockedUntil;
    private long _waits;
    private int _waiting;

    public int Permits => permits;

    public TimeSpan Window => window;

    /// <summary>Calls made in the current window.</summary>
    public int InWindow
    {
        get
        {
            lock (_gate)
            {
                Trim(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    /// <summary>Callers that had to wait for a free slot.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Callers waiting for a slot right now (their timer is set).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Until when the API asked us to wait (Retry-After), if later than now.</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            lock (_gate)
            {
                return _blockedUntil > time.GetUtcNow() ? _blockedUntil : null;
            }
        }
    }

    /// <summary>Takes a slot now if one is free; else says how long until one may be.</summary>
    public bool TryAcquire(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            if (_blockedUntil > now)
            {
                wait = _blockedUntil - now;
                return false;
            }

            if (_recent.Count < permits)
            {
                _recent.Enqueue(now);
                wait = TimeSpan.Zero;
                return true;
            }

            wait = _recent.Peek() + window - now;
            if (wait <= TimeSpan.Zero)
            {
                wait = TimeSpan.FromMilliseconds(1);
            }

            return false;
        }
    }

    /// <summary>Waits for a slot (as long as <paramref name="cancellationToken"/> allows) and takes it.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var counted = false;
        while (!TryAcquire(out var wait))
        {
            if (!counted)
            {
                counted = true;
                Interlocked.Increment(ref _waits);
            }

            var delay = Task.Delay(wait, time, cancellationToken);
            Interlocked.Increment(ref _waiting);
            try
            {
                await delay;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    /// <summary>The API said "429, retry after": no call before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() + window <= now)
        {
            _recent.Dequeue();
        }
    }
}
