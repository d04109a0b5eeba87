namespace LiveBot.YouTube.Tests.Writing;

public sealed class OutboxTests
{
    [Fact]
    public async Task Outbox_RaidAsksSameThing_OneMergedMessageForEveryone()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1" });
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        // Spend the burst allowance first, so that the raid waits for the next send and merges.
        for (var i = 0; i < 4; i++)
        {
            t.Fake.Say("chat-1", "early" + i, "!role");
        }

        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 4);
        var names = Enumerable.Range(0, 8).Select(i => "raider" + i).ToList();
        foreach (var name in names)
        {
            t.Fake.Say("chat-1", name, "!merci");
        }

        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 5);
        await t.RunForAsync(TimeSpan.FromMinutes(2));

        var merged = Assert.Single(t.Fake.InsertedSnapshot().Skip(4));
        Assert.All(names, n => Assert.Contains("@" + n, merged.Text, StringComparison.Ordinal));
        Assert.True(merged.Text.Length <= 200);
        Assert.Equal(12, t.Client.AnsweredAskers);
    }

    [Fact]
    public async Task Outbox_DifferentRepliesWaiting_PackedIntoOneMessage()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1" });
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        for (var i = 0; i < 4; i++)
        {
            t.Fake.Say("chat-1", "early" + i, "!role");
        }

        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 4);
        t.Fake.Say("chat-1", "Ana", "!merci 1");
        t.Fake.Say("chat-1", "Ben", "!merci 2");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 5);
        await t.RunForAsync(TimeSpan.FromMinutes(2));

        var packed = Assert.Single(t.Fake.InsertedSnapshot().Skip(4));
        Assert.Matches("^@Ana Merci .* · @Ben Merci ", packed.Text);
        Assert.Equal(6, t.Client.AnsweredAskers);
    }

    [Theory]
    [InlineData("Léa")]
    [InlineData("Apprentie Boulangère de Lyon 2026")]
    public async Task Outbox_AideLeavesNoRoomForName_NamesAskerWithShortForm_Issue11(string name)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1" });
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Say("chat-1", name, "!aide");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        var reply = Assert.Single(t.Fake.InsertedSnapshot()).Text;
        Assert.StartsWith("@" + name + " Commandes : !", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("+1", reply, StringComparison.Ordinal);
        Assert.True(reply.Length <= 200, reply);
        Assert.Equal(1, t.Client.AnsweredAskers);
    }

    [Fact]
    public async Task Outbox_ReplyLongerThan200_SplitAtWords()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), new Dictionary<string, string> { ["YouTube:LiveChatId"] = "chat-1" });
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);

        t.Fake.Say("chat-1", "Eva", "!long");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 2);

        var parts = t.Fake.InsertedSnapshot();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 200));
        Assert.StartsWith("mot1 ", parts[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(parts, p => p.Text.EndsWith("mo", StringComparison.Ordinal));
    }
}
