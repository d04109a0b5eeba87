using LiveBot.Core.Text;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Requests;

/// <summary>
/// Splits "boulanger à Saint-Étienne" into job words and a place: the place follows the last separator
/// (à, a, sur, vers, près de, ","; one typo forgiven there), or else is the longest run of words at the
/// end that names a place, or else at the start ("Lyon boulanger").
/// </summary>
public sealed class OfferRequestParser(PlaceResolver places, JobCatalog jobs)
{
    private const int MaxPlaceWords = 6;

    /// <summary>Most words tried as a job before leftover words (bounds the work on a long hostile line).</summary>
    private const int MaxJobWords = 6;

    public PlaceResolver Places => places;

    public JobCatalog Jobs => jobs;

    public OfferRequest Parse(string? args)
    {
        var tokens = Tokenize(args);
        if (tokens.Count == 0)
        {
            return new OfferRequest(OfferRequestStatus.Empty, string.Empty, string.Empty);
        }

        string? unresolved = null;
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            var length = SeparatorLength(tokens, i);
            if (length == 0 || i + length >= tokens.Count)
            {
                continue;
            }

            // "Boulogne sur Mer", "Chalon sur Saône": the separator may be a word of the place's own name.
            if (PlaceAtEnd(tokens, before: i) is { } spanning)
            {
                return spanning;
            }

            var placeText = Join(tokens, i + length, tokens.Count);
            if (places.ResolveTolerant(placeText) is { } place)
            {
                return WithJob(Join(tokens, 0, TrimSeparators(tokens, i)), placeText, place);
            }

            unresolved ??= placeText;
            break;
        }

        if (PlaceAtEnd(tokens, before: tokens.Count) is { } atEnd)
        {
            return atEnd;
        }

        // "Lyon boulanger", "à Paris vendeur": the place first.
        if ((unresolved is null || SeparatorLength(tokens, 0) > 0) && (PlaceFirst(tokens, 0) ?? (LeadingSeparators(tokens) is > 0 and var lead ? PlaceFirst(tokens, lead) : null)) is { } placeFirst)
        {
            return placeFirst;
        }

        // Last resort: a misspelt city at the end ("boulanger Bordeau"), when the rest is a known job.
        for (var k = Math.Min(tokens.Count - 1, 3); k >= 1 && unresolved is null; k--)
        {
            var placeText = Join(tokens, tokens.Count - k, tokens.Count);
            var jobText = Join(tokens, 0, TrimSeparators(tokens, tokens.Count - k));
            if (places.ResolveTolerant(placeText) is { } place && jobs.Match(jobText) is not null)
            {
                return WithJob(jobText, placeText, place);
            }
        }

        var all = Join(tokens, 0, tokens.Count);
        if (tokens.Count <= MaxPlaceWords && places.Resolve(all) is { } only)
        {
            return new OfferRequest(OfferRequestStatus.NoJob, string.Empty, all) { Place = only };
        }

        if (unresolved is not null)
        {
            return new OfferRequest(OfferRequestStatus.UnknownPlace, all, unresolved);
        }

        var match = jobs.Match(all);
        if (match is null && KnownJobThenRest(tokens) is { } split)
        {
            // "boulanger Trifouillis", "boulanger Paris 21e": a place was typed, just not one we know.
            return new OfferRequest(OfferRequestStatus.UnknownPlace, split.JobText, split.Leftover) { Job = split.Job };
        }

