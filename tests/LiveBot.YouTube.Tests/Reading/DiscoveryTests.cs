using LiveBot.Testing;
using LiveBot.YouTube.Tests.Fake;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Tests.Reading;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Discover_ConfiguredLiveChatId_ReadsItWithoutLookup()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-conf"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-conf" });

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        Assert.Equal("chat-conf", t.Client.LiveChatId);
        Assert.Equal(0, t.Fake.CallsOf("videos.list"));
        Assert.Equal(0, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Discover_VideoId_UsesActiveLiveChatIdOfVideo()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-video", "vid-42"), new Dictionary<string, string> { ["YouTube:VideoId"] = "vid-42" });

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        Assert.Equal("chat-video", t.Client.LiveChatId);
        Assert.Equal(1, t.Fake.CallsOf("videos.list"));
        Assert.Equal(0, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Discover_NothingConfigured_UsesActiveBroadcast()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-bc"));

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        Assert.Equal("chat-bc", t.Client.LiveChatId);
        Assert.Equal(1, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Discover_LiveStartedWithStreamNow_FoundWithBroadcastTypeAll_Issue11()
    {
        // YouTube's default broadcastType=event hides "Stream now" lives: the fake does the same.
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-now", "vid-now").StreamNow = true);

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3));

        Assert.Equal("chat-now", t.Client.LiveChatId);
        Assert.Equal(1, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Discover_NoLive_WaitsSixtySecondsBetweenChecksThenJoins()
    {
        await using var t = await YouTubeTestBot.StartAsync();

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveBroadcasts.list") >= 3, TimeSpan.FromSeconds(5));
        var elapsed = t.Time.GetUtcNow() - YouTubeTestBot.Start;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(125));
        Assert.Equal("waiting", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());

        t.Fake.StartLive("chat-late");
        await t.DriveUntilAsync(() => t.Client.LiveChatId == "chat-late", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Discover_VideoNotLiveYet_WaitsWithoutAskingBroadcasts()
    {
        await using var t = await YouTubeTestBot.StartAsync(settings: new Dictionary<string, string> { ["YouTube:VideoId"] = "vid-7" });

        await t.DriveUntilAsync(() => t.Fake.CallsOf("videos.list") >= 2, TimeSpan.FromSeconds(5));
        t.Fake.StartLive("chat-7", "vid-7");
        await t.DriveUntilAsync(() => t.Client.LiveChatId == "chat-7", TimeSpan.FromSeconds(5));

        Assert.Equal(0, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Start_EnabledWithoutCredentials_RefusesWithClearReason()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["YouTube:Enabled"] = "true",
            ["YouTube:ApiBaseUri"] = "http://127.0.0.1:1/",
        }));

        Assert.Contains(error.Failures, f => f.Contains("YouTube:ClientId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("youtube-login", StringComparison.Ordinal));
    }
}
