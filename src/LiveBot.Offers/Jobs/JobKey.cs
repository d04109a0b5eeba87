namespace LiveBot.Offers.Jobs;

/// <summary>
/// Matching form of job words: folded, small words dropped, plural and feminine reduced to one stem
/// ("boulangères" -> "boulanger", "coiffeuses" -> "coiffeur", "formatrice" -> "formateur").
/// </summary>
public static class JobKey
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "de", "des", "du", "d", "en", "et", "l", "la", "le", "les", "un", "une", "ou", "pour",
        "dans", "sur", "avec", "par", "h", "f", "hf", "apprenti", "apprentie", "apprentis", "apprenties",
        "apprentissage", "alternance", "alternant", "alternante", "offre", "offres", "contrat", "emploi", "job",
        "metier", "metiers", "stage", "poste", "je", "cherche", "recherche", "veux", "voudrais", "en",
        "ds", "dns", "jveux", "jveu", "jcherche", "jvoudrais", "taf", "boulot", "stp", "svp", "pls", "plz",
        "btob", "b2b", "btoc", "b2c",
    };

    /// <summary>The stems of <paramref name="text"/>, in order, without duplicates.</summary>
    public static List<string> Stems(string? text) => Stems(text, memo: null);

    /// <param name="text">Job words.</param>
    /// <param name="memo">Stems already found, by word (empty for a small word): the catalogue's 14,000 titles share most words.</param>
    internal static List<string> Stems(string? text, Dictionary<string, string>? memo)
    {
        var stems = new List<string>();
        foreach (var word in Words(text))
        {
            string? stem;
            if (memo is null || !memo.TryGetValue(word, out stem))
            {
                stem = StopWords.Contains(word) ? string.Empty : Stem(word);
                memo?.Add(word, stem);
            }

            if (stem.Length > 0 && !stems.Contains(stem))
            {
                stems.Add(stem);
            }
        }

        return stems;
    }

    /// <summary>Folded words of <paramref name="text"/> (letters and digits).</summary>
    public static IEnumerable<string> Words(string? text) => Places.PlaceKey.FoldedWords(text);

    /// <summary>One word reduced to its masculine singular form, approximately.</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("aux", StringComparison.Ordinal))
        {
            w = w[..^3] + "al";
        }
        else if (w.Length > 3 && (w.EndsWith('s') || w.EndsWith('x')) && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("euse", StringComparison.Ordinal))
        {
            return w[..^4] + "eur";
        }

        if (w.Length > 5 && w.EndsWith("trice", StringComparison.Ordinal))
        {
            return w[..^5] + "teur";
        }

        if (w.Length > 5 && w.EndsWith("ienne", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length > 4 && w.EndsWith("ere", StringComparison.Ordinal))
        {
            return w[..^3] + "er";
        }

        if (w.Length > 4 && w.EndsWith("ive", StringComparison.Ordinal))
        {
            return w[..^3] + "if";
        }

        if (w.Length > 4 && w.EndsWith("ee", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ale", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        if (w.Length > 4 && w.EndsWith("ie", StringComparison.Ordinal) && !w.EndsWith("rie", StringComparison.Ordinal))
        {
            return w; // "informatique", "chimie": no gender.
        }

        if (w.Length > 5 && w.EndsWith("ante", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ente", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, stopping early above <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (b.Length > 60)
        {
            return max + 1; // No word of the referential is that long.
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}
