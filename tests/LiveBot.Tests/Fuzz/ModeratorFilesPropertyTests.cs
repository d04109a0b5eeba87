using System.Text;
using CsCheck;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Offers.Sectors;
using LiveBot.Questions.Moderation;
using LiveBot.Testing;

namespace LiveBot.Tests.Fuzz;

/// <summary>
/// Issue 13: property tests (CsCheck, seeded, single thread) of the three moderators' files: random edits of
/// the shipped files (values swapped for nulls and other types, characters cut, added or doubled) are read as
/// a model or refused with a French error naming the file, never an exception.
/// </summary>
public sealed class ModeratorFilesPropertyTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "shipped-config");

    private static readonly string[] Swaps =
    [
        "null", "0", "-1", "1e400", "99999999999999999999", "true", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":null}",
        "\"\\uFFFE\\ud800\"", "\"99999999999:00:00\"", "\"" + new string('é', 3000) + "\"",
    ];

    public static TheoryData<string> Files() => new(["commands.json", "sectors.json", "moderation.json"]);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Parse_RandomEditsOfShippedFile_ModelOrFrenchErrorNeverException_Issue13(string fileName)
    {
        await using var bot = await BotHost.StartAsync();
        var parse = Parser(bot, fileName);
        var original = await File.ReadAllTextAsync(Path.Combine(Shipped, fileName));
        var edits = Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, Swaps.Length - 1], Gen.Int[0, 4], Gen.Int[1, 40]).Array[1, 4];

        Property.Check(edits, 250, list =>
        {
            var text = list.Aggregate(original, (current, edit) => Edit(current, edit.Item1 % Math.Max(1, current.Length), Swaps[edit.Item2], edit.Item3, edit.Item4));
            var (value, error) = parse(Encoding.UTF8.GetBytes(text));

            Assert.True(value is null != (error is null));
            if (error is not null)
            {
                var message = error.ToString();
                Assert.StartsWith(fileName, message, StringComparison.Ordinal);
                Assert.True(message.Length < 600, message);
                Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
            }
        });
    }

    /// <summary>One edit: a value swapped after a ':' or in a list, a cut, a character removed, a piece doubled.</summary>
    private static string Edit(string text, int at, string swap, int kind, int length)
    {
        if (text.Length == 0)
        {
            return swap;
        }

        switch (kind)
        {
            case 0 or 1:
                var start = text.IndexOfAny(kind == 0 ? [':'] : ['[', ','], at);
                if (start < 0)
                {
                    return text;
                }

                var end = start + 1;
                while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n'))
                {
                    end += text[end] == '"' ? Math.Max(1, text.IndexOf('"', end + 1) - end + 1) : 1;
                }

                return text[..(start + 1)] + swap + text[Math.Min(end, text.Length)..];
            case 2:
                return text[..at];
            case 3:
                return text.Remove(at, Math.Min(length, text.Length - at));
            default:
                return text.Insert(at, text.Substring(at, Math.Min(length, text.Length - at)));
        }
    }

    private static Func<byte[], (object? Value, ConfigError? Error)> Parser(BotHost bot, string fileName) => fileName switch
    {
        "commands.json" => bytes => Box(new CommandsFileValidator(bot.App.Services.GetServices<IChatCommand>(), bot.App.Services.GetServices<Core.Chat.ChatPlatformName>()).Parse(bytes)),
        "sectors.json" => bytes => Box(new SectorsFileValidator(bot.Service<Offers.OffersData>().Jobs).Parse(bytes)),
        _ => bytes => Box(ModerationFile.Parse(bytes)),
    };

    private static (object? Value, ConfigError? Error) Box<T>((T? Value, ConfigError? Error) result)
        where T : class => (result.Value, result.Error);
}
