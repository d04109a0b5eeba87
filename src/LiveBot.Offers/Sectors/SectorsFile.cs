using LiveBot.Core.Configuration;
using LiveBot.Core.Text;
using static LiveBot.Offers.Sectors.SectorsFile;
using LiveBot.Offers.Jobs;

namespace LiveBot.Offers.Sectors;

/// <summary>config/sectors.json as written by moderators (see config/sectors.schema.json).</summary>
public sealed class SectorsFile : ModeratorFileBase
{
    public List<FactEntry>? General { get; set; }

    public List<SectorEntry>? Sectors { get; set; }

    public sealed class FactEntry
    {
        public string? Text { get; set; }

        public string? Source { get; set; }

        public int? Year { get; set; }
    }

    public sealed class SectorEntry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Opco { get; set; }

        public List<FactEntry>? Facts { get; set; }

        public List<JobEntry>? Jobs { get; set; }
    }

    public sealed class JobEntry
    {
        public string? Label { get; set; }

        public string? Rome { get; set; }
    }
}

/// <summary>A sourced fact: "Text (Source Year)".</summary>
public sealed record SectorFact(string Text, string Source, int Year)
{
    public override string ToString() => $"{Text} ({Source}, {Year})";
}

/// <summary>An example job of a sector, usable as an !offres hint.</summary>
public sealed record SectorJob(string Label, string Rome);

public sealed record Sector(string Id, string Name, IReadOnlyList<string> Aliases, string Opco, IReadOnlyList<SectorFact> Facts, IReadOnlyList<SectorJob> Jobs)
{
    /// <summary>
    /// What lists show and a viewer can type: the id, spelt with its accents when an alias is the same word
    /// accented ("numerique" -> "numérique"; matching ignores accents, so both find the sector).
    /// </summary>
    public string DisplayName { get; } = Aliases
        .Where(a => SectorSet.Key(a) == SectorSet.Key(Id) && a.Any(c => c > '\u007f'))
        .Select(a => a.Trim())
        .FirstOrDefault() ?? Id;
}

/// <summary>sectors.json once validated: lookup by id, name or alias, case and accents ignored.</summary>
public sealed class SectorSet
{
    private readonly Dictionary<string, Sector> _byKey;

    public SectorSet(IReadOnlyList<Sector> sectors, IReadOnlyList<SectorFact> general)
    {
        Sectors = sectors;
        General = general;
        _byKey = new Dictionary<string, Sector>(StringComparer.Ordinal);
        foreach (var sector in sectors)
        {
            foreach (var key in Keys(sector))
            {
                _byKey.TryAdd(key, sector);
            }
        }
    }

    public IReadOnlyList<Sector> Sectors { get; }

    public IReadOnlyList<SectorFact> General { get; }

