using System.Text.RegularExpressions;
using LiveBot.Offers.Data;

namespace LiveBot.Offers.Jobs;

/// <summary>A job of the ROME referential: its code, its main (parent) code used by the APIs, its label.</summary>
public sealed record RomeJob(string Code, string Parent, string Label)
{
    /// <summary>"Boulanger / Boulangère" -> "Boulanger".</summary>
    public string MasculineLabel => Label.Split(" / ")[0].Trim();

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
public sealed record DiplomaMatch(string Label, int Level);

/// <summary>The answer for some job words: a match, or close jobs to suggest.</summary>
public sealed record JobResolution(JobMatch? Match, IReadOnlyList<string> Suggestions);

/// <summary>
/// Job words -> ROME codes, from the embedded ROME referential, La bonne alternance's sub-domains and
/// keyword groups, and a few common words and abbreviations; tolerant of accents, plural, gender and small typos.
/// </summary>
public sealed partial class JobCatalog
{
    public const int MaxCodes = 6;

    /// <summary>
    /// Common words and abbreviations viewers use, with the main ROME codes they mean. The first word is
    /// the label replies show (matching folds accents and case).
    /// </summary>
    private static readonly (string[] Keys, string[] Codes)[] Shortcuts =
    [
        (["info", "informatique", "informaticien", "it"], ["M1805", "M1810", "M1801", "M1802"]),
        (["dev", "développeur", "developpement", "dev web", "developpeur web", "code", "programmation"], ["M1805"]),
        (["compta", "comptabilite", "comptable"], ["M1203", "M1608", "M1206"]),
        (["méca", "mecanique", "mecanicien", "meca auto", "mecanique auto", "garage", "garagiste"], ["I1604", "I1607", "I1606"]),
        (["BTP", "batiment", "chantier", "construction"], ["F1703", "F1602", "F1603", "F1606", "F1202"]),
        (["RH", "ressources humaines", "recrutement"], ["M1501", "M1502", "M1503"]),
        (["cuisine", "cuisto"], ["G1602", "G1601"]),
        (["coiffure", "coiffeur", "barbier"], ["D1202"]),
        (["vente", "vendeur", "vendeur magasin"], ["D1106", "D1214", "D1211", "D1212", "D1403"]),
        (["commerce", "commercial"], ["D1403", "D1402", "D1407", "D1401"]),
        (["resto", "restauration", "restaurant"], ["G1602", "G1803", "G1603"]),
        (["serveur", "service en salle"], ["G1803"]),
        (["boulangerie", "boulange"], ["D1102"]),
        (["pâtisserie", "patissier"], ["D1104"]),
        (["boucherie", "boucher"], ["D1101"]),
        (["esthétique", "estheticien"], ["D1208"]),
        (["secrétariat", "secretaire", "administratif"], ["M1607", "M1602", "M1604"]),
        (["élec", "electricite", "electricien"], ["F1602", "I1309"]),
        (["plomberie", "plombier"], ["F1603"]),
        (["maçonnerie", "macon"], ["F1703"]),
        (["menuiserie", "menuisier"], ["H2206", "F1607"]),
        (["logistique", "logisticien", "entrepot", "magasinier"], ["N1103", "N1105", "N1101"]),
        (["caissier", "caisse", "hote de caisse"], ["D1505"]),
        (["agriculteur", "agriculture", "agricole", "ouvrier agricole"], ["A1416", "A1402", "A1403"]),
        (["usineur", "usinage", "tourneur", "fraiseur"], ["H2903", "H2906"]),
        (["électrotechnicien", "electrotechnique"], ["I1309", "H1209", "F1602"]),
        (["agent immobilier", "immobilier", "negociateur immobilier"], ["C1504"]),
        (["employé polyvalent", "equipier", "equipier polyvalent"], ["G1603", "D1507"]),
        (["hôtellerie", "hotel"], ["G1703", "G1501", "G1502"]),
        (["data", "data analyst", "données"], ["M1403", "M1802"]),
        (["marketing", "com", "communication"], ["M1705", "E1103", "E1101"]),
        (["pharmacie", "preparateur en pharmacie"], ["J1307"]),
        (["soudure", "soudeur"], ["H2913"]),
        (["espaces verts", "paysagiste", "jardinier"], ["A1203"]),
        (["petite enfance", "creche"], ["K1303", "J1304"]),
        (["aide à domicile", "auxiliaire de vie", "aide menagere"], ["K1302", "K1304"]),
        (["transport", "chauffeur", "routier"], ["N4101", "N4105"]),
    ];

