using LiveBot.Core.Chat;

namespace LiveBot.Core.Tests.Chat;

public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("bonjour\r\nà tous", "bonjour à tous")]
    [InlineData("/ban alice", "ban alice")]
    [InlineData("  ./me danse", "me danse")]
    [InlineData("a\u202Eb\u200Bc", "abc")]
    [InlineData("tab\tet\u0007cloche", "tab et cloche")]
    [InlineData("émoji 🎉 ok", "émoji 🎉 ok")]
    public void Sanitize_UnsafeText_IsOneSafeLine(string input, string expected) =>
        Assert.Equal(expected, ReplyText.Sanitize(input));

    [Fact]
    public void Split_LongText_TwoPartsAtWordBoundaryThenEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("apprentissage", 100));

        var parts = ReplyText.Split(text, 500, 2);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 500));
        Assert.EndsWith("…", parts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("apprentissag ", parts[0], StringComparison.Ordinal);
    }
}
