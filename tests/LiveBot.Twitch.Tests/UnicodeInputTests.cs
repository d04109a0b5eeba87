using LiveBot.Testing;
using LiveBot.Twitch.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Tests;

/// <summary>Issue 13: invalid Unicode in a Twitch line never breaks a command (real bot, fake Twitch server).</summary>
public sealed class UnicodeInputTests
{
    private const string Emoji = "\U0001F600";

    [Fact]
    public async Task Privmsg_NoncharacterAndHalfEmojiAtLimit_PoliteRepliesNoError_Issue13()
    {
        var errors = new ErrorLog();
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Logging.AddProvider(errors));
        await server.WaitForJoinAsync("chan");

        var filed = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=u1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Alice", "!question Quel salaire\uFFFE pour un apprenti boulanger ?", id: "u1");
        Assert.Contains("question #1 bien reçue", (await filed).Line, StringComparison.Ordinal);

        var cut = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=u2 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Bob", "!offres boulanger Lyon " + new string('x', 476) + Emoji, id: "u2");
        Assert.DoesNotContain("Oups", (await cut).Line, StringComparison.Ordinal);

        Assert.Empty(errors.Entries);
    }
}
