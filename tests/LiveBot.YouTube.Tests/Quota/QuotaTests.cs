using LiveBot.YouTube.Quota;

namespace LiveBot.YouTube.Tests.Quota;

public sealed class QuotaTests
{
    [Fact]
    public async Task Quota_RunsLowMidLive_RepliesDegradeThenStopWhileReadingGoesOn()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string>
        {
            ["YouTube:DailyQuota"] = "1000",
            ["YouTube:ReadShare"] = "0.8",
            ["YouTube:ExpectedLiveDuration"] = "00:30:00",
        });
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        // 200 units for replies = 10 inserts: 5 full, 3 merged-level, 2 short, then none.
        for (var i = 0; i < 40; i++)
        {
            t.Fake.Say("chat-1", "viewer" + i, "!merci " + i);
            await t.RunForAsync(TimeSpan.FromSeconds(90));
        }

        // Reads overrunning their share near the end eat into the replies' units first.
        var inserted = t.Fake.InsertedSnapshot();
        Assert.InRange(inserted.Count, 8, 10);
        Assert.True(inserted[^1].At < YouTubeTestBot.Start.AddMinutes(50), "replies stopped well before the last questions");
        Assert.Contains("Merci pour ton message", inserted[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("Bien reçu ✔", inserted[^1].Text, StringComparison.Ordinal);
        var health = await t.YouTubeHealthAsync();
        Assert.Equal(40, health.GetProperty("messagesIn").GetInt64());
        Assert.Contains(health.GetProperty("details").GetProperty("replyLevel").GetString(), new[] { nameof(ReplyLevel.ShortOnly), nameof(ReplyLevel.None) });
        Assert.Equal("connected", health.GetProperty("state").GetString());
        Assert.Equal(t.Fake.UnitsSpent, health.GetProperty("details").GetProperty("quota").GetProperty("spent").GetInt32());
        Assert.True(t.Fake.UnitsSpent <= 1000, $"{t.Fake.UnitsSpent} units");
    }

    [Theory]
    [InlineData(0, 10, 20)]
    [InlineData(150, 2, 5)]
    public async Task Quota_JoinsLiveStartedMinutesAgo_PlansOverWhatIsLeft(int startedMinutesAgo, double minSeconds, double maxSeconds)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1").StartedAt = YouTubeTestBot.Start.AddMinutes(-startedMinutesAgo));

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 2);

        var interval = (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("readIntervalSeconds").GetDouble();
        Assert.InRange(interval, minSeconds, maxSeconds);
    }

    [Fact]
    public async Task Quota_ServerSaysExceeded_NoCallsUntilPacificResetThenResumes()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.DailyBudget = 51;
        });

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 11, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));
        await t.RunForAsync(TimeSpan.FromMinutes(1));
        var health = await t.YouTubeHealthAsync();
        Assert.Equal(YouTubeChatClient.QuotaExceededState, health.GetProperty("state").GetString());
        Assert.Contains("quota", health.GetProperty("error").GetString(), StringComparison.Ordinal);
        var reset = new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(reset, health.GetProperty("details").GetProperty("quota").GetProperty("exceededUntil").GetDateTimeOffset());

        var calls = t.Fake.Calls.Values.Sum();
        t.Fake.Say("chat-1", "Tom", "!merci");
        await t.RunForAsync(reset - t.Time.GetUtcNow() - TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        Assert.Equal(calls, t.Fake.Calls.Values.Sum());
        Assert.Equal(YouTubeChatClient.QuotaExceededState, (await t.YouTubeHealthAsync()).GetProperty("state").GetString());

        await t.DriveUntilAsync(() => t.Fake.Calls.Values.Sum() > calls, TimeSpan.FromSeconds(10));
        t.Fake.Say("chat-1", "Zoé", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        // Tom asked while the bot could not read: far too late to answer once the quota is back.
        Assert.StartsWith("@Zoé", Assert.Single(t.Fake.InsertedSnapshot()).Text, StringComparison.Ordinal);
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }
}