        return new OfferRequest(OfferRequestStatus.NoPlace, all, string.Empty) { Job = match };
    }

    /// <summary>The longest run of words at the start naming a known job, when words are left after it.</summary>
    private (JobMatch Job, string JobText, string Leftover)? KnownJobThenRest(List<string> tokens)
    {
        for (var k = Math.Min(tokens.Count - 1, MaxJobWords); k >= 1; k--)
        {
            var end = TrimSeparators(tokens, k);
            if (end == 0)
            {
                continue;
            }

            var jobText = Join(tokens, 0, end);
            if (jobs.Match(jobText) is { } job)
            {
                return (job, jobText, Join(tokens, k, tokens.Count));
            }
        }

        return null;
    }

    /// <summary>
    /// Job words that match no job but end with a known city name: "boulanger Marseille" before "17"
    /// (a bad arrondissement read as a département) is a place attempt, not an unknown job.
    /// </summary>
    private (JobMatch Job, string JobText)? KnownJobThenCity(string jobText)
    {
        var tokens = Tokenize(jobText);
        for (var k = Math.Min(tokens.Count - 1, MaxJobWords); k >= 1; k--)
        {
            var end = TrimSeparators(tokens, k);
            if (end > 0 && places.Resolve(Join(tokens, k, tokens.Count)) is { IsArea: false } && jobs.Match(Join(tokens, 0, end)) is { } job)
            {
                return (job, Join(tokens, 0, end));
            }
        }

        return null;
    }

    private OfferRequest WithJob(string jobText, string placeText, Place place)
    {
        if (JobKey.Stems(jobText).Count == 0)
        {
            return new OfferRequest(OfferRequestStatus.NoJob, jobText, placeText) { Place = place };
        }

        if (jobs.Match(jobText) is { } match)
        {
            return new OfferRequest(OfferRequestStatus.Ok, jobText, placeText) { Job = match, Place = place };
        }

        if (KnownJobThenCity(jobText) is { } split)
        {
            return new OfferRequest(OfferRequestStatus.UnknownPlace, split.JobText, placeText) { Job = split.Job };
        }

        if (jobs.MatchIgnoringUnknownWords(jobText) is { } title)
        {
            return new OfferRequest(OfferRequestStatus.Ok, jobText, placeText) { Job = title, Place = place };
        }

        // Suggestions are looked for only if the reply reads them.
        return new OfferRequest(OfferRequestStatus.UnknownJob, jobText, placeText) { Place = place, SuggestionsSource = () => jobs.Resolve(jobText).Suggestions };
    }

    /// <summary>
    /// The words of the line, without what chat adds around a request: a preamble (« jveux être »,
    /// « je cherche une alternance de », « slt »), politeness at the end (« stp », « merci ») and ?/!.
    /// </summary>
    private static List<string> Tokenize(string? args)
    {
        var tokens = new List<string>();
        foreach (var word in (args ?? string.Empty).Replace(",", " , ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('?', '!');
            if (trimmed.Length > 0)
            {
                tokens.Add(trimmed);
            }
        }

        var start = 0;
        while (start < tokens.Count - 1 && ChatWords.IsPreamble(TextFolding.Fold(tokens[start])))
        {
            start++;
        }

        var end = tokens.Count;
        while (end > start + 1 && ChatWords.IsPoliteness(TextFolding.Fold(tokens[end - 1])))
        {
            end--;
        }

        return start == 0 && end == tokens.Count ? tokens : tokens.GetRange(start, end - start);
    }

    /// <summary>0 when tokens[i] starts no separator, else how many tokens it spans.</summary>
    private static int SeparatorLength(List<string> tokens, int i)
    {
        var word = TextFolding.Fold(tokens[i]);
        if (word is "a" or "sur" or "vers" or "," or "pres-de" or "autour-de")
        {
            return 1;
        }

        if (word is "pres" or "autour" && i + 1 < tokens.Count && TextFolding.Fold(tokens[i + 1]) is "de" or "du")
        {
            return 2;
        }

        return word.StartsWith("pres-d", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>
    /// The longest run of words at the end naming a place, starting before <paramref name="before"/> and
    /// leaving at least one word for the job before it.
    /// </summary>
    private OfferRequest? PlaceAtEnd(List<string> tokens, int before)
    {
        for (var start = Math.Max(1, tokens.Count - MaxPlaceWords); start < before; start++)
        {
            var placeText = Join(tokens, start, tokens.Count);
            if (places.Resolve(placeText) is { } place)
            {
                return WithJob(Join(tokens, 0, TrimSeparators(tokens, start)), placeText, place);
            }
        }

        return null;
    }

    /// <summary>The longest run of words from <paramref name="from"/> naming a place, the job after it.</summary>
    private OfferRequest? PlaceFirst(List<string> tokens, int from)
    {
        for (var k = Math.Min(tokens.Count - 1 - from, MaxPlaceWords); k >= 1; k--)
        {
            var placeText = Join(tokens, from, from + k);
            if (places.Resolve(placeText) is { } place)
            {
                return WithJob(Join(tokens, from + k, tokens.Count), placeText, place);
            }
        }

        return null;
    }

    /// <summary>How many words before a place come first (« à », « sur », « dans le »), leaving one at least.</summary>
    private static int LeadingSeparators(List<string> tokens)
    {
        var start = 0;
        while (start < tokens.Count - 1 && IsSeparator(TextFolding.Fold(tokens[start])))
        {
            start++;
        }

        return start;
    }

    /// <summary>The end of the job words: trailing separators ("boulanger à", "boulanger près de") dropped.</summary>
    private static int TrimSeparators(List<string> tokens, int end)
    {
        while (end > 0)
        {
            if (IsSeparator(TextFolding.Fold(tokens[end - 1])))
            {
                end--;
                continue;
            }

            break;
        }

        return end;
    }

    /// <summary>A word between a job and a place: « à », « sur », « vers », « près de », « dans le », « ds »...</summary>
    private static bool IsSeparator(string word) =>
        word is "a" or "sur" or "vers" or "," or "de" or "du" or "pres" or "autour" or "dans" or "en" || ChatWords.IsBeforePlace(word);

    private static string Join(List<string> tokens, int start, int end) => string.Join(' ', tokens.Skip(start).Take(end - start));
}
