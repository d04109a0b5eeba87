using System.Text.RegularExpressions;
using LiveBot.Core.Text;

namespace LiveBot.Questions.Moderation;

/// <summary>
/// The moderators' blocklist of config/moderation.json, ready to match: a question with a link or
/// one of these words is held for review. Words and phrases match whole words, case and accents
/// ignored; a final <c>*</c> matches any ending ("arnaq*").
/// </summary>
public sealed partial class ModerationRules
{
    public static readonly ModerationRules Empty = new([], holdLinks: true);

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private readonly List<string[]> _phrases = [];

    public ModerationRules(IEnumerable<string> blockedWords, bool holdLinks)
    {
        HoldLinks = holdLinks;
        foreach (var entry in blockedWords)
        {
            var words = Words(entry);
            if (words.Count == 0)
            {
                continue;
            }

            if (words.Count > 1)
            {
                _phrases.Add([.. words]);
            }
            else if (entry.TrimEnd().EndsWith('*'))
            {
                _prefixes.Add(words[0]);
            }
            else
            {
                _words.Add(words[0]);
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

        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_words.Contains(word))
            {
                return $"mot bloqué « {word} »";
            }

            foreach (var prefix in _prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return $"mot bloqué « {prefix}* »";
                }
            }

            foreach (var phrase in _phrases)
            {
                if (i + phrase.Length <= words.Count && phrase.AsSpan().SequenceEqual(words.GetRange(i, phrase.Length).ToArray()))
                {
                    return $"expression bloquée « {string.Join(' ', phrase)} »";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// http(s)://, www., or a bare domain with a common ending ("discord.gg/xyz", "site.fr"). Endings that are
    /// also French words after a full stop ("fini. Me voilà", "bien.ca", "BTS. Co-working") are left out.
    /// </summary>
    public static bool ContainsLink(string text) => LinkPattern().IsMatch(TextFolding.Fold(text));

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var folded = TextFolding.Fold(text);
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
}
