using System.Text;

namespace LiveBot.Benchmarks.Fuzz;

/// <summary>
/// Hostile inputs for the fuzz harness, from a seeded <see cref="Random"/>: valid examples mutated (characters
/// replaced, inserted, removed, slices doubled, values swapped for nulls and other types, cut anywhere), with
/// emoji, lone surrogates, noncharacters, controls and bidi marks in the mix.
/// </summary>
public sealed class FuzzInputs(int seed)
{
    private const string Tricky = "@:;=,! #.\\/\"'{}[]aé0\u0001\0\t\r\n\u0085\u200b\u202e\u2028\uFFFE\uFFFF\uFDD0\u0301ŒİﬃßœÅ";

    private static readonly string[] Values =
    [
        "null", "0", "-1", "1e400", "99999999999999999999", "true", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":null}",
        "\"\\uFFFE\\ud800\"", "\"\\ude00\"", "\"99999999999:00:00\"",
    ];

    private static readonly string[] Pieces =
    [
        "\U0001F600", "\uD83D", "\uDE00", "\uFFFE", "\U0001FFFE", "!question ", "!offres ", "/ban ", ".me ", "{args}", "PRIVMSG", "\\s", "@",
    ];

    public Random Random { get; } = new(seed);

    /// <summary>A mutation of <paramref name="sample"/>: one to four edits.</summary>
    public string Mutate(string sample)
    {
        var builder = new StringBuilder(sample);
        var edits = Random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            var at = builder.Length == 0 ? 0 : Random.Next(builder.Length);
            switch (Random.Next(8))
            {
                case 0 when builder.Length > 0:
                    builder[at] = Tricky[Random.Next(Tricky.Length)];
                    break;
                case 1:
                    builder.Insert(at, Tricky[Random.Next(Tricky.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder.Remove(at, Math.Min(builder.Length - at, Random.Next(1, 20)));
                    break;
                case 3 when builder.Length > 0:
                    builder.Insert(at, builder.ToString(at, Math.Min(builder.Length - at, Random.Next(1, 40))));
                    break;
                case 4:
                    builder.Insert(at, Pieces[Random.Next(Pieces.Length)]);
                    break;
                case 5:
                    SwapValue(builder, at);
                    break;
                case 6 when builder.Length > 0:
                    builder.Length = at;
                    break;
                default:
                    builder.Insert(at, (char)Random.Next(0, 0x10000));
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Random text, mostly from the tricky alphabet.</summary>
    public string Text(int maxLength)
    {
        var chars = new char[Random.Next(0, maxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Random.Next(8) == 0 ? (char)Random.Next(0, 0x10000) : Tricky[Random.Next(Tricky.Length)];
        }

        return new string(chars);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>Replaces the JSON value after the first ':' at or after <paramref name="at"/> (up to the next , } ] or line end).</summary>
    private void SwapValue(StringBuilder builder, int at)
    {
        var text = builder.ToString();
        var colon = text.IndexOf(':', at);
        if (colon < 0)
        {
            return;
        }

        var end = colon + 1;
        while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n'))
        {
            end++;
        }

        builder.Remove(colon + 1, end - colon - 1).Insert(colon + 1, Values[Random.Next(Values.Length)]);
    }
}
