using System.Buffers;
using System.Text.RegularExpressions;
using LiveBot.Core.Text;

namespace LiveBot.Offers.Places;

/// <summary>
/// The matching key of a place name: folded (case, accents), punctuation (hyphens, apostrophes,
/// parentheses) as spaces, "st"/"ste" spelled out, arrondissement ordinals unified ("15ème" -> "15e").
/// </summary>
/// <remarks>
/// 35,000 commune names are keyed at start (issue 12: data loaded in &lt; 500 ms), so the key is built in
/// one pass over a pooled buffer: no string per word, no list.
/// </remarks>
public static partial class PlaceKey
{
    public static string Normalize(string? text)
    {
        text ??= string.Empty;
        var foldBuffer = ArrayPool<char>.Shared.Rent(text.Length);
        char[]? outputBuffer = null;
        try
        {
            var folded = Fold(text, foldBuffer.AsSpan(0, text.Length));

            // Each word at most doubles ("st" -> "saint"), plus the spaces between words.
            outputBuffer = ArrayPool<char>.Shared.Rent((folded.Length * 3) + 1);
            var output = outputBuffer.AsSpan();
            var length = 0;
            for (var rest = folded; NextWord(ref rest, out var word);)
            {
                var rewritten = Rewrite(word, out _);
                if (rewritten.IsEmpty)
                {
                    continue;
                }

                if (length > 0)
                {
                    output[length++] = ' ';
                }

                rewritten.CopyTo(output[length..]);
                length += rewritten.Length;
            }

            return output[..length].SequenceEqual(text) ? text : new string(output[..length]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(foldBuffer);
            if (outputBuffer is not null)
            {
                ArrayPool<char>.Shared.Return(outputBuffer);
            }
        }
    }

    /// <summary>The words of a place name as <see cref="Normalize"/> joins them.</summary>
    public static List<string> Tokens(string? text) => Words(text, rewrite: true);

    /// <summary>The folded runs of letters and digits of <paramref name="text"/>, as they are (job words).</summary>
    internal static List<string> FoldedWords(string? text) => Words(text, rewrite: false);

    private static List<string> Words(string? text, bool rewrite)
    {
        text ??= string.Empty;
        var words = new List<string>();
        var pooled = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            for (var rest = Fold(text, pooled.AsSpan(0, text.Length)); NextWord(ref rest, out var word);)
            {
                if (!rewrite)
                {
                    words.Add(word.ToString());
                }
                else if (Rewrite(word, out var ordinal) is { IsEmpty: false } rewritten)
                {
                    words.Add(ordinal ?? rewritten.ToString());
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(pooled);
        }

        return words;
    }

    /// <summary>The folded text: in <paramref name="buffer"/> (its length) when every letter is a French one, else a new string.</summary>
    private static ReadOnlySpan<char> Fold(string text, Span<char> buffer) =>
        TryFastFold(text, buffer) ? buffer : TextFolding.Fold(text);

    /// <summary>
    /// <see cref="TextFolding.Fold"/> without Unicode normalisation for the letters of French names; false
    /// (for the full fold) on anything else.
    /// </summary>
    private static bool TryFastFold(string text, Span<char> folded)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char? mapped = c switch
            {
                < '\u0080' => char.ToLowerInvariant(c),
                'é' or 'è' or 'ê' or 'ë' or 'É' or 'È' or 'Ê' or 'Ë' => 'e',
                'à' or 'â' or 'ä' or 'À' or 'Â' or 'Ä' => 'a',
                'î' or 'ï' or 'Î' or 'Ï' => 'i',
                'ô' or 'ö' or 'Ô' or 'Ö' => 'o',
                'ù' or 'û' or 'ü' or 'Ù' or 'Û' or 'Ü' => 'u',
                'ÿ' or 'Ÿ' => 'y',
                'ç' or 'Ç' => 'c',
                '’' or '‘' => '\'',
                _ => null,
            };
            if (mapped is null)
            {
                return false;
            }

            folded[i] = mapped.Value;
        }

        return true;
    }

    /// <summary>The next run of letters and digits of <paramref name="rest"/>, which moves past it.</summary>
    private static bool NextWord(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> word)
    {
        var start = 0;
        while (start < rest.Length && !char.IsLetterOrDigit(rest[start]))
        {
            start++;
        }

        var end = start;
        while (end < rest.Length && char.IsLetterOrDigit(rest[end]))
        {
            end++;
        }

        word = rest[start..end];
        rest = rest[end..];
        return !word.IsEmpty;
    }

    /// <summary>One word of a name: "st"/"ste" spelled out, "arrondissement" dropped (empty), ordinals unified.</summary>
    private static ReadOnlySpan<char> Rewrite(ReadOnlySpan<char> raw, out string? ordinal)
    {
        ordinal = null;
        if (raw is "arrondissement" or "arrondissements" or "arr" or "arrdt" or "arrt")
        {
            return [];
        }

        if (raw is "st")
        {
            return "saint";
        }

        if (raw is "ste")
        {
            return "sainte";
        }

        if (char.IsAsciiDigit(raw[0]) && Ordinal().Match(raw.ToString()) is { Success: true } match)
        {
            ordinal = match.Groups[1].Value.TrimStart('0') + "e";
            return ordinal;
        }

        return raw;
    }

    [GeneratedRegex(@"^(\d{1,2})(e|er|re|eme|ieme|em|me)$")]
    private static partial Regex Ordinal();
}
