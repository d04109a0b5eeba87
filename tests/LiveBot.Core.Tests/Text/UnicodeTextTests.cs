using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Text;

namespace LiveBot.Core.Tests.Text;

public sealed class UnicodeTextTests
{
    private const string Emoji = "\U0001F600";

    // Strings with lone surrogates and C1 controls do not survive xunit's serialization of attribute data.
    public static TheoryData<string> Invalid => new()
    {
        "secteur\uFFFE boulangerie",
        "\uFFFFcommerce",
        "fin\uFDD0",
        "moitié " + (char)0xD83D,
        (char)0xDE00 + " seul",
        "Éric \uD83D\uDE00\uFFFE\u0001",
    };

    public static TheoryData<string, string> Repaired => new()
    {
        { "a\uFFFEb", "ab" },
        { "a\uFFFFb\uFDEFc", "abc" },
        { "a" + (char)0xD83D + "b", "a\uFFFDb" },
        { "a" + (char)0xDE00, "a\uFFFD" },
        { "a" + (char)0xDE00 + (char)0xD83D, "a\uFFFD\uFFFD" },
        { "a\U0001FFFEb\U0010FFFF", "ab" },
        { "a\tb\nc" + (char)0x85 + "d\u0001e" + (char)0x9B + "f", "a b c def" },
        { "déjà " + Emoji + " vu", "déjà " + Emoji + " vu" },
    };

    [Theory]
    [MemberData(nameof(Invalid), DisableDiscoveryEnumeration = true)]
    public void Fold_InvalidUnicode_NeverThrows_Issue13(string text)
    {
        var folded = TextFolding.Fold(text);

        Assert.True(UnicodeText.IsValid(folded));
    }

    [Theory]
    [MemberData(nameof(Repaired), DisableDiscoveryEnumeration = true)]
    public void MakeValid_InvalidCodePoints_ReplacedOrRemoved_Issue13(string text, string expected)
    {
        Assert.Equal(expected, UnicodeText.MakeValid(text));
    }

    [Fact]
    public void MakeValid_ValidText_ReturnsSameInstance()
    {
        const string text = "Quel salaire pour un apprenti ? 😀";

        Assert.Same(text, UnicodeText.MakeValid(text));
    }

    [Fact]
    public void Cut_EmojiAcrossLimit_KeepsWholePairsOnly_Issue13()
    {
        var text = new string('a', 499) + Emoji;

        Assert.Equal(499, UnicodeText.Cut(text, 500).Length);
        Assert.Equal(501, UnicodeText.Cut(text, 501).Length);
    }

    [Fact]
    public void ChatMessage_InvalidText_IsMadeValidWhenMade_Issue13()
    {
        var message = new ChatMessage("twitch", "chan", "1", "u", "bob\uFFFE", "Bob" + (char)0xD83D, ChatRole.Viewer, "!question a\uFFFEb" + (char)0xDE00, DateTimeOffset.UnixEpoch);

        Assert.Equal("!question ab\uFFFD", message.Text);
        Assert.Equal("bob", message.Login);
        Assert.Equal("Bob\uFFFD", message.DisplayName);
        Assert.Equal("x", (message with { Text = "x\uFFFF" }).Text);
    }

    [Fact]
    public void TryParse_EmojiCutAtArgsLimit_NoHalfSurrogate_Issue13()
    {
        var line = "!question " + new string('a', ChatPipeline.MaxArgsLength - 1) + Emoji + " suite";

        Assert.True(ChatPipeline.TryParse(line, "!", out _, out var args));

        Assert.True(UnicodeText.IsValid(args));
        Assert.Equal(ChatPipeline.MaxArgsLength - 1, args.Length);
    }
}
