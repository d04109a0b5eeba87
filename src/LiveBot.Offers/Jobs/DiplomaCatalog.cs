using LiveBot.Offers.Data;

namespace LiveBot.Offers.Jobs;

/// <summary>A diploma of the embedded table: "BTS" "NDRC", its acronyms, the words of its speciality, its level and ROME codes.</summary>
public sealed record Diploma(string Kind, string Name, string[] Acronyms, string[] Phrases, int Level, string[] Codes);

/// <summary>
/// Diplomas in the job words: a kind (CAP, bac pro, BTS, BUT/DUT, licence pro, titre pro, master, MC, BP,
/// BEP, diplôme d'État) followed by a speciality in words ("CAP cuisine", "BTS comptabilité gestion") or
/// an acronym ("BTS NDRC", "bac pro MELEC"), or a well-known acronym alone ("NDRC").
/// </summary>
public sealed class DiplomaCatalog
{
    /// <summary>Folded words that name a kind of diploma, longest first: (words, kind in the table, kind as replies say it).</summary>
    private static readonly (string[] Words, string Kind, string Label)[] KindWords =
    [
        (["mention", "complementaire"], "MC", "MC"), (["bac", "professionnel"], "bac pro", "bac pro"), (["bac", "pro"], "bac pro", "bac pro"),
        (["bac", "2"], "BTS", "BTS"), (["bac", "3"], "licence pro", "licence pro"), (["bac", "5"], "master", "master"),
        (["brevet", "professionnel"], "BP", "BP"), (["licence", "professionnelle"], "licence pro", "licence pro"),
        (["licence", "pro"], "licence pro", "licence pro"), (["titre", "professionnel"], "titre pro", "titre pro"),
        (["titre", "pro"], "titre pro", "titre pro"), (["diplome", "d", "etat"], "DE", "DE"), (["mc"], "MC", "MC"),
        (["bacpro"], "bac pro", "bac pro"), (["bac"], "bac pro", "bac pro"), (["bp"], "BP", "BP"), (["bts"], "BTS", "BTS"),
        (["btsa"], "BTS", "BTS"), (["but"], "BUT", "BUT"), (["dut"], "BUT", "DUT"), (["lp"], "licence pro", "licence pro"),
        (["licence"], "licence pro", "licence pro"), (["tp"], "titre pro", "titre pro"), (["master"], "master", "master"),
        (["mastere"], "master", "master"), (["bachelor"], "licence pro", "bachelor"), (["cap"], "CAP", "CAP"), (["capa"], "CAP", "CAP"), (["bep"], "BEP", "BEP"),
    ];

    /// <summary>The level of a kind when the speciality is not in the table (titre pro and DE vary: unknown).</summary>
    private static readonly Dictionary<string, int> KindLevels = new(StringComparer.Ordinal)
    {
        ["CAP"] = 3, ["BEP"] = 3, ["MC"] = 3, ["bac pro"] = 4, ["BP"] = 4, ["BTS"] = 5, ["BUT"] = 5, ["licence pro"] = 6, ["master"] = 7,
    };

    private readonly List<(Diploma Diploma, List<string>[] PhraseStems)> _rows = [];
    private readonly Dictionary<string, List<Diploma>> _byAcronym = new(StringComparer.Ordinal);

    public DiplomaCatalog(IEnumerable<Diploma> diplomas)
    {
        foreach (var diploma in diplomas)
        {
            _rows.Add((diploma, diploma.Phrases.Select(p => JobKey.Stems(p)).Where(s => s.Count > 0).ToArray()));
            foreach (var acronym in diploma.Acronyms)
            {
                var key = JobKey.Words(acronym).FirstOrDefault();
                if (key is not null)
                {
                    if (!_byAcronym.TryGetValue(key, out var list))
                    {
                        list = [];
                        _byAcronym[key] = list;
                    }

                    list.Add(diploma);
                }
            }
        }
    }

    public int Count => _rows.Count;

    public IEnumerable<Diploma> All => _rows.Select(r => r.Diploma);

