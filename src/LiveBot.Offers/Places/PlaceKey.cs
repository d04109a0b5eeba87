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
        var folded = TextFolding.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var tokens = new List<string>();
        foreach (var raw in builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw switch
            {
                "st" => "saint",
                "ste" => "sainte",
                _ => raw,
            };
            if (token is "arrondissement" or "arrondissements" or "arr" or "arrdt" or "arrt")
            {
                continue;
            }

            var ordinal = Ordinal().Match(token);
            if (ordinal.Success)
            {
                token = ordinal.Groups[1].Value.TrimStart('0') + "e";
            }

            tokens.Add(token);
        }

        return tokens;
    }

    [GeneratedRegex(@"^(\d{1,2})(e|er|re|eme|ieme|em|me)$")]
    private static partial Regex Ordinal();
}
