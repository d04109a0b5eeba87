using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Reading;

public sealed class ErrorTests
{
    [Theory]
    [InlineData(403, "rateLimitExceeded")]
    [InlineData(500, "backendError")]
    [InlineData(503, "backendError")]
    public async Task List_TransientOrRateLimit_BacksOffAndReadsOn(int status, string reason)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        t.Fake.Fail("liveChatMessages.list", status, reason, times: 3);

        t.Fake.Say("chat-1", "Emma", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1, max: TimeSpan.FromMinutes(5));

        Assert.Equal("chat-1", t.Client.LiveChatId);
        Assert.Empty(t.Fake.PacingViolations);
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_LiveChatDisabled_HealthSaysSoAndRejoinsWhenEnabled()
    {
        FakeLive? live = null;
        await using var t = await YouTubeTestBot.StartAsync(f => live = f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        live!.Disabled = true;
        await t.DriveUntilAsync(() => t.Client.LiveChatId is null);
        var health = await t.YouTubeHealthAsync();
        Assert.Contains("désactivé", health.GetProperty("error").GetString(), StringComparison.Ordinal);

        live.Disabled = false;
        var reads = t.Fake.CallsOf("liveChatMessages.list");
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") > reads + 1, TimeSpan.FromSeconds(5));
        Assert.Equal(JsonNull, (await t.YouTubeHealthAsync()).GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task List_Forbidden_HealthSaysSoAndRetriesAtWaitingPace()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Fail("liveChatMessages.list", 403, "forbidden");
        await t.DriveUntilAsync(() => t.Client.LiveChatId is null);

        var health = await t.YouTubeHealthAsync();
        Assert.Contains("refusé", health.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("degraded", await StatusAsync(t));
        await t.DriveUntilAsync(() => t.Client.LiveChatId == "chat-1", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task List_ConfiguredChatNotFound_FallsBackToActiveBroadcast()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "wrong-id" });

        await t.DriveUntilAsync(() => t.Client.LiveChatId == "chat-1", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3));

        Assert.Equal(1, t.Fake.CallsOf("liveBroadcasts.list"));
    }

    [Theory]
    [InlineData(403, "rateLimitExceeded")]
    [InlineData(500, "backendError")]
    public async Task Insert_TransientOrRateLimit_RetriedLater(int status, string reason)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        t.Fake.Fail("liveChatMessages.insert", status, reason);

        t.Fake.Say("chat-1", "Jade", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(2, t.Fake.CallsOf("liveChatMessages.insert"));
        Assert.Equal(0, (await t.YouTubeHealthAsync()).GetProperty("droppedReplies").GetInt64());
    }

    [Theory]
    [InlineData(400, "messageTextInvalid", null)]
    [InlineData(403, "forbidden", "envoi refusé")]
    [InlineData(403, "liveChatEnded", null)]
    public async Task Insert_Refused_ReplyDroppedAndBotLivesOn(int status, string reason, string? error)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        t.Fake.Fail("liveChatMessages.insert", status, reason);

        t.Fake.Say("chat-1", "Jade", "!merci");
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.insert") >= 1);
        var health = await t.YouTubeHealthAsync();
        Assert.Equal(1, health.GetProperty("droppedReplies").GetInt64());
        if (error is not null)
        {
            Assert.Contains(error, health.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        t.Fake.Say("chat-1", "Malo", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1, max: TimeSpan.FromMinutes(5));
        Assert.Equal("role viewer", t.Fake.InsertedSnapshot()[0].Text);
    }

    [Fact]
    public async Task List_Stalls_TimesOutAndRetries()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        var stalled = t.Fake.Stall("liveChatMessages.list");
        while (!stalled.IsCompleted)
        {
            // The stalled call keeps the bot busy: wait for either, not for idleness alone.
            await Task.WhenAny(t.WhenSettledAsync(), stalled).WaitAsync(TimeSpan.FromSeconds(20));
            if (!stalled.IsCompleted)
            {
                t.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        t.Time.Advance(TimeSpan.FromSeconds(21));
        t.Fake.Say("chat-1", "Inès", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal("chat-1", t.Client.LiveChatId);
    }

    private static System.Text.Json.JsonValueKind JsonNull => System.Text.Json.JsonValueKind.Null;

    private static async Task<string?> StatusAsync(YouTubeTestBot t)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await t.Bot.Http.GetStringAsync("healthz"));
        return document.RootElement.GetProperty("status").GetString();
    }
}
