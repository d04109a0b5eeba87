namespace LiveBot.Offers.Tests.Sources;

/// <summary>Waits, without sleeping, for a loopback exchange or a background loop to reach the expected point.</summary>
internal static class Eventually
{
    /// <summary>Spins (off the test's thread) until <paramref name="condition"/> holds; fails after 30 s.</summary>
    public static Task Holds(Func<bool> condition) =>
        Task.Run(() => Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(30))));
}