    public static DiplomaCatalog LoadEmbedded() => new(EmbeddedData.Rows("diplomas.tsv.gz").Select(r => new Diploma(
        r[0],
        r[1],
        r[2].Split('|', StringSplitOptions.RemoveEmptyEntries),
        r[3].Split('|', StringSplitOptions.RemoveEmptyEntries),
        int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture),
        r[5].Split(',', StringSplitOptions.RemoveEmptyEntries))));

    /// <summary>
    /// The diploma named by <paramref name="words"/> (folded), or null when they name none. A kind without a
    /// speciality it knows gives no match but examples of that kind ("BTS MCO, BTS NDRC, BTS SIO").
    /// </summary>
    public JobResolution? Resolve(IReadOnlyList<string> words, Func<string, JobMatch?> job)
    {
        var kind = KindWords.FirstOrDefault(k => k.Words.Length <= words.Count && k.Words.SequenceEqual(words.Take(k.Words.Length)));
        if (kind.Words is null)
        {
            return AcronymAlone(words);
        }

        var rest = words.Skip(kind.Words.Length).ToList();
        var stems = JobKey.Stems(string.Join(' ', rest));
        if (stems.Count == 0)
        {
            return new JobResolution(null, Examples(kind.Kind, kind.Label));
        }

        var rows = _rows.Where(r => r.Diploma.Kind == kind.Kind).ToList();
        foreach (var word in rest)
        {
            if (_byAcronym.TryGetValue(word, out var named) && named.FirstOrDefault(d => d.Kind == kind.Kind) is { } byAcronym)
            {
                var acronym = byAcronym.Acronyms.First(a => JobKey.Words(a).FirstOrDefault() == word);
                return Found(byAcronym, $"{kind.Label} {acronym}");
            }
        }

        (Diploma? Diploma, double Score) best = (null, 0);
        foreach (var (diploma, phrases) in rows)
        {
            foreach (var phrase in phrases)
            {
                var score = Cover(stems, phrase);
                if (score > 0)
                {
                    if (score > best.Score)
                    {
                        best = (diploma, score);
                    }
                }
            }
        }

        if (best.Diploma is { } found)
        {
            return Found(found, $"{kind.Label} {found.Name}");
        }

        // A speciality the table does not know: the job it names, at the kind's level.
        if (job(string.Join(' ', rest)) is { } match)
        {
            var label = $"{kind.Label} {match.Label}";
            return new JobResolution(match with { Label = label, Diploma = KindLevels.TryGetValue(kind.Kind, out var level) ? new DiplomaMatch(label, level) : null }, []);
        }

        return new JobResolution(null, Examples(kind.Kind, kind.Label));
    }

    /// <summary>
    /// How well typed stems name a phrase: 0 unless each is one of its words or (four letters or more) the
    /// start of one, as phones abbreviate (« compta » for comptabilité, « info »); a whole word counts more.
    /// </summary>
    private static double Cover(List<string> stems, List<string> phrase)
    {
        var sum = 0.0;
        foreach (var stem in stems)
        {
            if (phrase.Contains(stem))
            {
                sum += 1;
            }
            else if (stem.Length >= 4 && phrase.Exists(p => p.StartsWith(stem, StringComparison.Ordinal)))
            {
                sum += 0.9;
            }
            else
            {
                return 0;
            }
        }

        return sum / phrase.Count;
    }

    /// <summary>"ndrc", "aepe", "melec": an acronym of at least three letters, alone, known for one kind first.</summary>
    private JobResolution? AcronymAlone(IReadOnlyList<string> words)
    {
        if (words.Count != 1 || words[0].Length < 3 || !_byAcronym.TryGetValue(words[0], out var named))
        {
            return null;
        }

        var diploma = named[0];
        var acronym = diploma.Acronyms.First(a => JobKey.Words(a).FirstOrDefault() == words[0]);
        return acronym.Any(char.IsUpper) ? Found(diploma, $"{KindLabel(diploma.Kind)} {acronym}") : null;
    }

    private static JobResolution Found(Diploma diploma, string label) =>
        new(new JobMatch(label, diploma.Codes.Take(JobCatalog.MaxCodes).ToList()) { Diploma = new DiplomaMatch(label, diploma.Level) { Of = diploma } }, []);

    private List<string> Examples(string kind, string label) =>
        _rows.Where(r => r.Diploma.Kind == kind).Take(3).Select(r => $"{label} {r.Diploma.Name}").ToList();

    private static string KindLabel(string kind) => KindWords.First(k => k.Kind == kind).Label;
}
