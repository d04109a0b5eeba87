using LiveBot.Testing;
using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Reading;

public sealed class LiveLifecycleTests
{
    [Theory]
    [InlineData(FakeYouTubeServer.EndMode.ChatEndedEvent)]
    [InlineData(FakeYouTubeServer.EndMode.OfflineAt)]
    [InlineData(FakeYouTubeServer.EndMode.LiveChatEndedError)]
    public async Task Live_Ends_BackToWaitingThenJoinsNextLive(FakeYouTubeServer.EndMode mode)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.EndLive("chat-1", mode);
        await t.DriveUntilAsync(() => t.Client.LiveChatId is null);
        Assert.Equal("waiting", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
        var reads = t.Fake.CallsOf("liveChatMessages.list");
        await t.RunForAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(5));
        Assert.Equal(reads, t.Fake.CallsOf("liveChatMessages.list"));

        t.Fake.StartLive("chat-2", "video-2");
        await t.DriveUntilAsync(() => t.Client.LiveChatId == "chat-2", TimeSpan.FromSeconds(5));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") > reads);
        t.Fake.Say("chat-2", "Yanis", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Host_YouTubeNotEnabled_NoPlatformRegistered()
    {
        await using var bot = await BotHost.StartAsync();

        var health = await bot.Http.GetStringAsync("healthz");

        Assert.DoesNotContain("youtube", health, StringComparison.Ordinal);
    }
}
