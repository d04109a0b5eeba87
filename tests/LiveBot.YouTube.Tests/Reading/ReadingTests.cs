using System.Text.Json.Nodes;
using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Reading;

public sealed class ReadingTests
{
    private static readonly Dictionary<string, string> Configured = new() { ["YouTube:LiveChatId"] = "chat-1" };

    [Fact]
    public async Task Read_BacklogAtStart_NotAnswered()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1", history: 10), Configured);

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 3);

        Assert.Empty(t.Fake.InsertedSnapshot());
        Assert.Equal(0, (await t.YouTubeHealthAsync()).GetProperty("messagesIn").GetInt64());
    }

    [Fact]
    public async Task Read_CommandAfterJoin_AnsweredWithMentionWithin200Chars()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1", history: 5), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Say("chat-1", "Léa", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        var reply = Assert.Single(t.Fake.InsertedSnapshot());
        Assert.StartsWith("@Léa Merci pour ton message", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text.Length <= 200);
        Assert.True(t.Fake.GzipBodies >= 1, "insert bodies are gzipped by Google.Apis");
        Assert.Empty(t.Fake.PacingViolations);
    }

    [Theory]
    [InlineData(false, false, false, "viewer")]
    [InlineData(false, false, true, "subscriber")]
    [InlineData(false, true, true, "moderator")]
    [InlineData(true, true, false, "broadcaster")]
    public async Task Read_AuthorFlags_MappedToRoles(bool owner, bool moderator, bool sponsor, string expected)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Say("chat-1", "Nina", "!role", new AuthorFlags(owner, moderator, sponsor));
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal("role " + expected, t.Fake.InsertedSnapshot()[0].Text);
    }

    [Fact]
    public async Task Read_OwnMessageLooksLikeCommand_Ignored()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Say("chat-1", "Sam", "!boucle");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(2));

        var reply = Assert.Single(t.Fake.InsertedSnapshot());
        Assert.Equal("!merci encore", reply.Text);
    }

    [Fact]
    public async Task Read_SameIdTwice_HandledOnce()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        var item = TextItem("LCC.dup", "UCdup", "Dup", "!role");
        t.Fake.AddRaw("chat-1", item);
        t.Fake.AddRaw("chat-1", (JsonObject)item.DeepClone());
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        Assert.Single(t.Fake.InsertedSnapshot());
    }

    [Fact]
    public async Task Read_HostileItems_SkippedAndReadingGoesOn()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.nosnippet" });
        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.super", ["snippet"] = new JsonObject { ["type"] = "superChatEvent" } });
        t.Fake.AddRaw("chat-1", new JsonObject { ["id"] = "LCC.noauthor", ["snippet"] = new JsonObject { ["type"] = "textMessageEvent", ["displayMessage"] = "!role" } });
        t.Fake.AddRaw("chat-1", TextItem("LCC.huge", "UChuge", new string('x', 300), "!role " + new string('é', 5000)));
        t.Fake.AddRaw("chat-1", TextItem("LCC.baddate", "UCdate", "\u202Eevil\nname", "!role") is var bad && bad["snippet"] is JsonObject s ? SetDate(bad, s) : bad);
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 2);

        var health = await t.YouTubeHealthAsync();
        Assert.Equal("connected", health.GetProperty("state").GetString());
        Assert.All(t.Fake.InsertedSnapshot(), i => Assert.Equal("role viewer", i.Text));
    }

    [Fact]
    public async Task Read_ServerIntervalLongerThanPlanned_NeverPolledSooner()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1").PollingInterval = TimeSpan.FromSeconds(15), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        for (var minute = 0; minute < 5; minute++)
        {
            for (var i = 0; i < 30; i++)
            {
                t.Fake.Say("chat-1", "fan" + i, "coucou " + i);
            }

            await t.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));
        }

        Assert.Empty(t.Fake.PacingViolations);
        Assert.InRange(t.Fake.CallsOf("liveChatMessages.list"), 15, 21);
    }

    [Fact]
    public async Task Read_BusyChat_ReadsMoreOftenThanQuietChat()
    {
        await using var quiet = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await quiet.RunForAsync(TimeSpan.FromMinutes(10));
        var quietReads = quiet.Fake.CallsOf("liveChatMessages.list");

        await using var busy = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        for (var minute = 0; minute < 10; minute++)
        {
            for (var i = 0; i < 25; i++)
            {
                busy.Fake.Say("chat-1", "fan" + i, "trop bien " + i);
            }

            await busy.RunForAsync(TimeSpan.FromMinutes(1));
        }

        var busyReads = busy.Fake.CallsOf("liveChatMessages.list");
        Assert.True(busyReads > quietReads * 1.5, $"busy {busyReads} reads, quiet {quietReads}");
        Assert.Empty(busy.Fake.PacingViolations);
    }

    [Fact]
    public async Task Read_SuperChatWithQuestion_BecomesQuestion_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.SaySuperChat("chat-1", "Léa", "!question Comment trouver une entreprise pour mon alternance ?");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        var reply = Assert.Single(t.Fake.InsertedSnapshot());
        Assert.Contains("question #1 bien reçue", reply.Text, StringComparison.Ordinal);
        Assert.Contains("@Léa", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, (await t.YouTubeHealthAsync()).GetProperty("messagesIn").GetInt64());
    }

    [Fact]
    public async Task Read_MemberMilestoneComment_MappedAsChatLine_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.SayMemberMilestone("chat-1", "Noé", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal("role subscriber", Assert.Single(t.Fake.InsertedSnapshot()).Text);
    }

    [Fact]
    public async Task Read_PaidMessagesWithoutComment_Ignored_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.SaySuperChat("chat-1", "Max", null);
        t.Fake.SaySuperChat("chat-1", "Max", "   ");
        t.Fake.SayMemberMilestone("chat-1", "Ida", null);
        t.Fake.SayMemberMilestone("chat-1", "Ida", "");
        t.Fake.Say("chat-1", "Eli", "!role");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("role viewer", Assert.Single(t.Fake.InsertedSnapshot()).Text);
        Assert.Equal(1, (await t.YouTubeHealthAsync()).GetProperty("messagesIn").GetInt64());
    }

    private static JsonObject SetDate(JsonObject item, JsonObject snippet)
    {
        snippet["publishedAt"] = "not a date";
        return item;
    }

    private static JsonObject TextItem(string id, string channelId, string name, string text) => new()
    {
        ["kind"] = "youtube#liveChatMessage",
        ["id"] = id,
        ["snippet"] = new JsonObject
        {
            ["type"] = "textMessageEvent",
            ["liveChatId"] = "chat-1",
            ["authorChannelId"] = channelId,
            ["publishedAt"] = "2026-03-10T17:00:01.000+00:00",
            ["hasDisplayContent"] = true,
            ["displayMessage"] = text,
            ["textMessageDetails"] = new JsonObject { ["messageText"] = text },
        },
        ["authorDetails"] = new JsonObject { ["channelId"] = channelId, ["displayName"] = name, ["isChatOwner"] = false },
    };
}
