using LiveBot.Testing;
using Microsoft.Extensions.Logging;

namespace LiveBot.Tests.Hosting;

/// <summary>Issue 13: invalid Unicode in chat text never breaks a command, on the real bot (local test chat).</summary>
public sealed class UnicodeInputTests
{
    private const string Emoji = "\U0001F600";

    public static TheoryData<string> Questions => new()
    {
        "!question Quel salaire\uFFFE pour un apprenti boulanger ?",
        "!question \uFFFFComment trouver une entreprise\uFDD0 d'accueil ?",
        "!question Éric demande : " + new string('a', 474) + Emoji + " fin",
        "!question Qui paie la formation ? " + new string('é', 463) + Emoji,
    };

    [Theory]
    [MemberData(nameof(Questions), DisableDiscoveryEnumeration = true)]
    public async Task Question_InvalidUnicode_PoliteReplyNoError_Issue13(string line)
    {
        var errors = new ErrorLog();
        await using var bot = await BotHost.StartAsync(configure: b => b.Logging.AddProvider(errors));

        var replies = await bot.SayAsync(line, "alice");

        var reply = Assert.Single(replies);
        Assert.DoesNotContain("Oups", reply, StringComparison.Ordinal);
        Assert.Empty(errors.Entries);
    }

    [Fact]
    public async Task Question_NoncharacterInShortQuestion_Filed_Issue13()
    {
        var errors = new ErrorLog();
        await using var bot = await BotHost.StartAsync(configure: b => b.Logging.AddProvider(errors));

        var replies = await bot.SayAsync("!question Quel salaire\uFFFE pour un apprenti boulanger " + Emoji + " ?", "alice");

        Assert.Equal(["Merci @alice, question #1 bien reçue (aucune question avant la tienne)"], replies);
        Assert.Equal("Quel salaire pour un apprenti boulanger " + Emoji + " ?", bot.Service<LiveBot.Questions.QuestionQueue>().Get(1)!.Text);
        Assert.Empty(errors.Entries);
    }

    [Theory]
    [InlineData("!offres boulanger\uFFFE Lyon")]
    [InlineData("!offres \uFFFFcoiffure\uFDD0")]
    [InlineData("!offres ")]
    public async Task Offres_InvalidUnicode_PoliteReplyNoError_Issue13(string line)
    {
        var errors = new ErrorLog();
        await using var bot = await BotHost.StartAsync(configure: b => b.Logging.AddProvider(errors));

        var replies = await bot.SayAsync(line + new string('x', 480) + Emoji, "alice");

        var reply = Assert.Single(replies);
        Assert.DoesNotContain("Oups", reply, StringComparison.Ordinal);
        Assert.Empty(errors.Entries);
    }
}
