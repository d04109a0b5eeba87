namespace LiveBot.YouTube.Reading;

/// <summary>
/// What the chat reader is doing: calling YouTube, or waiting (on the clock, or on a stream that is quiet)
/// with nothing to do before <see cref="WaitingUntil"/>. Shown on <c>/healthz</c> (<c>nextReadAt</c>) and
/// awaited through <see cref="Changed"/>; every wait goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ReaderActivity(TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _waiting;
    private DateTimeOffset? _waitingUntil;
    private long _streamResponses;

    /// <summary>Raised when the reader starts waiting, and when it reads a stream response.</summary>
    public event Action? Changed;

    public bool Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    public DateTimeOffset? WaitingUntil
    {
        get
        {
            lock (_gate)
            {
                return _waiting ? _waitingUntil : null;
            }
        }
    }

    /// <summary>Stream responses read, and stream ends the server chose (not the bot's own closes).</summary>
    public long StreamResponses => Interlocked.Read(ref _streamResponses);

    /// <summary>True when the reader waits and nothing is due at <paramref name="now"/>.</summary>
    public bool IsIdleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _waiting && (_waitingUntil is null || _waitingUntil > now);
        }
    }

    public void CountStreamResponse()
    {
        Interlocked.Increment(ref _streamResponses);
        Changed?.Invoke();
    }

    /// <summary>Waits <paramref name="delay"/> on the clock (negative: not at all).</summary>
    public async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
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
                SetBusy();
                done.TrySetResult();
            }
        }

        // The timer exists before the reader says it waits: whoever moves the clock after seeing it wait is never too early.
        using var timer = time.CreateTimer(_ => Wake(), null, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(Wake);
        SetWaiting(time.GetUtcNow() + delay, () => Volatile.Read(ref woken) == 0);
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
                SetBusy();
            }
        }

        await using var registration = deadlineToken.Register(Wake);
        SetWaiting(deadline, () => Volatile.Read(ref woken) == 0);
        try
        {
            return await read;
        }
        finally
        {
            Wake();
        }
    }

    private void SetWaiting(DateTimeOffset until, Func<bool> stillWaiting)
    {
        lock (_gate)
        {
            if (!stillWaiting())
            {
                return;
            }

            _waiting = true;
            _waitingUntil = until;
        }

        Changed?.Invoke();
    }

    private void SetBusy()
    {
        lock (_gate)
        {
            _waiting = false;
        }
    }
}
