using CsCheck;
using LiveBot.Core.Text;
using LiveBot.Testing;
using Microsoft.Extensions.Logging;

namespace LiveBot.Tests.Fuzz;

/// <summary>
/// Issue 13: the real bot's commands (!question, !offres, !aide, !vote…) under hostile arguments through the
/// local test chat (CsCheck, seeded, single thread): every reply is one line, never starts with '/' or '.',
/// fits the platform, and no error is logged.
/// </summary>
public sealed class ChatRepliesPropertyTests
{
    private static readonly Gen<string> Arguments = Gen.OneOf(
        Gen.Char["aéŒ’ \u0301\u200b\u202e\t/.!{}@#0123456789\uFFFE\uFFFF\uFDD0\u0085"].Array[0, 80].Select(c => new string(c)),
        Gen.OneOf("boulanger Lyon", "coiffure 13", "Quel salaire pour un apprenti boulanger ?", "#1", "1", "/ban x", ".me", "{args}"),
        Gen.Int[0, 520].Select(n => "Quel salaire " + new string('a', n) + "\U0001F600 ?")).Array[1, 3].Select(p => string.Join(' ', p));

    [Fact]
    public async Task Say_HostileArguments_RepliesOneLineSafeAndShort_Issue13()
    {
        var errors = new ErrorLog();
        await using var bot = await BotHost.StartAsync(configure: b => b.Logging.AddProvider(errors));
        var lines = Property.Inputs(Gen.Select(Gen.OneOf("!question ", "!q ", "!offres ", "!entreprises ", "!aide ", "!vote ", "!secteurs "), Arguments), 150);

        var user = 0;
        foreach (var (command, args) in lines)
        {
            foreach (var reply in await bot.SayAsync(command + args, "viewer" + user++))
            {
                Assert.DoesNotContain('\n', reply);
                Assert.False(reply.StartsWith('/') || reply.StartsWith('.'), reply);
                Assert.True(reply.Length <= 500, reply);
                Assert.True(UnicodeText.IsValid(reply), reply);
                Assert.DoesNotContain("Oups", reply, StringComparison.Ordinal);
            }
        }

        Assert.Empty(errors.Entries);
    }
}
