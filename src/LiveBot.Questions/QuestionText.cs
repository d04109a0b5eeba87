using System.Globalization;
using System.Text;
using LiveBot.Core.Text;

namespace LiveBot.Questions;

/// <summary>How long a question is, and whether it says anything, as a reader sees it.</summary>
public static class QuestionText
{
    /// <summary>Letters a question needs at least, and different letters among them.</summary>
    public const int MinLetters = 4;
    public const int MinDistinctLetters = 3;

    /// <summary>Characters as a reader counts them (grapheme clusters): "😂" and "é" written in two parts are 1 each.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Some real words: at least <see cref="MinLetters"/> letters, of at least <see cref="MinDistinctLetters"/>
    /// kinds (accents and case ignored). Rows of emoji, "aaaaaaaaaaa", "ahahahahah", "?????" and digits alone have none.
    /// </summary>
    public static bool HasWords(string text)
    {
        var letters = 0;
        var kinds = new HashSet<int>();
        foreach (var rune in TextFolding.Fold(text).EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                letters++;
                kinds.Add(rune.Value);
            }
        }

        return letters >= MinLetters && kinds.Count >= MinDistinctLetters;
    }
}
