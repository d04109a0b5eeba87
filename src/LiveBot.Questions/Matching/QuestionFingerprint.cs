using System.Text;
using LiveBot.Core.Text;

namespace LiveBot.Questions.Matching;

/// <summary>
/// What a question is about, for de-duplication: its content words folded (case, accents), without
/// punctuation and filler words ("est-ce que", "bonjour", articles...), lightly stemmed (plurals,
/// doubled letters, -er/-ez, common verbs), as a sorted set. Numbers and polarity words ("pas", "sans",
/// "avant"...) are also kept apart as <see cref="Critical"/>: two questions only merge when these match
/// exactly ("à 30 ans" is not "à 25 ans", "avec le bac" is not "sans le bac"), and no content word may be
/// replaced by another (see <see cref="Similarity"/>).
/// </summary>
public sealed class QuestionFingerprint
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        // articles, pronouns, elided forms
        "a", "au", "aux", "c", "ca", "ce", "cela", "ceci", "ces", "cet", "cette", "d", "de", "des", "du", "elle", "elles",
        "en", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "me", "mes", "moi", "mon",
        "n", "ne", "nos", "notre", "nous", "on", "qu", "que", "qui", "s", "sa", "se", "ses", "si", "son", "t", "ta", "te",
        "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "et", "ou", "donc", "or", "mais",
        // être, avoir, aller: auxiliaries carry no topic
        "es", "est", "suis", "sommes", "etes", "sont", "etre", "ete", "serait", "serais", "ai", "as", "avons", "avez", "ont",
        "avoir", "eu", "vais", "va", "vas", "allons", "allez", "vont", "aller",
        // interrogative fillers ("c'est quoi", "quel est")
        "quoi", "quel", "quelle", "quels", "quelles", "lequel", "laquelle",
        // prepositions without meaning here (avec/sans/avant/apres are kept: see Polarity)
        "pour", "par", "sur", "dans", "chez", "vers", "entre", "comme",
        // politeness and chat filler
        "bonjour", "bonsoir", "salut", "coucou", "hello", "hey", "yo", "wesh", "slt", "bjr", "cc", "svp", "stp", "please",
        "merci", "mrc", "bah", "ben", "euh", "heu", "hum", "alors", "genre", "vraiment", "juste", "aussi", "trop", "tres",
        "voila", "ok", "okay", "oui", "question", "demande", "savoir", "voudrais", "voudrait", "aimerais", "aimerait",
        "possible", "mdr", "lol", "ptdr",
        // chat spellings of the above ("c koi", "kel", "dun apprenti")
        "koi", "kel", "kelle", "kels", "ke", "k", "dun", "dune", "ds", "ki",
    };

    /// <summary>Words that turn a question around: they must match for two questions to merge.</summary>
    private static readonly HashSet<string> Polarity = new(StringComparer.Ordinal)
    {
        "pas", "jamais", "sans", "avec", "avant", "apres", "aucun", "aucune", "rien", "ni", "non", "plus", "moins", "sauf",
        "public", "publique", "prive", "privee",
    };

    private static readonly Dictionary<string, string> Lemmas = new(StringComparer.Ordinal)
    {
        ["peux"] = "pouvoir", ["peut"] = "pouvoir", ["peuvent"] = "pouvoir", ["pouvons"] = "pouvoir", ["pouvez"] = "pouvoir",
        ["pourrait"] = "pouvoir", ["pourrais"] = "pouvoir", ["pourrai"] = "pouvoir", ["pourra"] = "pouvoir", ["pouvoir"] = "pouvoir",
        ["dois"] = "devoir", ["doit"] = "devoir", ["doivent"] = "devoir", ["devons"] = "devoir", ["devez"] = "devoir",
        ["devrait"] = "devoir", ["devrais"] = "devoir", ["devoir"] = "devoir",
        ["fais"] = "faire", ["fait"] = "faire", ["faisons"] = "faire", ["faites"] = "faire", ["font"] = "faire",
        ["faire"] = "faire", ["ferait"] = "faire", ["ferais"] = "faire",
        ["faut"] = "falloir", ["faudrait"] = "falloir", ["falloir"] = "falloir",
        ["bts"] = "bts", ["cfa"] = "cfa", ["cap"] = "cap", ["bac"] = "bac",
        ["pk"] = "pourquoi", ["pq"] = "pourquoi", ["pourquoi"] = "pourquoi", ["cmt"] = "comment", ["comment"] = "comment",
    };

    private QuestionFingerprint(string[] tokens, string critical)
    {
        Tokens = tokens;
        Critical = critical;
    }

    /// <summary>Content tokens, distinct and sorted (ordinal).</summary>
    public string[] Tokens { get; }

    /// <summary>Numbers and polarity words, sorted and joined: must be equal for a merge.</summary>
    public string Critical { get; }

    public bool IsEmpty => Tokens.Length == 0;

    public static QuestionFingerprint Of(string text)
    {
        var folded = TextFolding.Fold(text);
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        var critical = new SortedSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder(24);
        var wordIsDigits = false;
        foreach (var c in folded)
        {
            var isDigit = char.IsAsciiDigit(c);
            var isLetter = char.IsLetter(c);
            if ((isDigit || isLetter) && (word.Length == 0 || isDigit == wordIsDigits))
            {
                word.Append(c);
                wordIsDigits = isDigit;
                continue;
            }

            Flush(word, tokens, critical);
            if (isDigit || isLetter)
            {
                word.Append(c);
                wordIsDigits = isDigit;
            }
        }

        Flush(word, tokens, critical);
        return new QuestionFingerprint([.. tokens], string.Join('|', critical));
    }

    /// <summary>
    /// Jaccard similarity of the token sets when one set holds the other; 0 when a content word was replaced
    /// by another (a paraphrase adds or drops words, but "à Lyon" for "à Paris" or "boucher" for "boulanger"
    /// is another question), when the critical words differ, or when a side is empty. Merging two different
    /// questions would lose one, so the rule errs on the side of not merging.
    /// </summary>
    public double Similarity(QuestionFingerprint other)
    {
        if (IsEmpty || other.IsEmpty || !string.Equals(Critical, other.Critical, StringComparison.Ordinal))
        {
            return 0;
        }

        var common = CommonCount(Tokens, other.Tokens);
        if (common < Math.Min(Tokens.Length, other.Tokens.Length))
        {
            return 0;
        }

        return (double)common / (Tokens.Length + other.Tokens.Length - common);
    }

    internal static int CommonCount(string[] a, string[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order == 0)
            {
                common++;
                i++;
                j++;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    private static void Flush(StringBuilder word, SortedSet<string> tokens, SortedSet<string> critical)
    {
        if (word.Length == 0)
        {
            return;
        }

        var raw = word.ToString();
        word.Clear();
        if (char.IsAsciiDigit(raw[0]))
        {
            var number = raw.TrimStart('0');
            number = number.Length == 0 ? "0" : number;
            tokens.Add(number);
            critical.Add(number);
            return;
        }

        if (Polarity.Contains(raw))
        {
            tokens.Add(raw);
            critical.Add(raw);
            return;
        }

        if (Fillers.Contains(raw))
        {
            return;
        }

        tokens.Add(Lemmas.TryGetValue(raw, out var lemma) ? lemma : Stem(raw));
    }

    /// <summary>Light French stemming, the same on both sides: doubled letters, plural, -er/-ez, final e.</summary>
    internal static string Stem(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (length == 0 || buffer[length - 1] != c)
            {
                buffer[length++] = c;
            }
        }

        var stem = buffer[..length];
        if (stem.Length > 3 && stem[^1] is 's' or 'x')
        {
            stem = stem[..^1];
        }

        if (stem.Length > 4 && (stem.EndsWith("er") || stem.EndsWith("ez")))
        {
            stem = stem[..^2];
        }
        else if (stem.Length > 3 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        return stem.ToString();
    }
}