    private readonly Dictionary<string, RomeJob> _byCode;
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public JobCatalog(IEnumerable<RomeJob> jobs, IEnumerable<(string Label, string[] Codes)> groups)
    {
        Jobs = jobs.ToList();
        _byCode = Jobs.ToDictionary(j => j.Code, StringComparer.Ordinal);
        foreach (var job in Jobs)
        {
            var forms = job.Label.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            AddEntry(job.Label, forms, [job.Parent], isJob: true);
        }

        foreach (var (label, codes) in groups)
        {
            AddEntry(label, [label], Parents(codes), isJob: false);
        }

        foreach (var (keys, codes) in Shortcuts)
        {
            var parents = Parents(codes);
            if (parents.Length > 0)
            {
                AddEntry(keys[0], keys, parents, isJob: false, isShortcut: true);
            }
        }
    }

    public IReadOnlyList<RomeJob> Jobs { get; }

    /// <summary>The main ROME codes (those the APIs take).</summary>
    public IEnumerable<string> MainCodes => Jobs.Where(j => j.Code == j.Parent).Select(j => j.Code);

    public static JobCatalog LoadEmbedded()
    {
        var jobs = EmbeddedData.Rows("rome.tsv.gz").Select(r => new RomeJob(r[0], r[1], r[2]));
        var groups = EmbeddedData.Rows("groups.tsv.gz").Select(r => (r[0], r[1].Split(',')));
        return new JobCatalog(jobs, groups);
    }

    public RomeJob? Find(string code) => _byCode.GetValueOrDefault(code);

    public static bool IsRomeCode(string? code) => code is not null && RomeCodePattern().IsMatch(code);

    /// <summary>
    /// Resolves job words; never throws. The match is labelled with the catalogue's own words (the ROME
    /// job, the group or the common word that matched), never with the text typed.
    /// </summary>
    public JobResolution Resolve(string? text)
    {
        var stems = JobKey.Stems(text);
        if (stems.Count == 0)
        {
            return new JobResolution(null, []);
        }

        if (Exact(stems) is { } exact)
        {
            return new JobResolution(exact, []);
        }

        // Small typos: each unknown word becomes the closest known one.
        var corrected = new List<string>(stems.Count);
        var changed = false;
        foreach (var stem in stems)
        {
            if (_postings.ContainsKey(stem))
            {
                corrected.Add(stem);
                continue;
            }

            var fix = Closest(stem);
            if (fix is null)
            {
                return new JobResolution(null, Suggest(stems));
            }

            corrected.Add(fix);
            changed = true;
        }

        if (changed && Exact(corrected) is { } fixedExact)
        {
            return new JobResolution(fixedExact, []);
        }

        var ranked = Scored(corrected);
        if (ranked.Count == 0 && corrected.Count >= 2)
        {
            ranked = Partial(corrected);
        }

        return ranked.Count > 0
            ? new JobResolution(Match(ranked), [])
            : new JobResolution(null, Suggest(stems));
    }

    /// <summary>The match of ranked entries: the best one's label, their codes.</summary>
    private JobMatch Match(List<int> ranked) => new(
        Display(_entries[ranked[0]].Display),
        ranked.SelectMany(i => _entries[i].Codes).Distinct(StringComparer.Ordinal).Take(MaxCodes).ToList());

