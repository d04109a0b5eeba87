using System.Text.RegularExpressions;
using LiveBot.Offers.Data;

namespace LiveBot.Offers.Jobs;

/// <summary>A job of the ROME referential: its code, its main (parent) code used by the APIs, its label.</summary>
public sealed record RomeJob(string Code, string Parent, string Label)
{
    /// <summary>"Boulanger / Boulangère" -> "Boulanger/Boulangère".</summary>
    public string CompactLabel => Label.Replace(" / ", "/", StringComparison.Ordinal);
}

/// <summary>What a viewer's job words resolved to: ROME codes (main codes, as the APIs take them).</summary>
/// <param name="Label">The job as the reply names it: the catalogue's label, never the words typed.</param>
/// <param name="Codes">Distinct main ROME codes, best first.</param>
public sealed record JobMatch(string Label, IReadOnlyList<string> Codes)
{
    /// <summary>The diploma asked for ("BTS NDRC"), when the words named one: its level filters the offers.</summary>
    public DiplomaMatch? Diploma { get; init; }
}

/// <summary>A diploma understood in the job words.</summary>
/// <param name="Label">As replies name it: « BTS NDRC », « CAP cuisine ».</param>
/// <param name="Level">European level: CAP 3, bac 4, BTS/BUT 5, licence 6, master 7.</param>
public sealed record DiplomaMatch(string Label, int Level)
{
    /// <summary>The table's diploma (null when only its kind was known: « BTS boulanger »).</summary>
    public Diploma? Of { get; init; }
}

/// <summary>The answer for some job words: a match, or close jobs to suggest.</summary>
public sealed record JobResolution(JobMatch? Match, IReadOnlyList<string> Suggestions);

/// <summary>
/// Job words -> ROME codes, from the embedded ROME referential, La bonne alternance's sub-domains and
/// keyword groups, and a few common words and abbreviations; tolerant of accents, plural, gender and small typos.
/// </summary>
public sealed partial class JobCatalog
{
    public const int MaxCodes = 6;

    private readonly Dictionary<string, RomeJob> _byCode;
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly Lazy<TypoTables> _typos;

    public JobCatalog(IEnumerable<RomeJob> jobs, IEnumerable<(string Label, string[] Codes)> groups)
        : this(jobs, groups, [])
    {
    }

    /// <param name="titles">ROME job titles (appellations): main code, masculine and feminine title (empty when the same).</param>
    public JobCatalog(IEnumerable<RomeJob> jobs, IEnumerable<(string Label, string[] Codes)> groups, IEnumerable<(string Code, string Masculine, string Feminine)> titles)
    {
        Jobs = jobs.ToList();
        _byCode = Jobs.ToDictionary(j => j.Code, StringComparer.Ordinal);
        var memo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in Jobs)
        {
            var (masculine, feminine) = JobLabel.Genders(job.Label);
            AddEntry(memo, masculine, masculine == feminine ? [masculine] : [masculine, feminine], [job.Parent], isJob: true, feminine: feminine);
        }

        var titleCount = 0;
        foreach (var (code, masculine, feminine) in titles)
        {
            if (_byCode.TryGetValue(code, out var job))
            {
                AddEntry(memo, masculine, feminine.Length == 0 ? [masculine] : [masculine, feminine], [job.Parent], isJob: true, feminine: feminine.Length == 0 ? masculine : feminine, isTitle: true);
                titleCount++;
            }
        }

        TitleCount = titleCount;

        foreach (var (label, codes) in groups)
        {
            AddEntry(memo, label, [label], Parents(codes), isJob: false);
        }

        foreach (var (keys, codes) in JobShortcuts.All)
        {
            var parents = Parents(codes);
            if (parents.Length > 0)
            {
                var (masculine, feminine) = JobLabel.Genders(keys[0]);
                AddEntry(memo, masculine, [masculine, feminine, .. keys[1..]], parents, isJob: false, isShortcut: true, feminine: feminine);
            }
        }

