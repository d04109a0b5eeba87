using LiveBot.Twitch.Outbox;

namespace LiveBot.Twitch.Connection;

/// <summary>Twitch's join limit (20 JOINs per 10 s, the login counting as one), kept across connections.</summary>
public sealed class JoinPacer(TimeProvider time) : IDisposable
{
    private readonly SlidingWindow _joins = new(TwitchLimits.JoinWindow + TwitchLimits.SafetyMargin);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits (on the injected clock) until one more join fits in the window, then counts it.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken) =>
        _joins.WaitAndAddAsync(TwitchLimits.JoinsPerWindow, time, _gate, cancellationToken);

    public void Dispose() => _gate.Dispose();
}
