using System.Globalization;
using System.Text.RegularExpressions;
using LiveBot.Offers.Data;

namespace LiveBot.Offers.Places;

/// <summary>
/// Turns what viewers type ("saint etienne", "Valence (26)", "69003", "Paris 15e", "2A", "Gironde") into
/// a <see cref="Place"/>, from the embedded communes (loaded once).
/// </summary>
public sealed partial class PlaceResolver
{
    private readonly Dictionary<string, Commune[]> _byName;
    private readonly Dictionary<string, Commune[]> _byPostalCode;
    private readonly Dictionary<string, Commune> _byInsee;
    private readonly Dictionary<string, (string Code, string Name)> _departementByKey;
    private readonly Dictionary<string, Commune> _departementCentre;
    private readonly Dictionary<string, Commune> _colloquial = new(StringComparer.Ordinal);

    public PlaceResolver(IEnumerable<Commune> communes, IEnumerable<(string Code, string Name)> departements)
        : this(communes, departements, [], [])
    {
    }

    public PlaceResolver(
        IEnumerable<Commune> communes,
        IEnumerable<(string Code, string Name)> departements,
        IEnumerable<RegionRow> regions,
        IEnumerable<(string Name, string Insee)> colloquial)
    {
        Communes = communes.ToList();
        _byInsee = Communes.ToDictionary(c => c.Insee, StringComparer.Ordinal);
        var byName = new Dictionary<string, List<Commune>>(StringComparer.Ordinal);
        var byPostal = new Dictionary<string, List<Commune>>(StringComparer.Ordinal);
        var largest = new Dictionary<string, Commune>(StringComparer.Ordinal);
        foreach (var commune in Communes)
        {
            if (!commune.IsArrondissement)
            {
                Add(byName, PlaceKey.Normalize(commune.Name), commune);
                if (!largest.TryGetValue(commune.Departement, out var current) || commune.Population > current.Population)
                {
                    largest[commune.Departement] = commune;
                }
            }
            else
            {
                foreach (var key in ArrondissementKeys(commune))
                {
                    Add(byName, key, commune);
                }
            }

            foreach (var postal in commune.PostalCodes)
            {
                Add(byPostal, postal, commune);
            }
        }

        // Homonyms: the most populous first. A postal code shared by a city and its arrondissement: the arrondissement.
        _byName = Sorted(byName, static (a, b) =>
            b.Population.CompareTo(a.Population) is var byPopulation and not 0 ? byPopulation : string.CompareOrdinal(a.Insee, b.Insee));
        _byPostalCode = Sorted(byPostal, static (a, b) =>
            b.IsArrondissement.CompareTo(a.IsArrondissement) is var byKind and not 0 ? byKind
            : b.Population.CompareTo(a.Population) is var byPopulation and not 0 ? byPopulation
            : string.CompareOrdinal(a.Insee, b.Insee));

        _departementByKey = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        _departementCentre = new Dictionary<string, Commune>(StringComparer.Ordinal);
        var departementCodes = new List<string>();
        foreach (var (code, name) in departements)
        {
            if (!largest.TryGetValue(code, out var centre))
            {
                continue;
            }

            _departementCentre[code] = centre;
            departementCodes.Add(code);
            _departementByKey[code.ToLowerInvariant()] = (code, name);
            AddWithoutArticle(_departementByKey, PlaceKey.Normalize(name), (code, name));
        }

        var regionRows = regions.Where(r => r.Departements.Any(largest.ContainsKey)).ToArray();
        AddRegionNames(regionRows);
        foreach (var (name, insee) in colloquial)
        {
            if (_byInsee.TryGetValue(insee, out var commune))
            {
                _colloquial[PlaceKey.Normalize(name)] = commune;
            }
        }

        _extras = new Lazy<Extras>(() => BuildExtras(departementCodes, regionRows));
    }

    public IReadOnlyList<Commune> Communes { get; }

