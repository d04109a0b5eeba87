using LiveBot.YouTube.Quota;

namespace LiveBot.YouTube.Tests.Quota;

public sealed class QuotaPlannerTests
{
    private static readonly DateTimeOffset LiveStart = new(2026, 3, 10, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadInterval_DefaultsOneMessagePerMinute_SpreadsReadShareOverThreeHours()
    {
        var planner = new QuotaPlanner(Options());

        var interval = planner.ReadInterval(Empty(), LiveStart, LiveStart, TimeSpan.FromSeconds(2), 1);

        // 8,000 units / 5 = 1,600 reads over 10,800 s.
        Assert.Equal(6.75, interval!.Value.TotalSeconds, 2);
    }

    [Theory]
    [InlineData(0, 10.125)]
    [InlineData(5, 5.0625)]
    [InlineData(30, 3.375)]
    public void ReadInterval_Activity_FasterWhenBusySlowerWhenQuiet(double perMinute, double expected)
    {
        var planner = new QuotaPlanner(Options());

        var interval = planner.ReadInterval(Empty(), LiveStart, LiveStart, TimeSpan.FromSeconds(2), perMinute);

        Assert.Equal(expected, interval!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void ReadInterval_ServerAsksLonger_NeverShorterThanServer()
    {
        var planner = new QuotaPlanner(Options());

        var interval = planner.ReadInterval(Empty(), LiveStart, LiveStart, TimeSpan.FromSeconds(12), 50);

        Assert.Equal(TimeSpan.FromSeconds(12), interval);
    }

    [Fact]
    public void ReadInterval_NothingLeft_Null()
    {
        var planner = new QuotaPlanner(Options());

        Assert.Null(planner.ReadInterval(Spent(read: 8_000, write: 1_998), LiveStart, LiveStart, TimeSpan.FromSeconds(2), 1));
    }

    [Fact]
    public void ReadInterval_ThreeHoursAtAnyActivity_FitsTheDailyQuota()
    {
        var options = Options();
        var planner = new QuotaPlanner(options);
        var now = LiveStart;
        var read = 0;
        var step = 0;
        while (now < LiveStart + options.ExpectedLiveDuration)
        {
            var busy = step++ % 40 < 10 ? 30 : 0;
            var interval = planner.ReadInterval(Spent(read, 0), now, LiveStart, TimeSpan.FromSeconds(2), busy);
            Assert.NotNull(interval);
            read += 5;
            now += interval.Value;
        }

        Assert.InRange(read, 1_000, 8_000);
    }

    [Theory]
    [InlineData(0, ReplyLevel.Full)]
    [InlineData(900, ReplyLevel.Full)]
    [InlineData(1_100, ReplyLevel.Merged)]
    [InlineData(1_700, ReplyLevel.ShortOnly)]
    [InlineData(1_980, ReplyLevel.ShortOnly)]
    [InlineData(1_990, ReplyLevel.None)]
    public void Level_WriteUnitsSpent_DegradesStepByStep(int written, ReplyLevel expected)
    {
        var planner = new QuotaPlanner(Options());

        Assert.Equal(expected, planner.Level(Spent(0, written)));
    }

    [Fact]
    public void Level_ReadsOverranTheirShare_RepliesGiveWayFirst()
    {
        var planner = new QuotaPlanner(Options());

        Assert.Equal(ReplyLevel.None, planner.Level(Spent(read: 9_990, write: 0)));
        Assert.NotNull(planner.ReadInterval(Spent(read: 9_990, write: 0), LiveStart, LiveStart, TimeSpan.FromSeconds(2), 1));
    }

    [Fact]
    public void SendPacer_Burst_ThenFollowsRate()
    {
        var pacer = new SendPacer(4);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TimeUntilNext(LiveStart, 0.1));
            pacer.Consume(LiveStart, 0.1);
        }

        Assert.Equal(TimeSpan.FromSeconds(10), pacer.TimeUntilNext(LiveStart, 0.1));
        Assert.Equal(TimeSpan.Zero, pacer.TimeUntilNext(LiveStart.AddSeconds(10), 0.1));
    }

    [Fact]
    public void WriteUnitsLeft_StreamShare_LeavesNinetyFivePercentToReplies()
    {
        var planner = new QuotaPlanner(Options(), QuotaPlanner.StreamReadShare);

        Assert.Equal(500, planner.ReadBudget);
        Assert.Equal(9_500, planner.WriteUnitsLeft(Spent(10, 0)));
        Assert.Equal(ReplyLevel.Full, planner.Level(Spent(10, 4_000)));
    }

    /// <summary>An 80 % / 20 % split, the figures below follow from it.</summary>
    private static YouTubeOptions Options() => new() { ReadShare = 0.8 };

    private static QuotaSnapshot Empty() => Spent(0, 0);

    private static QuotaSnapshot Spent(int read, int write) => new("2026-03-10", read, write, 0, new Dictionary<string, int>(), null);
}
