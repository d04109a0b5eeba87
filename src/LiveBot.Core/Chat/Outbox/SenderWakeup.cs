namespace LiveBot.Core.Chat.Outbox;

/// <summary>
/// The sender's sleep: until a moment on the <see cref="TimeProvider"/> or a <see cref="Wake"/>, whichever
/// comes first. It shares the outbox's lock, so a status read under that lock sees the queue and
/// <see cref="IsWaiting"/> together.
/// </summary>
internal sealed class SenderWakeup(Lock gate, TimeProvider time)
{
    private TaskCompletionSource? _wakeup;
    private bool _wakeRequested;

    /// <summary>True while the sender sleeps (read under the shared lock).</summary>
    public bool IsWaiting { get; private set; }

    /// <summary>When the current sleep ends on the clock; null for "until woken" (read under the shared lock).</summary>
    public DateTimeOffset? WaitingUntil { get; private set; }

    /// <summary>Ends the current sleep, or the next one at once when the sender is not asleep yet.</summary>
    public void Wake()
    {
        TaskCompletionSource? wakeup;
        lock (gate)
        {
            _wakeRequested = true;
            IsWaiting = false;
            wakeup = _wakeup;
            _wakeup = null;
        }

        wakeup?.TrySetResult();
    }

    /// <summary>
    /// Sleeps for <paramref name="wait"/> (null: until woken). The timer exists before the sleep is announced
    /// (<paramref name="onWaiting"/>), so whoever moves the clock after seeing it wait is never too early.
    /// </summary>
    public async Task WaitAsync(TimeSpan? wait, Action onWaiting, CancellationToken cancellationToken)
    {
        var wakeup = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (_wakeRequested)
            {
                _wakeRequested = false;
                return;
            }

            _wakeup = wakeup;
        }

        var now = time.GetUtcNow();
        using var timer = wait is { } delay ? time.CreateTimer(_ => Wake(), null, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan) : null;
        await using var registration = cancellationToken.Register(Wake);
        var waiting = false;
        lock (gate)
        {
            if (_wakeup == wakeup)
            {
                IsWaiting = waiting = true;
                WaitingUntil = wait is { } until ? now + until : null;
            }
        }

        if (waiting)
        {
            onWaiting();
        }

        await wakeup.Task;
        lock (gate)
        {
            _wakeRequested = false;
            IsWaiting = false;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
