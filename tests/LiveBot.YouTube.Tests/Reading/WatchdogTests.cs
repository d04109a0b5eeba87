using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Reading;

/// <summary>YouTube:Transport=Auto: the stream, checked by a liveChatMessages.list every StreamWatchdog, and its fallback to polling.</summary>
public sealed class WatchdogTests
{
    private const string StreamList = "liveChatMessages.streamList";
    private const string List = "liveChatMessages.list";

    private static readonly Dictionary<string, string> Auto = new()
    {
        ["YouTube:LiveChatId"] = "chat-1",
        ["YouTube:Transport"] = "Auto",
    };

    [Fact]
    public async Task Transport_NotConfigured_AutoStreamsWithWatchdog_Issue11()
    {
        Assert.Equal(YouTubeTransport.Auto, new YouTubeOptions().Transport);
        Assert.Equal(TimeSpan.FromSeconds(60), new YouTubeOptions().StreamWatchdog);
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1" }, embeddedTransport: true);

        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        t.Fake.Say("chat-1", "Léa", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("stream", details.GetProperty("transport").GetString());
        Assert.Equal("auto", details.GetProperty("transportSetting").GetString());
        Assert.Equal(0, t.Fake.CallsOf(List));
    }

    [Theory]
    [InlineData("Poll")]
    [InlineData("Polling")]
    public async Task Transport_PollOrPolling_ReadsByPollingOnly_Issue11(string value)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1", ["YouTube:Transport"] = value });

        await t.DriveUntilAsync(() => t.Fake.CallsOf(List) >= 2);

        Assert.Equal(0, t.Fake.CallsOf(StreamList));
        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("poll", details.GetProperty("transport").GetString());
        Assert.Equal("poll", details.GetProperty("transportSetting").GetString());
    }

    [Fact]
    public async Task Auto_HealthyStream_ListEveryMinuteBookedNoFallback_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1", history: 5), Auto);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        for (var minute = 0; minute < 5; minute++)
        {
            t.Fake.Say("chat-1", "fan" + minute, "trop bien");
            t.Fake.Say("chat-1", "viewer" + minute, "!role");
            await t.RunForAsync(TimeSpan.FromMinutes(1));
        }

        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("stream", details.GetProperty("transport").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, details.GetProperty("streamFallback").ValueKind);
        var checks = t.Fake.CallsOf(List);
        Assert.InRange(checks, 4, 6);
        Assert.Equal(checks, details.GetProperty("watchdogChecks").GetInt64());
        Assert.Equal(5 * checks, details.GetProperty("quota").GetProperty("byMethod").GetProperty(List).GetInt32());
        Assert.Equal(5 * checks, t.Fake.UnitsByMethod[List]);
        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        Assert.Equal(5, t.Fake.InsertedSnapshot().Count);
        Assert.Empty(t.Fake.PacingViolations);
    }

    [Fact]
    public async Task Auto_StreamGoesSilent_FallsBackToPollingAndAnswersWhatItMissed_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Auto);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        var start = t.Time.GetUtcNow();

        t.Fake.StreamGoesSilent = true;
        t.Fake.Say("chat-1", "Zoé", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1, max: TimeSpan.FromMinutes(3));

        Assert.InRange(t.Time.GetUtcNow() - start, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(75));
        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("poll", details.GetProperty("transport").GetString());
        Assert.Contains("stream muet", details.GetProperty("streamFallback").GetString(), StringComparison.Ordinal);

        // The rest of the live is polled: a later command is answered, nothing twice.
        t.Fake.Say("chat-1", "Yanis", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 2);
        await t.RunForAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, t.Fake.InsertedSnapshot().Count);
        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        Assert.Empty(t.Fake.PacingViolations);
    }

    [Fact]
    public async Task Auto_StreamMissesMessages_FallsBackAndAnswersEachAskerOnce_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.StreamMisses = item => item.Author == "Perdu";
        }, Auto);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        t.Fake.Say("chat-1", "Ana", "!merci");
        t.Fake.Say("chat-1", "Perdu", "!merci");
        t.Fake.Say("chat-1", "Bilal", "salut");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Any(i => i.Text.Contains("@Perdu", StringComparison.Ordinal)), max: TimeSpan.FromMinutes(3));
        await t.RunForAsync(TimeSpan.FromMinutes(2));

        var replies = t.Fake.InsertedSnapshot().Select(i => i.Text).ToList();
        Assert.Single(replies, r => r.Contains("@Ana", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Contains("@Perdu", StringComparison.Ordinal));
        var health = await t.YouTubeHealthAsync();
        var details = health.GetProperty("details");
        Assert.Equal("poll", details.GetProperty("transport").GetString());
        Assert.Contains("manqué 1 message", details.GetProperty("streamFallback").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, health.GetProperty("messagesIn").GetInt64());
    }

    [Fact]
    public async Task Auto_StreamDropsOften_WatchdogStillChecksEveryMinute_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Auto);
        for (var i = 0; i < 6; i++)
        {
            await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
            await t.RunForAsync(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(5));
            t.Fake.DropStreams(clean: true);
        }

        Assert.InRange(t.Fake.CallsOf(List), 3, 4);
        Assert.Equal("stream", (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("transport").GetString());
    }
}
