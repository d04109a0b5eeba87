using CsCheck;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Text;
using LiveBot.Core.Tests.Commands;
using LiveBot.Testing;

namespace LiveBot.Core.Tests.Fuzz;

/// <summary>
/// Issue 13: property tests (CsCheck, seeded, single thread) of chat command lines and text folding: no
/// exception, and every reply is one line, never starting with '/' or '.', within the platform's length.
/// </summary>
public sealed class ChatInputPropertyTests
{
    private const string Commands = """
        {
          "commands": [
            { "name": "echo", "reply": "{args}" },
            { "name": "deux", "reply": "{arg2} puis {arg1} pour {user}" },
            { "name": "slash", "reply": "/ban {args}" },
            { "name": "point", "reply": ".{arg1}" },
            { "name": "long", "reply": "{args} {args} {args}" }
          ]
        }
        """;

    /// <summary>Hostile text: emoji, combining marks, controls, bidi, noncharacters, lone surrogates.</summary>
    internal static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.Char["aéŒœß’ \u0301\u200b\u202e\u2028\t\r\n/.!{}@\uFFFE\uFFFF\uFDD0\u0085\u0001"].Array[0, 60].Select(c => new string(c)),
        Gen.Char.Array[0, 30].Select(c => new string(c)),
        Gen.Char[(char)0xD800, (char)0xDFFF].Array[1, 4].Select(c => new string(c)),
        Gen.Int[0, 600].Select(n => new string('a', n) + "\U0001F600\U0001F600"),
        Gen.OneOf("\U0001F600", "\U0001FFFE", "\u00C5\u030A", "ﬃ", "İ", "/me", ".ban", "{args}", "{user}")).Array[1, 6].Select(p => string.Concat(p));

    [Fact]
    public void Fold_HostileText_NeverThrowsValidResult_Issue13()
    {
        Property.Check(Hostile, 3_000, text =>
        {
            var valid = UnicodeText.MakeValid(text);
            _ = TextFolding.Fold(text);
            Assert.True(UnicodeText.IsValid(valid));
            Assert.Equal(valid, UnicodeText.MakeValid(valid));
            Assert.True(UnicodeText.IsValid(TextFolding.Fold(valid)));
        });
    }

    [Fact]
    public void TryParse_HostileLines_ArgsValidAndBounded_Issue13()
    {
        Property.Check(Gen.Select(Gen.OneOf("!", "!!", "$", "commande:"), Hostile, Hostile), 3_000, t =>
        {
            var line = t.Item1 + UnicodeText.MakeValid(t.Item2) + " " + UnicodeText.MakeValid(t.Item3);
            if (ChatPipeline.TryParse(line, t.Item1, out var name, out var args))
            {
                Assert.NotEmpty(name);
                Assert.True(args.Length <= ChatPipeline.MaxArgsLength);
                Assert.True(UnicodeText.IsValid(args), line);
                Assert.DoesNotContain('\n', args);
            }
        });
    }

    [Fact]
    public async Task ProcessAsync_HostileArguments_RepliesOneLineSafeAndShort_Issue13()
    {
        using var harness = new PipelineHarness(Commands);
        var lines = Property.Inputs(Gen.Select(Gen.OneOf("!echo ", "!deux ", "!slash ", "!point ", "!long ", "!ECHO ", "!échø "), Hostile, Gen.Int[0, 2]), 300);
        var user = 0;
        foreach (var (command, args, shape) in lines)
        {
            var line = shape == 0 ? command + args : shape == 1 ? "\u200b " + command + args : command.TrimEnd() + args;
            var reply = await harness.SayAsync(line, "u" + user++);
            if (reply is null)
            {
                continue;
            }

            Assert.DoesNotContain('\n', reply);
            Assert.DoesNotContain('\r', reply);
            Assert.False(reply.StartsWith('/') || reply.StartsWith('.'), reply);
            Assert.True(reply.Length <= CommandsFileValidator.MaxReplyLength, reply);
            Assert.DoesNotContain("Oups", reply, StringComparison.Ordinal);
            Assert.True(UnicodeText.IsValid(reply), reply);
        }
    }
}
