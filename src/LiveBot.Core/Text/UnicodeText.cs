using System.Text;

namespace LiveBot.Core.Text;

/// <summary>
/// Makes text from any platform valid Unicode once, where it enters the bot, so that nothing after
/// (folding, normalization, storage, JSON) meets a code point it cannot handle.
/// </summary>
public static class UnicodeText
{
    /// <summary>The replacement character that stands for a lone surrogate.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// Valid text: a lone surrogate becomes U+FFFD, noncharacters (U+FDD0-U+FDEF and the last two code
    /// points of every plane, U+FFFE and U+FFFF included) are removed, C0 and C1 controls become a space
    /// when they separate words (tab, line breaks) and are removed otherwise. Valid text is returned as is.
    /// </summary>
    public static string MakeValid(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(Replacement);
            }
            else if (char.IsControl(c))
            {
                if (char.IsWhiteSpace(c))
                {
                    builder.Append(' ');
                }
            }
            else if (!IsNoncharacter(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The first <paramref name="maxLength"/> characters of <paramref name="text"/>, one less when the cut
    /// would split a surrogate pair (an emoji) in two.
    /// </summary>
    public static ReadOnlySpan<char> Cut(ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        return maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) && char.IsLowSurrogate(text[maxLength])
            ? text[..(maxLength - 1)]
            : text[..maxLength];
    }

    /// <summary>Whether <paramref name="text"/> is already what <see cref="MakeValid"/> returns.</summary>
    public static bool IsValid(string text) => FirstInvalid(text) < 0;

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                return i;
            }

            if (c < 0xD800)
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
