namespace LiveBot.Offers.Jobs;

/// <summary>Labels of the referential as a reply shows them: one gender, lower case inside a sentence, short but whole.</summary>
public static class JobLabel
{
    /// <summary>Longest label a reply shows.</summary>
    public const int MaxLength = 40;

    private static readonly string[] Separators = [", ", " - ", " – ", " (", " / ", " et ", " ou "];

    private static readonly HashSet<string> Dangling = new(StringComparer.Ordinal)
    {
        "de", "d'", "du", "des", "et", "ou", "à", "en", "la", "le", "les", "l'", "pour", "au", "aux", "sur", "par", "avec", "-", "–",
    };

    /// <summary>"Agent / Agente de sécurité" -> ("Agent de sécurité", "Agente de sécurité"); no slash: the label twice.</summary>
    public static (string Masculine, string Feminine) Genders(string label)
    {
        var slash = label.IndexOf(" / ", StringComparison.Ordinal);
        if (slash < 0)
        {
            return (label, label);
        }

        var masculine = label[..slash].Trim();
        var feminine = label[(slash + 3)..].Replace(" / ", " ", StringComparison.Ordinal).Trim();
        var count = masculine.Split(' ').Length;
        var words = feminine.Split(' ');
        var rest = string.Join(' ', words.Skip(count));
        return (rest.Length > 0 ? masculine + " " + rest : masculine, ShorterFeminine(masculine, feminine));
    }

    /// <summary>
    /// "Responsable Commercial / Commerciale": a feminine shorter than the masculine replaces the word it is
    /// the feminine of, and what follows ("Responsable Commerciale"); same rule as tools/build_data.py.
    /// </summary>
    private static string ShorterFeminine(string masculine, string feminine)
    {
        var male = masculine.Split(' ');
        var female = feminine.Split(' ');
        if (female.Length >= male.Length)
        {
            return feminine;
        }

        var (best, at) = (3, -1);
        var first = Places.PlaceKey.FoldedWords(female[0]);
        for (var i = 0; i < male.Length; i++)
        {
            var word = Places.PlaceKey.FoldedWords(male[i]);
            if (string.Equals(male[i], female[0], StringComparison.OrdinalIgnoreCase) || word.Count == 0 || first.Count == 0)
            {
                continue;
            }

            var common = word[0].AsSpan().CommonPrefixLength(first[0]);
            if (common > best)
            {
                (best, at) = (common, i);
            }
        }

        if (at <= 0)
        {
            return feminine;
        }

        var head = char.IsUpper(male[at][0]) ? female[0] : char.ToLowerInvariant(female[0][0]) + female[0][1..];
        return string.Join(' ', male[..at].Append(head).Concat(female[1..]));
    }

    /// <summary>
    /// "Boulanger" -> "boulanger" (it sits inside a sentence; "BTP", "RH", "BTS NDRC" stay), at most
    /// <see cref="MaxLength"/> characters, never cut in the middle of a phrase: whole parts of a list
    /// ("Graphisme, infographisme, conception de contenus multimédia" -> "graphisme, infographisme"), else
    /// whole words without a dangling "de".
    /// </summary>
    public static string Display(string label)
    {
        var text = Fit(label.Trim());
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    /// <summary>True when the words typed are those of the feminine title ("préparatrice", "aide soignante").</summary>
    public static bool SaysFeminine(IReadOnlyCollection<string> typedWords, string masculine, string feminine)
    {
        if (typedWords.Count == 0 || masculine == feminine)
        {
            return false;
        }

        var male = Singular(JobKey.Words(masculine));
        var female = Singular(JobKey.Words(feminine));
        var typed = Singular(typedWords);
        var saysFemale = typed.Count(w => female.Contains(w) && !male.Contains(w));
        var saysMale = typed.Count(w => male.Contains(w) && !female.Contains(w));
        return saysFemale > saysMale;
    }

    private static HashSet<string> Singular(IEnumerable<string> words) =>
        words.Select(w => w.Length > 3 && (w.EndsWith('s') || w.EndsWith('x')) ? w[..^1] : w).ToHashSet(StringComparer.Ordinal);

    private static string Fit(string label)
    {
        if (label.Length <= MaxLength)
        {
            return label;
        }

        // Whole parts of a list or of a phrase with a separator, as many as fit.
        var best = -1;
        foreach (var separator in Separators)
        {
            for (var at = label.IndexOf(separator, StringComparison.Ordinal); at > 0 && at <= MaxLength; at = label.IndexOf(separator, at + 1, StringComparison.Ordinal))
            {
                best = Math.Max(best, at);
            }
        }

        if (best >= 12)
        {
            return TrimDangling(label[..best]);
        }

        var cut = label.LastIndexOf(' ', MaxLength);
        return TrimDangling(cut > 0 ? label[..cut] : label[..MaxLength]);
    }

    private static string TrimDangling(string text)
    {
        var words = text.TrimEnd(' ', ',', '-', '–', '(', '/').Split(' ').ToList();
        while (words.Count > 1 && (Dangling.Contains(words[^1]) || words[^1].EndsWith('\'')))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(' ', ',', '-', '–');
    }
}
