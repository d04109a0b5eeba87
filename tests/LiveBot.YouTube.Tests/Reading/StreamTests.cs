using System.Text.Json.Nodes;
using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Reading;

/// <summary>Reading the chat through liveChatMessages.streamList (REST server streaming) and its fallback to polling.</summary>
public sealed class StreamTests
{
    private const string StreamList = "liveChatMessages.streamList";
    private const string List = "liveChatMessages.list";

    private static readonly Dictionary<string, string> Streaming = new()
    {
        ["YouTube:LiveChatId"] = "chat-1",
        ["YouTube:Transport"] = "Stream",
    };

    [Fact]
    public async Task Stream_CommandAfterJoin_AnsweredAndBacklogSkipped()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1", history: 6), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        t.Fake.Say("chat-1", "Léa", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        var reply = Assert.Single(t.Fake.InsertedSnapshot());
        Assert.StartsWith("@Léa Merci pour ton message", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, t.Fake.CallsOf(List));
        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        var health = await t.YouTubeHealthAsync();
        Assert.Equal("stream", health.GetProperty("details").GetProperty("transport").GetString());
        Assert.Equal(1, health.GetProperty("messagesIn").GetInt64());
    }

    [Fact]
    public async Task Stream_OwnReplyComesBackOnStream_NotAnsweredAgain()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        t.Fake.Say("chat-1", "Sam", "!boucle");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("!merci encore", Assert.Single(t.Fake.InsertedSnapshot()).Text);
    }

    [Fact]
    public async Task Stream_ConnectionDropped_ResumesWithPageTokenNoDuplicateNoLoss()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1", history: 3), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        t.Fake.Say("chat-1", "Ana", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        t.Fake.DropStreams();
        t.Fake.Say("chat-1", "Bilal", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 2);
        await t.RunForAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(["role viewer", "role viewer"], t.Fake.InsertedSnapshot().Select(i => i.Text));
        Assert.Equal(2, t.Fake.CallsOf(StreamList));
        Assert.Equal("", t.Fake.StreamPageTokens[0]);
        Assert.StartsWith("p", t.Fake.StreamPageTokens[1], StringComparison.Ordinal);
        var health = await t.YouTubeHealthAsync();
        Assert.Equal(2, health.GetProperty("messagesIn").GetInt64());
        Assert.Equal("stream", health.GetProperty("details").GetProperty("transport").GetString());
    }

    [Fact]
    public async Task Stream_HostileItems_SkippedAndStreamGoesOn()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.nosnippet" });
        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.super", ["snippet"] = new JsonObject { ["type"] = "superChatEvent" } });
        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.noauthor", ["snippet"] = new JsonObject { ["type"] = "textMessageEvent", ["displayMessage"] = "!role" } });
        t.Fake.AddRaw("chat-1", new JsonObject { ["snippet"] = new JsonObject { ["type"] = "textMessageEvent", ["displayMessage"] = "} ] \" \\ {" } });
        t.Fake.Say("chat-1", "Nina", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal("role viewer", Assert.Single(t.Fake.InsertedSnapshot()).Text);
        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Stream_EachConnection_CostsFiveUnitsInLedger()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        t.Fake.DropStreams();
        await t.DriveUntilAsync(() => t.Fake.CallsOf(StreamList) >= 2 && t.Fake.OpenStreams >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

        var quota = (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("quota");
        var connections = t.Fake.CallsOf(StreamList);
        Assert.Equal(5 * connections, quota.GetProperty("byMethod").GetProperty(StreamList).GetInt32());
        Assert.Equal(5 * connections, t.Fake.UnitsByMethod[StreamList]);
        Assert.InRange(connections, 2, 5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stream_EndedAfterMinutes_ReconnectsAndKeepsStreaming(bool clean)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        for (var i = 0; i < 5; i++)
        {
            await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
            await t.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
            t.Fake.DropStreams(clean);
        }

        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        t.Fake.Say("chat-1", "Lina", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(6, t.Fake.CallsOf(StreamList));
        Assert.Equal(0, t.Fake.CallsOf(List));
        Assert.Equal("stream", (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("transport").GetString());
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(501)]
    public async Task Stream_EndpointUnavailable_FallsBackToPolling(int status)
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1", history: 4);
            f.StreamUnavailableStatus = status;
        }, Streaming);
        await t.DriveUntilAsync(() => t.Fake.CallsOf(List) >= 1);

        t.Fake.Say("chat-1", "Léa", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Single(t.Fake.InsertedSnapshot());
        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("poll", details.GetProperty("transport").GetString());
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), details.GetProperty("streamFallback").GetString(), StringComparison.Ordinal);
        Assert.Empty(t.Fake.PacingViolations);
    }

    [Fact]
    public async Task Stream_RepeatedEarlyDisconnects_FallsBackToPolling()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        for (var i = 0; i < YouTubeChatClient.MaxEarlyDisconnects; i++)
        {
            await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
            t.Fake.DropStreams();
        }

        await t.DriveUntilAsync(() => t.Fake.CallsOf(List) >= 1);
        t.Fake.Say("chat-1", "Zoé", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(YouTubeChatClient.MaxEarlyDisconnects, t.Fake.CallsOf(StreamList));
        Assert.Equal("poll", (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("transport").GetString());
    }

    [Theory]
    [InlineData(400, "badRequest", 1)]
    [InlineData(500, "backendError", 3)]
    [InlineData(503, "backendError", 3)]
    public async Task Stream_OpenRejectedOrFailingRepeatedly_FallsBackToPolling(int status, string reason, int calls)
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.Fail(StreamList, status, reason, times: 10);
        }, Streaming);
        await t.DriveUntilAsync(() => t.Fake.CallsOf(List) >= 1, TimeSpan.FromSeconds(5));

        t.Fake.Say("chat-1", "Zoé", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(calls, t.Fake.CallsOf(StreamList));
        var details = (await t.YouTubeHealthAsync()).GetProperty("details");
        Assert.Equal("poll", details.GetProperty("transport").GetString());
        Assert.NotNull(details.GetProperty("streamFallback").GetString());
    }

    [Fact]
    public async Task Stream_SilentFromTheStart_CountsAsEarlyDisconnectThenPolls()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.StreamSilent = true;
        }, Streaming);

        await t.DriveUntilAsync(() => t.Fake.CallsOf(List) >= 1, TimeSpan.FromSeconds(5));

        Assert.Equal(YouTubeChatClient.MaxEarlyDisconnects, t.Fake.CallsOf(StreamList));
        Assert.Equal("poll", (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("transport").GetString());
    }

    [Theory]
    [InlineData(FakeYouTubeServer.EndMode.ChatEndedEvent)]
    [InlineData(FakeYouTubeServer.EndMode.OfflineAt)]
    [InlineData(FakeYouTubeServer.EndMode.LiveChatEndedError)]
    public async Task Stream_LiveEnds_BackToWaitingThenStreamsNextLive(FakeYouTubeServer.EndMode mode)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:Transport"] = "Stream" });
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);

        t.Fake.EndLive("chat-1", mode);
        await t.DriveUntilAsync(() => t.Client.LiveChatId is null);
        Assert.Equal("waiting", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());

        t.Fake.StartLive("chat-2", "video-2");
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1, TimeSpan.FromSeconds(5));
        t.Fake.Say("chat-2", "Yanis", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        Assert.Equal(0, t.Fake.CallsOf(List));
    }

    [Fact]
    public async Task Stream_TokenRevokedBeforeReconnect_RefreshedAndStreamResumes()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Streaming);
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        var tokens = t.Fake.TokenRequests;

        t.Fake.RevokeAccessTokens();
        t.Fake.DropStreams();
        await t.DriveUntilAsync(() => t.Fake.OpenStreams >= 1);
        t.Fake.Say("chat-1", "Inès", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(tokens + 1, t.Fake.TokenRequests);
        Assert.Equal("stream", (await t.YouTubeHealthAsync()).GetProperty("details").GetProperty("transport").GetString());
    }

    [Fact]
    public async Task Stream_QuotaExceededOnConnect_NoCallUntilReset()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.Fail(StreamList, 403, "quotaExceeded");
        }, Streaming);
        await t.DriveUntilAsync(() => t.Fake.CallsOf(StreamList) >= 1);
        await t.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Equal(1, t.Fake.CallsOf(StreamList));
        Assert.Equal("quota_exceeded", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }
}