    /// <summary>Loads the embedded communes and départements.</summary>
    public static PlaceResolver LoadEmbedded()
    {
        var communes = new List<Commune>(35_000);
        var departementCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<Range> fields = stackalloc Range[9];
        foreach (var line in EmbeddedData.Lines("communes.tsv.gz"))
        {
            // INSEE, name, c(ommune)/a(rrondissement), département, postal codes, population, latitude, longitude.
            var row = line.AsSpan();
            if (row.Split(fields, '\t') < 8)
            {
                continue;
            }

            var isArrondissement = row[fields[2]] is "a";
            var name = row[fields[1]].ToString();
            var departement = row[fields[3]].ToString();
            departement = departementCodes.TryAdd(departement, departement) ? departement : departementCodes[departement];
            communes.Add(new Commune(
                row[fields[0]].ToString(),
                name,
                isArrondissement ? name.Replace(" Arrondissement", string.Empty, StringComparison.Ordinal) : name,
                isArrondissement,
                departement,
                PostalCodes(row[fields[4]]),
                int.Parse(row[fields[5]], CultureInfo.InvariantCulture),
                double.Parse(row[fields[6]], CultureInfo.InvariantCulture),
                double.Parse(row[fields[7]], CultureInfo.InvariantCulture)));
        }

        var departements = EmbeddedData.Rows("departements.tsv.gz").Select(r => (r[0], r[1]));
        var regions = EmbeddedData.Rows("regions.tsv.gz").Select(r => new RegionRow(r[0], r[1], r[2], r[3].Split('|', StringSplitOptions.RemoveEmptyEntries), r[4].Split(' ', StringSplitOptions.RemoveEmptyEntries), r[5]));
        var colloquial = EmbeddedData.Rows("colloquial.tsv.gz").Select(r => (r[0], r[1]));
        return new PlaceResolver(communes, departements, regions, colloquial);
    }

    private static string[] PostalCodes(ReadOnlySpan<char> field) =>
        field.Contains(' ') ? field.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
        : field.IsEmpty ? [] : [field.ToString()];

    public Commune? FindByInsee(string insee) => _byInsee.GetValueOrDefault(insee);

    /// <summary>The place named by the whole of <paramref name="text"/>, or null.</summary>
    public Place? Resolve(string? text)
    {
        var tokens = PlaceKey.Tokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var key = string.Join(' ', tokens);
        if (tokens.Count == 1 && key.Length == 5 && key.All(char.IsAsciiDigit))
        {
            return _byPostalCode.TryGetValue(key, out var byPostal) ? Place.Of(byPostal[0]) : null;
        }

        if (tokens.Count == 1 && Departement(key) is { } departement)
        {
            return departement;
        }

        if (tokens.Count >= 2 && tokens[0] is "region" && Resolve(string.Join(' ', tokens.Skip(1))) is { IsArea: true } named)
        {
            return named; // "région Bretagne"
        }

        if (Area(key) is { } area)
        {
            return area;
        }

        if (_colloquial.TryGetValue(key, out var usual))
        {
            return Place.Of(usual);
        }

        // "paris16", "lyon3e": the arrondissement glued to the city.
        if (tokens.Count == 1 && GluedNumber().Match(key) is { Success: true } glued)
        {
            return Resolve(glued.Groups[1].Value + " " + glued.Groups[2].Value);
        }

        if (_byName.TryGetValue(key, out var communes))
        {
            return Place.Of(CityMeant(key, communes[0]));
        }

        // "Saint-Denis 93", "Valence (26)": a homonym narrowed by its département.
        if (tokens.Count >= 2 && DepartementCode(tokens[^1]) is { } code
            && _byName.TryGetValue(string.Join(' ', tokens.Take(tokens.Count - 1)), out var homonyms))
        {
            var inDepartement = homonyms.FirstOrDefault(c => c.Departement == code);
            return inDepartement is null ? null : Place.Of(inDepartement);
        }

        return tokens.Count >= 2 ? PostalCodeBeside(tokens) : null;
    }

    /// <summary>"06000 Nice", "Nice 06000": the commune of that postal code with that name.</summary>
    private Place? PostalCodeBeside(List<string> tokens)
    {
        var (code, name) = IsPostalCode(tokens[0]) ? (tokens[0], string.Join(' ', tokens.Skip(1)))
            : IsPostalCode(tokens[^1]) ? (tokens[^1], string.Join(' ', tokens.Take(tokens.Count - 1)))
            : (null, string.Empty);
        if (code is null || !_byPostalCode.TryGetValue(code, out var communes))
        {
            return null;
        }

        var named = communes.FirstOrDefault(c => PlaceKey.Normalize(c.ShortName) == name) ?? communes.FirstOrDefault(c => PlaceKey.Normalize(c.Name).StartsWith(name, StringComparison.Ordinal));
        return named is null ? null : Place.Of(named);
    }

