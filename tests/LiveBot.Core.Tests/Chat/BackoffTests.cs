using LiveBot.Core.Chat;

namespace LiveBot.Core.Tests.Chat;

public sealed class BackoffTests
{
    [Fact]
    public void Next_PinnedJitter_DoublesUpToTheCapThenResets()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), jitter: () => 1);

        Assert.Equal([2, 4, 8, 10, 10], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds));
        backoff.Reset();
        Assert.Equal(2, backoff.Next().TotalSeconds);
    }

    [Fact]
    public void Next_LowestJitter_HalfTheCeilingButNeverUnderTheFloor()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), floor: TimeSpan.FromSeconds(1), jitter: () => 0);

        Assert.Equal([1, 1, 2, 4], Enumerable.Range(0, 4).Select(_ => backoff.Next().TotalSeconds));
    }
}
