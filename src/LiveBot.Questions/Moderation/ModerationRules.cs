using System.Text;
using System.Text.RegularExpressions;
using LiveBot.Core.Text;

namespace LiveBot.Questions.Moderation;

/// <summary>
/// The moderators' blocklist of config/moderation.json, ready to match: a question with a link or
/// one of these words is held for review. Words and phrases match whole words, case and accents
/// ignored; a final <c>*</c> matches any ending ("arnaq*").
/// </summary>
/// <remarks>
/// The usual disguises are seen through before matching: leet digits and signs (<c>c0nn4rd</c>, <c>sn@p</c>:
/// 0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t, @→a, $→s, only in words that hold a letter, so "30 ans" stays a number),
/// letters repeated (<c>connnnard</c>: each letter may be repeated, never dropped), separators inside a word
/// (<c>co-nnard</c>, <c>c.o.n.n.a.r.d</c>, invisible characters) and letters spaced out (<c>c o n n a r d</c>,
/// <c>c . o . n</c>, three letters at least). Links written <c>site . com</c>, <c>site[.]com</c>, <c>site(dot)com</c> or
/// <c>www site com</c> are links.
/// </remarks>
public sealed partial class ModerationRules
{
    public static readonly ModerationRules Empty = new([], holdLinks: true);

    /// <summary>Whole blocked words by their squeezed form ("connard" -> "conard"), to find candidates at once.</summary>
    private readonly Dictionary<string, List<Blocked>> _words = new(StringComparer.Ordinal);
    private readonly List<Blocked> _prefixes = [];
    private readonly List<Blocked[]> _phrases = [];

    public ModerationRules(IEnumerable<string> blockedWords, bool holdLinks)
    {
        HoldLinks = holdLinks;
        foreach (var entry in blockedWords)
        {
            var words = Words(TextFolding.Fold(entry));
            if (words.Count == 0)
            {
                continue;
            }

            if (words.Count > 1)
            {
                _phrases.Add([.. words.Select(Blocked.Of)]);
            }
            else if (entry.TrimEnd().EndsWith('*'))
            {
                _prefixes.Add(Blocked.Of(words[0]));
            }
            else
            {
                var blocked = Blocked.Of(words[0]);
                if (!_words.TryGetValue(blocked.Squeezed, out var same))
                {
                    _words[blocked.Squeezed] = same = [];
                }

                same.Add(blocked);
            }

            Count++;
        }
    }

    public bool HoldLinks { get; }

    /// <summary>How many blocked words and phrases.</summary>
    public int Count { get; }

