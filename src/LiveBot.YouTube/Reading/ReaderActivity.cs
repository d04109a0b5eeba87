namespace LiveBot.YouTube.Reading;

/// <summary>
/// What the chat reader is doing: calling YouTube, or waiting (on the clock, or on a stream that is quiet)
/// with nothing to do before <see cref="WaitingUntil"/>. Shown on <c>/healthz</c> (<c>nextReadAt</c>) and
/// awaited through <see cref="Changed"/>; every wait goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ReaderActivity(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Slot _main = new() { Active = true };
    private readonly Slot _side = new();
    private long _streamResponses;

    /// <summary>Raised when the reader starts waiting, and when it reads a stream response.</summary>
    public event Action? Changed;

    public bool Waiting
    {
        get
        {
            lock (_gate)
            {
                return _main.Waiting && (!_side.Active || _side.Waiting);
            }
        }
    }

    public DateTimeOffset? WaitingUntil
    {
        get
        {
            lock (_gate)
            {
                if (!_main.Waiting || (_side.Active && !_side.Waiting))
                {
                    return null;
                }

                return _side.Active && _side.Until is { } side && (_main.Until is null || side < _main.Until) ? side : _main.Until;
            }
        }
    }

    /// <summary>Stream responses read, and stream ends the server chose (not the bot's own closes).</summary>
    public long StreamResponses => Interlocked.Read(ref _streamResponses);

    /// <summary>True when the reader (and the stream watchdog, while it runs) waits and nothing is due at <paramref name="now"/>.</summary>
    public bool IsIdleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _main.IsIdleAt(now) && (!_side.Active || _side.IsIdleAt(now));
        }
    }

    public void CountStreamResponse()
    {
        Interlocked.Increment(ref _streamResponses);
        Changed?.Invoke();
    }

    /// <summary>Waits <paramref name="delay"/> on the clock (negative: not at all).</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => WaitAsync(_main, delay, cancellationToken);

    /// <summary>
    /// The stream watchdog runs beside the reader until the returned handle is disposed: meanwhile the
    /// reader counts as idle only when both wait.
    /// </summary>
    public IDisposable BeginWatchdog()
    {
        lock (_gate)
        {
            _side.Active = true;
            _side.Waiting = false;
        }

        return new SideScope(this);
    }

    /// <summary>The watchdog waits <paramref name="delay"/> on the clock.</summary>
    public Task WatchdogWaitAsync(TimeSpan delay, CancellationToken cancellationToken) => WaitAsync(_side, delay, cancellationToken);

    private async Task WaitAsync(Slot slot, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var woken = 0;
        void Wake()
        {
            if (Interlocked.Exchange(ref woken, 1) == 0)
            {
                SetBusy(slot);
                done.TrySetResult();
            }
        }

        // The timer exists before the reader says it waits: whoever moves the clock after seeing it wait is never too early.
        using var timer = time.CreateTimer(_ => Wake(), null, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(Wake);
        SetWaiting(slot, time.GetUtcNow() + delay, () => Volatile.Read(ref woken) == 0);
        await done.Task;
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Awaits a network read that may take long (a quiet stream); the reader counts as waiting until
    /// <paramref name="deadline"/> meanwhile, and as busy again once the read ends or the deadline passes.
    /// </summary>
    public async ValueTask<int> WaitForReadAsync(ValueTask<int> read, DateTimeOffset deadline, CancellationToken deadlineToken)
    {
        if (read.IsCompleted)
        {
            return await read;
        }

        var woken = 0;
        void Wake()
        {
            if (Interlocked.Exchange(ref woken, 1) == 0)
            {
                SetBusy(_main);
            }
        }

        await using var registration = deadlineToken.Register(Wake);
        SetWaiting(_main, deadline, () => Volatile.Read(ref woken) == 0);
        try
        {
            return await read;
        }
        finally
        {
            Wake();
        }
    }

    private void SetWaiting(Slot slot, DateTimeOffset until, Func<bool> stillWaiting)
    {
        lock (_gate)
        {
            if (!stillWaiting())
            {
                return;
            }

            slot.Waiting = true;
            slot.Until = until;
        }

        Changed?.Invoke();
    }

    private void SetBusy(Slot slot)
    {
        lock (_gate)
        {
            slot.Waiting = false;
        }
    }

    private void EndWatchdog()
    {
        lock (_gate)
        {
            _side.Active = false;
            _side.Waiting = false;
        }

        Changed?.Invoke();
    }

    /// <summary>One loop that waits: the reader, or the watchdog beside it.</summary>
    private sealed class Slot
    {
        public bool Active { get; set; }

        public bool Waiting { get; set; }

        public DateTimeOffset? Until { get; set; }

        public bool IsIdleAt(DateTimeOffset now) => Waiting && (Until is null || Until > now);
    }

    private sealed class SideScope(ReaderActivity activity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                activity.EndWatchdog();
            }
        }
    }
}
