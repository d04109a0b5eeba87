using System.Globalization;
using System.Text;

namespace LiveBot.Core.Text;

/// <summary>Folding of French text for matching: case, accents and ligatures ignored.</summary>
public static class TextFolding
{
    /// <summary>Lower case without diacritics: "Sécteur" -> "secteur", "Œuvre" -> "oeuvre".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var isPlain = true;
        foreach (var c in text)
        {
            if (c > 0x7F || char.IsUpper(c))
            {
                isPlain = false;
                break;
            }
        }

        if (isPlain)
        {
            return text;
        }

        // Issue 13: Normalize throws on a lone surrogate or a noncharacter; folding must never throw.
        text = UnicodeText.MakeValid(text);
        var decomposed = Normalize(text, NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format:
                    continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ': builder.Append("oe"); break;
                case 'æ' or 'Æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                case '’' or '‘' or 'ʼ': builder.Append('\''); break;
                default: builder.Append(char.ToLowerInvariant(c)); break;
            }
        }

        return Normalize(builder.ToString(), NormalizationForm.FormC);
    }

    private static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