    /// <summary>The sector named <paramref name="text"/> (id, name or alias; one typo forgiven), or null.</summary>
    public Sector? Find(string? text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var sector))
        {
            return sector;
        }

        if (key.Length >= 5)
        {
            foreach (var (known, candidate) in _byKey)
            {
                if (known.Length >= 5 && JobKey.Distance(key, known, 1) <= 1)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string Key(string? text) => string.Join(' ', JobKey.Words(text));

    internal static IEnumerable<string> Keys(Sector sector) =>
        new[] { sector.Id, sector.Name }.Concat(sector.Aliases).Select(Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);
}

/// <summary>Turns a <see cref="SectorsFile"/> into a <see cref="SectorSet"/>, or says what is wrong (in French, with the JSON path).</summary>
public sealed class SectorsFileValidator(JobCatalog jobs)
{
    public const string FileName = "sectors.json";
    public const int MaxFactLength = 160;

    public (SectorSet? Value, ConfigError? Error) Parse(byte[] utf8) =>
        ModeratorJson.Parse<SectorsFile, SectorSet>(FileName, utf8, Validate);

    private SectorSet Validate(SectorsFile file, ConfigProblems problems)
    {
        var general = Facts(file.General ?? [], "general", 0, 6, problems);
        var entries = file.Sectors ?? [];
        if (entries.Count is < 1 or > 30)
        {
            problems.Add("sectors", $"il faut entre 1 et 30 secteurs (lu : {entries.Count})");
        }

        var sectors = new List<Sector>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"sectors[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.Opco))
            {
                problems.Add(path, "un secteur demande « id », « name » et « opco »");
                continue;
            }

            Length(entry.Name, $"{path}.name", 60, problems);
            Length(entry.Opco, $"{path}.opco", 60, problems);
            var aliases = entry.Aliases ?? [];
            for (var a = 0; a < aliases.Count; a++)
            {
                if (string.IsNullOrWhiteSpace(aliases[a]) || aliases[a].Length > 40)
                {
                    problems.Add($"{path}.aliases[{a}]", "un alias doit faire de 1 à 40 caractères");
                }
            }

            var sectorJobs = new List<SectorJob>();
            var jobEntries = entry.Jobs ?? [];
            if (jobEntries.Count > 8)
            {
                problems.Add($"{path}.jobs", $"8 métiers au plus par secteur (lu : {jobEntries.Count})");
            }

            for (var j = 0; j < jobEntries.Count; j++)
            {
                var job = jobEntries[j];
                var jobPath = $"{path}.jobs[{j}]";
                if (string.IsNullOrWhiteSpace(job.Label) || job.Label.Length > 40)
                {
                    problems.Add($"{jobPath}.label", "le métier doit avoir un « label » de 1 à 40 caractères");
                    continue;
                }

                if (!JobCatalog.IsRomeCode(job.Rome) || jobs.Find(job.Rome!) is null)
                {
                    problems.Add($"{jobPath}.rome", $"code ROME inconnu « {ValueQuote.Quote(job.Rome)} » (attendu : une lettre et 4 chiffres du référentiel ROME, par exemple D1102)");
                    continue;
                }

                sectorJobs.Add(new SectorJob(job.Label.Trim(), job.Rome!));
            }

            var sector = new Sector(
                entry.Id.Trim(),
                entry.Name.Trim(),
                aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList(),
                entry.Opco.Trim(),
                Facts(entry.Facts ?? [], $"{path}.facts", 2, 4, problems),
                sectorJobs);
            foreach (var key in SectorSet.Keys(sector))
            {
                if (owners.TryGetValue(key, out var owner) && owner != sector.Id)
                {
                    problems.Add(path, $"le nom ou alias « {ValueQuote.Quote(key)} » de « {ValueQuote.Quote(sector.Id)} » est déjà pris par « {ValueQuote.Quote(owner)} »");
                    break;
                }

                owners[key] = sector.Id;
            }

            sectors.Add(sector);
        }

        return new SectorSet(sectors, general);
    }

    private static List<SectorFact> Facts(List<FactEntry> entries, string path, int min, int max, ConfigProblems problems)
    {
        if (entries.Count < min || entries.Count > max)
        {
            problems.Add(path, $"il faut entre {min} et {max} faits (lu : {entries.Count})");
        }

        var facts = new List<SectorFact>();
        for (var i = 0; i < entries.Count; i++)
        {
            var fact = entries[i];
            var factPath = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(fact.Text) || string.IsNullOrWhiteSpace(fact.Source) || fact.Year is null)
            {
                problems.Add(factPath, "un fait demande « text », « source » et « year »");
                continue;
            }

            Length(fact.Text, $"{factPath}.text", MaxFactLength, problems);
            Length(fact.Source, $"{factPath}.source", 60, problems);
            if (fact.Year is < 1990 or > 2100)
            {
                problems.Add($"{factPath}.year", $"année invalide {fact.Year} (attendu : 1990 à 2100)");
            }

            facts.Add(new SectorFact(fact.Text.Trim(), fact.Source.Trim(), fact.Year.Value));
        }

        return facts;
    }

    private static void Length(string text, string path, int max, ConfigProblems problems)
    {
        if (text.Length > max)
        {
            problems.Add(path, $"texte trop long : {text.Length} caractères (maximum {max})");
        }
    }
}
