namespace LiveBot.Core.Chat;

/// <summary>
/// A platform's connection state (<see cref="PlatformStates"/>) and the error shown on <c>/healthz</c>, with a
/// change signal: the health page, logs and tests all read the same thing.
/// </summary>
public sealed class PlatformStatus(string initial = PlatformStates.Stopped)
{
    private readonly Lock _gate = new();
    private string _state = initial;
    private string? _error;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>A sentence for <c>/healthz</c> when something is wrong, else null.</summary>
    public string? Error
    {
        get
        {
            lock (_gate)
            {
                return _error;
            }
        }
    }

    /// <summary>Raised after the state or the error changed, and after <see cref="Touch"/>.</summary>
    public event Action? Changed;

    /// <summary>Sets both the state and the error (null clears it).</summary>
    public void Set(string state, string? error = null)
    {
        bool changed;
        lock (_gate)
        {
            changed = _state != state || _error != error;
            _state = state;
            _error = error;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Sets the error and keeps the state.</summary>
    public void SetError(string? error)
    {
        bool changed;
        lock (_gate)
        {
            changed = _error != error;
            _error = error;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Clears the error only when it is still <paramref name="error"/>.</summary>
    public void ClearError(string error)
    {
        bool changed;
        lock (_gate)
        {
            changed = _error == error;
            if (changed)
            {
                _error = null;
            }
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Signals a change of something the platform shows beside its state (channels joined, roles).</summary>
    public void Touch() => Changed?.Invoke();
}