    private static bool IsPostalCode(string token) => token.Length == 5 && token.All(char.IsAsciiDigit);

    /// <summary>
    /// Like <see cref="Resolve"/>, forgiving one typo (two in long names) in the name of a commune of at
    /// least 20,000 inhabitants ("Lyonn", "Marseile"): used only where the words must be a place.
    /// </summary>
    public Place? ResolveTolerant(string? text)
    {
        if (Resolve(text) is { } exact)
        {
            return exact;
        }

        var key = PlaceKey.Normalize(text);
        if (key.Length < 4 || key.Any(char.IsAsciiDigit))
        {
            return null;
        }

        // A real commune whose name starts with the words typed ("Roissy" -> Roissy-en-Brie) beats a typo fix.
        if (StartingWith(key) is { } prefixed)
        {
            return Place.Of(prefixed);
        }

        var max = key.Length >= 9 ? 2 : 1;
        Commune? best = null;
        var bestDistance = max + 1;
        foreach (var commune in _extras.Value.Large)
        {
            var distance = Jobs.JobKey.Distance(key, commune.Key, max);
            if (distance < bestDistance)
            {
                best = commune.Commune;
                bestDistance = distance;
            }
        }

        return best is null ? null : Place.Of(best);
    }

    /// <summary>The commune closest to a point (labels for API results), or null far from any.</summary>
    public Commune? Nearest(double latitude, double longitude)
    {
        var (row, column) = Cell(latitude, longitude);
        var grid = _extras.Value.Grid;
        Commune? best = null;
        var bestDistance = double.MaxValue;
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                if (!grid.TryGetValue((row + dr, column + dc), out var cell))
                {
                    continue;
                }

                foreach (var commune in cell)
                {
                    if (commune.Insee is "75056" or "69123" or "13055")
                    {
                        continue; // Their arrondissements name the spot better.
                    }

                    var distance = GeoMath.DistanceKm(latitude, longitude, commune.Latitude, commune.Longitude);
                    if (distance < bestDistance)
                    {
                        best = commune;
                        bestDistance = distance;
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The name keys a viewer may type for an arrondissement.</summary>
    private static IEnumerable<string> ArrondissementKeys(Commune commune)
    {
        // "Lyon 3e Arrondissement" -> "lyon 3e", "lyon 3"; "Paris 1er" -> "paris 1e", "paris 1".
        var tokens = PlaceKey.Tokens(commune.Name);
        var city = string.Join(' ', tokens.Take(tokens.Count - 1));
        var ordinal = tokens[^1];
        yield return city + " " + ordinal;
        yield return city + " " + ordinal.TrimEnd('e');
    }

    private Place? Departement(string key)
    {
        var code = DepartementCode(key);
        return code is not null && _departementByKey.TryGetValue(code.ToLowerInvariant(), out var dep) ? DepartementPlace(dep.Code, dep.Name) : null;
    }

    private string? DepartementCode(string token)
    {
        var code = token.Length == 1 && char.IsAsciiDigit(token[0]) ? "0" + token : token.ToUpperInvariant();
        return _departementCentre.ContainsKey(code) ? code : null;
    }

    private Place DepartementPlace(string code, string name)
    {
        var centre = _departementCentre[code];
        var (latitude, longitude, radius) = _extras.Value.DepartementArea[code];
        return new Place(PlaceKind.Departement, name, centre.Insee, code, latitude, longitude) { RadiusKm = radius, Departements = [code] };
    }

    [GeneratedRegex(@"^([a-z]{3,})(\d{1,2}e?)$")]
    private static partial Regex GluedNumber();

    /// <summary>The lists as arrays in the given order (a total order: INSEE codes are unique).</summary>
    private static Dictionary<string, Commune[]> Sorted(Dictionary<string, List<Commune>> lists, Comparison<Commune> order)
    {
        var sorted = new Dictionary<string, Commune[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            var array = list.ToArray();
            if (array.Length > 1)
            {
                Array.Sort(array, order);
            }

            sorted[key] = array;
        }

        return sorted;
    }

    private static void Add<TKey>(Dictionary<TKey, List<Commune>> index, TKey key, Commune commune)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(commune);
    }
}
