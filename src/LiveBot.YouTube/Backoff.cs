namespace LiveBot.YouTube;

/// <summary>Exponential backoff with jitter (half fixed, half random), reset after a success.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private int _attempt;

    public int Attempts => _attempt;

    public TimeSpan Next()
    {
        var ceiling = first.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 20));
        ceiling = Math.Min(ceiling, max.TotalMilliseconds);
        _attempt++;
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    public void Reset() => _attempt = 0;
}