        // Only typos and suggestions read these: built on first need (or by WarmUp), not in the start-up load.
        _typos = new Lazy<TypoTables>(() => TypoTables.Build(_postings.Keys));
    }

    public IReadOnlyList<RomeJob> Jobs { get; }

    /// <summary>How many ROME job titles (appellations) are known.</summary>
    public int TitleCount { get; }

    /// <summary>The main ROME codes (those the APIs take).</summary>
    public IEnumerable<string> MainCodes => Jobs.Where(j => j.Code == j.Parent).Select(j => j.Code);

    public static JobCatalog LoadEmbedded()
    {
        var jobs = EmbeddedData.Rows("rome.tsv.gz").Select(r => new RomeJob(r[0], r[1], r[2]));
        var groups = EmbeddedData.Rows("groups.tsv.gz").Select(r => (r[0], r[1].Split(',')));
        var titles = EmbeddedData.Rows("appellations.tsv.gz").Select(r => (r[0], r[1], r.Length > 2 ? r[2] : string.Empty));
        return new JobCatalog(jobs, groups, titles) { Diplomas = DiplomaCatalog.LoadEmbedded() };
    }

    public RomeJob? Find(string code) => _byCode.GetValueOrDefault(code);

    public static bool IsRomeCode(string? code) => code is not null && RomeCodePattern().IsMatch(code);

    /// <summary>
    /// Resolves job words; never throws. The match is labelled with the catalogue's own words (the ROME
    /// job, the group or the common word that matched), never with the text typed.
    /// </summary>
    public JobResolution Resolve(string? text) => Resolve(text, suggest: true);

    /// <summary>Like <see cref="Resolve(string?)"/> without looking for suggestions (cheaper: the parser tries several splits).</summary>
    public JobMatch? Match(string? text) => Resolve(text, suggest: false).Match;

    private JobResolution Resolve(string? text, bool suggest)
    {
        if (Diplomas is not null && Diplomas.Resolve(JobKey.Words(text).ToList(), words => ResolveJob(words, suggest: false).Match) is { } diploma)
        {
            return diploma;
        }

        return ResolveJob(text, suggest);
    }

    /// <summary>
    /// "employée polyvalente mcdo": the whole title left once the words no job has (a brand, a nickname) are
    /// set aside; null when no word was set aside or what is left is no whole title.
    /// </summary>
    public JobMatch? MatchIgnoringUnknownWords(string? text)
    {
        var stems = JobKey.Stems(text);
        var known = stems.Select(Known).OfType<string>().ToList();
        return known.Count > 0 && known.Count < stems.Count ? Exact(known, JobKey.Words(text).ToList()) : null;
    }

    /// <summary>The catalogue's word for a stem: itself when some entry has it, else its typo fix, else null.</summary>
    private string? Known(string stem) => _postings.ContainsKey(stem) ? stem : Closest(stem);

    /// <summary>The diplomas understood in job words ("BTS NDRC", "CAP cuisine"), when loaded.</summary>
    public DiplomaCatalog? Diplomas { get; init; }

    private JobResolution ResolveJob(string? text, bool suggest)
    {
        var stems = JobKey.Stems(text);
        if (stems.Count == 0)
        {
            return new JobResolution(null, []);
        }

        var typed = JobKey.Words(text).ToList();
        if (Exact(stems, typed) is { } exact)
        {
            return new JobResolution(exact, []);
        }

        // Small typos: each unknown word becomes the closest known one.
        var corrected = new List<string>(stems.Count);
        var changed = false;
        foreach (var stem in stems)
        {
            if (Known(stem) is not { } known)
            {
                return new JobResolution(null, (suggest ? Suggest(stems) : []));
            }

            corrected.Add(known);
            changed |= known != stem;
        }

        if (changed && Exact(corrected, typed) is { } fixedExact)
        {
            return new JobResolution(fixedExact, []);
        }

        var ranked = Scored(corrected);
        if (ranked.Count == 0 && corrected.Count >= 3 && LongestTitle(corrected, typed) is { } title)
        {
            return new JobResolution(title, []);
        }

        if (ranked.Count == 0 && corrected.Count >= 2)
        {
            ranked = Partial(corrected);
        }

        return ranked.Count > 0
            ? new JobResolution(OneWordLabel(Match(ranked, typed), ranked, corrected), [])
            : new JobResolution(null, (suggest ? Suggest(stems) : []));
    }

    /// <summary>
    /// "infirmier": when several titles start with the one word asked, the reply names that word (in the
    /// catalogue's spelling and the asker's gender), not the first of them (« infirmier de prévention »).
    /// </summary>
    private JobMatch OneWordLabel(JobMatch match, List<int> ranked, List<string> stems)
    {
        if (stems.Count != 1 || ranked.Count < 2 || _entries[ranked[0]].FirstStem != stems[0] || _entries[ranked[1]].FirstStem != stems[0])
        {
            return match;
        }

        var first = match.Label.Split(' ')[0];
        return JobKey.Stems(first) is [var stem] && stem == stems[0] ? match with { Label = first } : match;
    }

    /// <summary>The longest run of words (at least two, fewer than all) that is a whole title: "agent de sécurité incendie nuit".</summary>
    private JobMatch? LongestTitle(List<string> stems, List<string> typed)
    {
        for (var length = stems.Count - 1; length >= 2; length--)
        {
            for (var start = 0; start + length <= stems.Count; start++)
            {
                if (Exact(stems.GetRange(start, length), typed) is { } match)
                {
                    return match;
                }
            }
        }

        return null;
    }

    /// <summary>The match of ranked entries: the best one's label (in the asker's gender), their codes.</summary>
    private JobMatch Match(List<int> ranked, List<string> typed) => new(
        Label(_entries[ranked[0]], typed),
        ranked.SelectMany(i => _entries[i].Codes).Distinct(StringComparer.Ordinal).Take(MaxCodes).ToList());

    /// <summary>The label of an entry as the reply shows it: the feminine title when the words typed are feminine.</summary>
    private static string Label(Entry entry, List<string> typed) =>
        JobLabel.Display(entry.Feminine is { } feminine && JobLabel.SaysFeminine(typed, entry.Display, feminine) ? feminine : entry.Display);

    private JobMatch? Exact(List<string> stems, List<string> typed)
    {
        if (!_exact.TryGetValue(Key(stems), out var ids))
        {
            return null;
        }

        // A shortcut says exactly what it means; otherwise ROME jobs and titles before groups. The label is the
        // ROME job's or title's when one has exactly these words ("coiffeuse" -> « coiffeuse », not the shortcut's « coiffure »).
        var chosen = ids.Any(i => _entries[i].IsShortcut) ? ids.Where(i => _entries[i].IsShortcut) : ids.OrderByDescending(i => _entries[i].IsJob);
        var match = Match(chosen.ToList(), typed);
        var job = ids.Where(i => _entries[i].IsJob).Select(i => _entries[i]).MinBy(e => e.Display.Length); // "Paysagiste", not "Apprenti paysagiste"
        return job is null ? match : match with { Label = Label(job, typed) };
    }

    private List<int> Scored(List<string> stems)
    {
        IEnumerable<int>? candidates = null;
        foreach (var stem in stems)
        {
            var posting = _postings[stem];
            candidates = candidates is null ? posting : candidates.Intersect(posting);
        }

        return (candidates ?? [])
            .Select(i => (Id: i, Entry: _entries[i], Score: (double)stems.Count / _entries[i].StemCount))
            .Where(c => !c.Entry.IsTitle || c.Score >= 0.5)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Entry.IsJob)
            .ThenByDescending(c => c.Entry.FirstStem == stems[0]) // "toiletteur" -> "Toiletteur d'animaux" before "Assistant toiletteur"
            .ThenBy(c => c.Entry.IsTitle)
            .ThenBy(c => c.Entry.Label, StringComparer.Ordinal)
            .Select(c => c.Id)
            .ToList();
    }

    /// <param name="memo">Stems already found, by word: the catalogue's titles share most of their words.</param>
    private void AddEntry(Dictionary<string, string> memo, string label, IReadOnlyList<string> forms, string[] codes, bool isJob, bool isShortcut = false, string? feminine = null, bool isTitle = false)
    {
        if (codes.Length == 0)
        {
            return;
        }

        var stems = new List<string>();
        List<string>? first = null;
        var id = _entries.Count;
        foreach (var form in forms)
        {
            var formStems = JobKey.Stems(form, memo);
            first ??= formStems;
            if (formStems.Count == 0)
            {
                continue;
            }

            foreach (var stem in formStems)
            {
                if (!stems.Contains(stem))
                {
                    stems.Add(stem);
                }
            }

            var key = Key(formStems);
            if (!_exact.TryGetValue(key, out var list))
            {
                list = [];
                _exact[key] = list;
            }

            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }

        if (isShortcut)
        {
            // Shortcuts match exactly only: their words do not widen the search of other entries.
            _entries.Add(new Entry(label, label, codes, Math.Max(1, stems.Count), isJob, isShortcut, feminine, false, string.Empty));
        }
        else
        {
            first ??= [];
            _entries.Add(new Entry(label, label, codes, Math.Max(1, first.Count), isJob, false, feminine, isTitle, first.Count > 0 ? first[0] : string.Empty));
        }

        foreach (var stem in stems)
        {
            AddPosting(stem, id);
        }
    }

    private void AddPosting(string stem, int id)
    {
        if (!_postings.TryGetValue(stem, out var posting))
        {
            posting = [];
            _postings[stem] = posting;
        }

        if (posting.Count == 0 || posting[^1] != id)
        {
            posting.Add(id);
        }
    }

    private string[] Parents(IEnumerable<string> codes) =>
        codes.Select(c => _byCode.TryGetValue(c, out var job) ? job.Parent : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static string Key(List<string> stems)
    {
        if (stems.Count == 1)
        {
            return stems[0];
        }

        var sorted = stems.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return string.Join(' ', sorted);
    }

    [GeneratedRegex(@"^[A-Z]\d{4}$")]
    private static partial Regex RomeCodePattern();

    /// <param name="Display">The label a reply shows (the masculine title).</param>
    /// <param name="Feminine">The feminine title, for askers who wrote it.</param>
    /// <param name="IsTitle">A ROME job title (appellation): found by its words only when they are at least half of it.</param>
    private sealed record Entry(string Label, string Display, string[] Codes, int StemCount, bool IsJob, bool IsShortcut, string? Feminine, bool IsTitle, string FirstStem);
}
