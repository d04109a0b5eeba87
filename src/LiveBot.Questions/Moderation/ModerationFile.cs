using LiveBot.Core.Configuration;
using LiveBot.Core.Text;

namespace LiveBot.Questions.Moderation;

/// <summary>config/moderation.json as written by moderators (see config/moderation.schema.json).</summary>
public sealed class ModerationFile : ModeratorFileBase
{
    /// <summary>Words or phrases that hold a question for review; "mot*" matches any ending.</summary>
    public List<string>? BlockedWords { get; set; }

    /// <summary>Hold questions containing a link (default true).</summary>
    public bool? HoldLinks { get; set; }

    public const string FileName = "moderation.json";
    public const int MaxEntries = 5000;
    public const int MaxEntryLength = 100;

    /// <summary>Letters (or digits) an entry needs, before the star for "mot*": shorter ones would hold ordinary questions.</summary>
    public const int MinLetters = 3;

    public static (ModerationRules? Value, ConfigError? Error) Parse(byte[] utf8) =>
        ModeratorJson.Parse<ModerationFile, ModerationRules>(FileName, utf8, Validate);

    private static ModerationRules Validate(ModerationFile file, ConfigProblems problems)
    {
        var words = file.BlockedWords ?? [];
        if (words.Count > MaxEntries)
        {
            problems.Add("blockedWords", $"trop d'entrées ({words.Count}, maximum {MaxEntries})");
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (string.IsNullOrWhiteSpace(word) || word.Trim().Trim('*').Length == 0)
            {
                problems.Add($"blockedWords[{i}]", "mot vide");
            }
            else if (word.Length > MaxEntryLength)
            {
                problems.Add($"blockedWords[{i}]", $"mot trop long ({word.Length} caractères, maximum {MaxEntryLength})");
            }
            else if (word.TrimEnd().TrimEnd('*').Contains('*', StringComparison.Ordinal))
            {
                problems.Add($"blockedWords[{i}]", $"« {ValueQuote.Quote(word)} » : l'étoile n'est permise qu'à la fin d'un mot");
            }
            else if (!word.Any(char.IsLetterOrDigit))
            {
                problems.Add($"blockedWords[{i}]", $"« {ValueQuote.Quote(word)} » ne contient ni lettre ni chiffre");
            }
            else if (word.Count(char.IsLetterOrDigit) < MinLetters)
            {
                problems.Add($"blockedWords[{i}]", word.TrimEnd().EndsWith('*')
                    ? $"« {ValueQuote.Quote(word)} » : il faut au moins {MinLetters} lettres avant l'étoile, sinon trop de questions normales seraient retenues"
                    : $"« {ValueQuote.Quote(word)} » est trop court : au moins {MinLetters} lettres, sinon trop de questions normales seraient retenues");
            }
        }

        return new ModerationRules(words, file.HoldLinks ?? true);
    }
}