    /// <summary>"Boulanger" -> "boulanger" (it sits inside a sentence); "BTP", "RH", "IT" stay.</summary>
    private static string Display(string label)
    {
        var text = label.Length <= 40 ? label : label[..40].TrimEnd();
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private JobMatch? Exact(List<string> stems)
    {
        if (!_exact.TryGetValue(Key(stems), out var ids))
        {
            return null;
        }

        // A shortcut says exactly what it means; otherwise ROME jobs before groups. The label is the ROME
        // job's when one has exactly these words ("coiffeuse" -> « coiffeur », not the shortcut's « coiffure »).
        var chosen = ids.Any(i => _entries[i].IsShortcut) ? ids.Where(i => _entries[i].IsShortcut) : ids.OrderByDescending(i => _entries[i].IsJob);
        var match = Match(chosen.ToList());
        var job = ids.Where(i => _entries[i].IsJob).Select(i => _entries[i].Display).FirstOrDefault();
        return job is null ? match : match with { Label = Display(job) };
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
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Entry.IsJob)
            .ThenBy(c => c.Entry.Label, StringComparer.Ordinal)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>Several words matching no single job together ("vendeuse boulangerie"): the jobs matching all but one.</summary>
    private List<int> Partial(List<string> stems)
    {
        var matched = new Dictionary<int, int>();
        foreach (var stem in stems)
        {
            foreach (var id in _postings[stem])
            {
                matched[id] = matched.GetValueOrDefault(id) + 1;
            }
        }

        return matched
            .Where(kv => kv.Value >= stems.Count - 1)
            .OrderByDescending(kv => kv.Value)
            .ThenByDescending(kv => _entries[kv.Key].IsShortcut)
            .ThenByDescending(kv => (double)kv.Value / _entries[kv.Key].StemCount)
            .ThenBy(kv => _entries[kv.Key].Label, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .ToList();
    }

    private string? Closest(string stem)
    {
        if (stem.Length < 4)
        {
            return null;
        }

        var max = stem.Length >= 7 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        var bestCount = 0;
        foreach (var (known, posting) in _postings)
        {
            var distance = JobKey.Distance(stem, known, max);
            if (distance < bestDistance || (distance == bestDistance && distance <= max && posting.Count > bestCount))
            {
                best = known;
                bestDistance = distance;
                bestCount = posting.Count;
            }
        }

        return bestDistance <= max ? best : null;
    }

    /// <summary>Up to three ROME jobs whose words are close to (or start like) the words typed.</summary>
    private List<string> Suggest(List<string> stems)
    {
        var scores = new Dictionary<int, int>();
        foreach (var stem in stems.Where(s => s.Length >= 3))
        {
            foreach (var (known, posting) in _postings)
            {
                var distance = known.StartsWith(stem, StringComparison.Ordinal) || (known.Length >= 4 && stem.StartsWith(known, StringComparison.Ordinal))
                    ? 0
                    : JobKey.Distance(stem, known, 3);
                if (distance > 3)
                {
                    continue;
                }

                foreach (var id in posting.Where(i => _entries[i].IsJob))
                {
                    scores[id] = Math.Min(scores.GetValueOrDefault(id, int.MaxValue), distance);
                }
            }
        }

        return scores
            .OrderBy(kv => kv.Value)
            .ThenBy(kv => _entries[kv.Key].StemCount)
            .ThenBy(kv => _entries[kv.Key].Label, StringComparer.Ordinal)
            .Select(kv => _entries[kv.Key].Display)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }

    private void AddEntry(string label, IReadOnlyList<string> forms, string[] codes, bool isJob, bool isShortcut = false)
    {
        if (codes.Length == 0)
        {
            return;
        }

        var stems = new HashSet<string>(StringComparer.Ordinal);
        var id = _entries.Count;
        foreach (var form in forms)
        {
            var formStems = JobKey.Stems(form);
            if (formStems.Count == 0)
            {
                continue;
            }

            stems.UnionWith(formStems);
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
            _entries.Add(new Entry(label, label, codes, Math.Max(1, stems.Count), isJob, isShortcut));
            foreach (var stem in stems)
            {
                AddPosting(stem, id);
            }

            return;
        }

        var display = isJob ? label.Split(" / ")[0].Trim() : label;
        _entries.Add(new Entry(label, display, codes, Math.Max(1, JobKey.Stems(forms[0]).Count), isJob, false));
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

    private static string Key(IEnumerable<string> stems) => string.Join(' ', stems.Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^[A-Z]\d{4}$")]
    private static partial Regex RomeCodePattern();

    private sealed record Entry(string Label, string Display, string[] Codes, int StemCount, bool IsJob, bool IsShortcut);
}
