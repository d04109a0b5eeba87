using System.Text;
using System.Text.RegularExpressions;
using LiveBot.Core.Text;

namespace LiveBot.Offers.Places;

/// <summary>
/// The matching key of a place name: folded (case, accents), punctuation (hyphens, apostrophes,
/// parentheses) as spaces, "st"/"ste" spelled out, arrondissement ordinals unified ("15ème" -> "15e").
/// </summary>
public static partial class PlaceKey
{
    public static string Normalize(string? text)
    {
        var tokens = Tokens(text);
        return string.Join(' ', tokens);
    }

    public static List<string> Tokens(string? text)
    {
        var folded = FastFold(text ?? string.Empty);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                AddToken(tokens, folded.AsSpan(start, i - start));
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>One word of a name: "st"/"ste" spelled out, "arrondissement" dropped, ordinals unified.</summary>
    private static void AddToken(List<string> tokens, ReadOnlySpan<char> raw)
    {
        if (raw is "arrondissement" or "arrondissements" or "arr" or "arrdt" or "arrt")
        {
            return;
        }

        var token = raw switch
        {
            "st" => "saint",
            "ste" => "sainte",
            _ => raw.ToString(),
        };
        if (char.IsAsciiDigit(token[0]) && Ordinal().Match(token) is { Success: true } ordinal)
        {
            token = ordinal.Groups[1].Value.TrimStart('0') + "e";
        }

        tokens.Add(token);
    }

    /// <summary>
    /// <see cref="TextFolding.Fold"/> without Unicode normalisation for the letters of French names (35,000
    /// of them are folded at start); anything else goes through the full fold.
    /// </summary>
    internal static string FastFold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = new char[text.Length];
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
                return TextFolding.Fold(text);
            }

            chars[i] = mapped.Value;
        }

        return new string(chars);
    }

    [GeneratedRegex(@"^(\d{1,2})(e|er|re|eme|ieme|em|me)$")]
    private static partial Regex Ordinal();
}
