namespace LiveBot.Core.Chat;

/// <summary>
/// Exponential backoff with jitter, for every reconnect and retry of the platforms: the n-th wait is between
/// half and all of min(<c>max</c>, <c>first</c> × 2^n), and never under <c>floor</c>. Reset after a success.
/// The jitter source is injectable (tests pin it; production spreads reconnects of many bots).
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan max, TimeSpan floor = default, Func<double>? jitter = null)
{
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;
    private int _attempt;

    /// <summary>Waits handed out since the last <see cref="Reset"/>.</summary>
    public int Attempts => _attempt;

    /// <summary>The next wait, one attempt further.</summary>
    public TimeSpan Next() => Delay(_attempt++);

    /// <summary>The wait of attempt <paramref name="attempt"/> (0 for the first), without counting it.</summary>
    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30)));
        var jitter = Math.Clamp(_jitter(), 0, 1);
        var milliseconds = (ceiling / 2) + (jitter * ceiling / 2);
        return TimeSpan.FromMilliseconds(Math.Max(floor.TotalMilliseconds, milliseconds));
    }

    public void Reset() => _attempt = 0;
}
