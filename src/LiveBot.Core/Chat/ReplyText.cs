using System.Globalization;
using System.Text;

namespace LiveBot.Core.Chat;

/// <summary>Makes text safe and short enough for a chat line.</summary>
public static class ReplyText
{
    public const char Ellipsis = '…';

    /// <summary>
    /// One line of plain text: control characters (CR, LF, tabs, C0/C1), bidi overrides and zero-width
    /// joiners used for tricks become spaces or vanish, runs of spaces collapse, and the text never begins
    /// with '/' or '.' (chat commands on Twitch).
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (IsInvisibleTrick(c))
            {
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        var start = 0;
        while (start < builder.Length && (builder[start] is '/' or '.' or ' '))
        {
            start++;
        }

        var end = builder.Length;
        while (end > start && builder[end - 1] == ' ')
        {
            end--;
        }

        return builder.ToString(start, end - start);
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/>, at a word boundary when one is near, ending with "…".</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = CutPoint(text, maxLength - 1);
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Splits <paramref name="text"/> into at most <paramref name="maxParts"/> messages of at most
    /// <paramref name="maxLength"/> characters, at word boundaries; what still does not fit is cut with "…".
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength, int maxParts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParts, 1);
        var parts = new List<string>(maxParts);
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            if (rest.Length <= maxLength)
            {
                parts.Add(rest);
                break;
            }

            if (parts.Count == maxParts - 1)
            {
                parts.Add(Truncate(rest, maxLength));
                break;
            }

            var cut = CutPoint(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        return parts;
    }

    /// <summary>Collapses spaces and case so that two texts Twitch would call duplicates compare equal.</summary>
    public static string DuplicateKey(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int CutPoint(string text, int max)
    {
        var space = text.LastIndexOf(' ', Math.Min(max, text.Length - 1));
        if (space >= max / 2)
        {
            return space;
        }

        // No usable word boundary: cut hard, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }

    private static bool IsInvisibleTrick(char c) =>
        c is '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
            or (>= '\u202A' and <= '\u202E')
            or (>= '\u2066' and <= '\u2069')
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LineSeparator
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ParagraphSeparator;
}