    /// <summary>Why <paramref name="text"/> must be held (French, for moderators), or null when it may go.</summary>
    public string? HoldReason(string text)
    {
        if (HoldLinks && ContainsLink(text))
        {
            return "lien";
        }

        if (Count == 0)
        {
            return null;
        }

        var folded = TextFolding.Fold(text);
        var words = Words(folded);
        for (var i = 0; i < words.Count; i++)
        {
            if (WordReason(words[i]) is { } reason)
            {
                return reason;
            }

            foreach (var phrase in _phrases)
            {
                if (i + phrase.Length <= words.Count && PhraseAt(words, i, phrase))
                {
                    return $"expression bloquée « {string.Join(' ', phrase.Select(p => p.Word))} »";
                }
            }
        }

        var joined = JoinedWords(folded, out var rejoined);
        if (!rejoined)
        {
            return null;
        }

        for (var i = 0; i < joined.Count; i++)
        {
            if (WordReason(joined[i]) is { } reason)
            {
                return reason;
            }

            foreach (var phrase in _phrases)
            {
                if (i + phrase.Length <= joined.Count && PhraseAt(joined, i, phrase))
                {
                    return $"expression bloquée « {string.Join(' ', phrase.Select(p => p.Word))} »";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// http(s)://, www., or a bare domain with a common ending ("discord.gg/xyz", "site.fr"). Endings that are
    /// also French words after a full stop ("fini. Me voilà", "bien.ca", "BTS. Co-working") are left out.
    /// Disguised dots count too ("site . com", "site[.]com", "site(dot)com", "www site com").
    /// </summary>
    public static bool ContainsLink(string text)
    {
        var folded = TextFolding.Fold(text);
        try
        {
            return LinkPattern().IsMatch(folded) || DisguisedLinkPattern().IsMatch(folded);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // Text built to be slow to read: a moderator reads it instead.
        }
    }

    private string? WordReason(string word)
    {
        foreach (var candidate in Decodings(word))
        {
            if (_words.TryGetValue(Blocked.Squeeze(candidate), out var same))
            {
                foreach (var blocked in same)
                {
                    if (blocked.Matches(candidate, prefix: false))
                    {
                        return $"mot bloqué « {blocked.Word} »";
                    }
                }
            }

            foreach (var prefix in _prefixes)
            {
                if (prefix.Matches(candidate, prefix: true))
                {
                    return $"mot bloqué « {prefix.Word}* »";
                }
            }
        }

        return null;
    }

    private static bool PhraseAt(List<string> words, int start, Blocked[] phrase)
    {
        for (var j = 0; j < phrase.Length; j++)
        {
            var matched = false;
            foreach (var candidate in Decodings(words[start + j]))
            {
                if (phrase[j].Matches(candidate, prefix: false))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word as written, then read as leet (1 as i, then as l) when it mixes letters with leet signs.</summary>
    private static IEnumerable<string> Decodings(string word)
    {
        yield return word;
        if (!word.Any(char.IsLetter) || word.IndexOfAny(LeetSigns) < 0)
        {
            yield break;
        }

        yield return Decode(word, 'i');
        if (word.Contains('1', StringComparison.Ordinal))
        {
            yield return Decode(word, 'l');
        }
    }

    private static readonly char[] LeetSigns = ['0', '1', '3', '4', '5', '7', '@', '$'];

    private static string Decode(string word, char one) => string.Create(word.Length, (word, one), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.word[i] switch
            {
                '0' => 'o',
                '1' => state.one,
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }
    });

    /// <summary>
    /// The text as words cut by separators put back together: each space-separated chunk with its separators
    /// removed ("co-nnard", "c.o.n.n.a.r.d", "sn@p"), and runs of one-letter chunks joined ("c o n n a r d";
    /// a lone dash or emoji between them does not stop them). <paramref name="rejoined"/> tells whether any
    /// word differs from the plain words (else there is nothing new to look at).
    /// </summary>
    private static List<string> JoinedWords(string folded, out bool rejoined)
    {
        var joined = new List<string>();
        var singles = new StringBuilder();
        var any = false;
        foreach (var chunk in folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var compact = new StringBuilder(chunk.Length);
            var pieces = 0;
            var inWord = false;
            foreach (var c in chunk)
            {
                if (char.IsLetterOrDigit(c) || c is '@' or '$')
                {
                    compact.Append(c);
                }

                var isWordChar = char.IsLetterOrDigit(c);
                if (isWordChar && !inWord)
                {
                    pieces++;
                }

                inWord = isWordChar;
            }

            if (compact.Length <= 1)
            {
                singles.Append(compact.ToString());
                continue;
            }

            any |= EndSingles(joined, singles);
            any |= pieces > 1 || chunk.IndexOfAny(['@', '$']) >= 0;
            joined.Add(compact.ToString());
        }

        any |= EndSingles(joined, singles);
        rejoined = any;
        return joined;
    }

    /// <summary>Adds the pending one-letter chunks as one word; true when they make a new word (three letters or more).</summary>
    private static bool EndSingles(List<string> joined, StringBuilder singles)
    {
        if (singles.Length == 0)
        {
            return false;
        }

        joined.Add(singles.ToString());
        var isNew = singles.Length >= 3;
        singles.Clear();
        return isNew;
    }

    private static List<string> Words(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    [GeneratedRegex(@"(https?://|www\.|\bt\.me/|\b[a-z0-9][a-z0-9-]*\.(com|fr|net|org|eu|io|gg|ly|be|xyz|tv|shop|site|app|biz|ru|tk|top|store|online)\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LinkPattern();

    /// <summary>
    /// "www site com", "site[.]com" / "site(dot)com" / "site {point} fr" (any ending), "site . com" / "site. com" /
    /// "site dot com" (only endings that are no French word after a full stop).
    /// </summary>
    [GeneratedRegex(@"\bwww[^a-z0-9.]+[a-z0-9]|\b[a-z0-9][a-z0-9-]*\s*[\[\(\{]\s*(\.|dot|point)\s*[\]\)\}]\s*[a-z]{2,}\b|\b[a-z0-9][a-z0-9-]*(\s+\.\s*|\.\s+|\s+dot\s+)(com|fr|org|io|gg|xyz|ru)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DisguisedLinkPattern();

    /// <summary>A blocked word as runs of letters: "connard" is c o n×2 a r d; a word matches with each run at least as long.</summary>
    private sealed class Blocked
    {
        private Blocked(string word, string squeezed, int[] runs)
        {
            Word = word;
            Squeezed = squeezed;
            Runs = runs;
        }

        public string Word { get; }

        /// <summary>Each run of one letter written once.</summary>
        public string Squeezed { get; }

        public int[] Runs { get; }

        public static Blocked Of(string word)
        {
            var runs = new List<int>();
            for (var i = 0; i < word.Length; i++)
            {
                if (i > 0 && word[i] == word[i - 1])
                {
                    runs[^1]++;
                }
                else
                {
                    runs.Add(1);
                }
            }

            return new Blocked(word, Squeeze(word), [.. runs]);
        }

        public static string Squeeze(string word)
        {
            var builder = new StringBuilder(word.Length);
            for (var i = 0; i < word.Length; i++)
            {
                if (i == 0 || word[i] != word[i - 1])
                {
                    builder.Append(word[i]);
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// <paramref name="candidate"/> is this word with letters possibly repeated ("connnnard"), never dropped
        /// ("conard" is not "connard"); with <paramref name="prefix"/>, anything may follow.
        /// </summary>
        public bool Matches(string candidate, bool prefix)
        {
            var at = 0;
            for (var r = 0; r < Squeezed.Length; r++)
            {
                var letter = Squeezed[r];
                var count = 0;
                while (at < candidate.Length && candidate[at] == letter)
                {
                    at++;
                    count++;
                }

                if (count < Runs[r])
                {
                    return false;
                }
            }

            return prefix || at == candidate.Length;
        }
    }
}
