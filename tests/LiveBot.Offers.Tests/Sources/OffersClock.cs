using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Offers.Tests.Sources;

/// <summary>
/// The clock of the offers' source tests: timeouts (a second and more) wait on fake time, which moves only when
/// the upstream hangs (<see cref="FakeUpstream.Hanging"/>), so a busy machine never makes a call time out and
/// retry (Issue 9); the short waits between retries pass on the real clock, so retries happen as in production.
/// </summary>
internal sealed class OffersClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero))
{
    public static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        dueTime < ShortWait && period == Timeout.InfiniteTimeSpan
            ? System.CreateTimer(callback, state, dueTime, period)
            : base.CreateTimer(callback, state, dueTime, period);

    /// <summary>Makes <paramref name="upstream"/> time out whatever waits on this clock when one of its calls hangs.</summary>
    public OffersClock TimingOut(FakeUpstream upstream)
    {
        upstream.Hanging = () => Advance(TimeSpan.FromMinutes(1));
        return this;
    }
}
