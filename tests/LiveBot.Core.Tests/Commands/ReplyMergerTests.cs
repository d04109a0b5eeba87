using LiveBot.Core.Chat;

namespace LiveBot.Core.Tests.Commands;

public sealed class ReplyMergerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_SameKeySameChannel_OneMessageAddressedToEveryAsker()
    {
        var pending = new[] { Reply("alice", "k"), Reply("bob", "k"), Reply("carl", "other"), Reply("dan", "k") };

        var merged = ReplyMerger.Merge(pending, 500);

        Assert.Equal(2, merged.Count);
        Assert.Equal("@alice @bob @dan 3 offres", merged[0].Text);
        Assert.Equal(3, merged[0].Merged);
        Assert.Equal("3 offres", merged[1].Text);
    }

    [Fact]
    public void Merge_TooManyNames_KeepsWithinLengthWithCount()
    {
        var pending = Enumerable.Range(0, 300).Select(i => Reply("viewer" + i, "k")).ToList();

        var merged = Assert.Single(ReplyMerger.Merge(pending, 200));

        Assert.True(merged.Text.Length <= 200, merged.Text);
        Assert.Contains("+", merged.Text, StringComparison.Ordinal);
        Assert.EndsWith("3 offres", merged.Text, StringComparison.Ordinal);
        Assert.Equal(300, merged.Merged);
    }

    [Fact]
    public void Merge_NoKey_NeverMerged()
    {
        var pending = new[] { Reply("alice", null), Reply("bob", null) };

        Assert.Equal(2, ReplyMerger.Merge(pending, 500).Count);
    }

    [Fact]
    public void Address_TextLeavesNoRoomForTheName_NamesAskerAndCutsText_Issue11()
    {
        var text = "Commandes : " + string.Join(" · ", Enumerable.Range(0, 30).Select(i => "!cmd" + i));
        text = text[..188];

        var addressed = ReplyMerger.Address(["Retoon"], text, 200);

        Assert.StartsWith("@Retoon Commandes : ", addressed, StringComparison.Ordinal);
        Assert.True(addressed.Length <= 200, addressed);
        Assert.DoesNotContain("+1", addressed, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FullTextLeavesNoRoom_ShortFormNamesFirstAskerAndPlusCountsOthers_Issue11()
    {
        var full = new string('x', 195);
        var pending = new[] { "alice", "bob", "carl" }.Select(u => Reply(u, "aide") with { Text = full, ShortText = "Commandes : !aide !offres" }).ToList();

        var merged = Assert.Single(ReplyMerger.Merge(pending, 200));

        Assert.Equal("@alice @bob @carl Commandes : !aide !offres", merged.Text);
        Assert.Equal(3, merged.Merged);
    }

    [Fact]
    public void Address_ManyNamesLongText_PlusCountsOnlyOthersAfterFirstName_Issue11()
    {
        var addressed = ReplyMerger.Address(["alice", "bob", "carl"], new string('y', 185), 200);

        Assert.StartsWith("@alice +2 ", addressed, StringComparison.Ordinal);
        Assert.True(addressed.Length <= 200, addressed);
    }

    private static OutgoingMessage Reply(string user, string? key) =>
        new("twitch", "chaine", "3 offres", Now)
        {
            MergeKey = key,
            InReplyTo = new ChatMessage("twitch", "chaine", Guid.NewGuid().ToString(), user, user, user, ChatRole.Viewer, "!offres", Now),
        };
}
