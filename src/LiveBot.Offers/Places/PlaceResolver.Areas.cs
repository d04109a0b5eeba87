namespace LiveBot.Offers.Places;

/// <summary>A region of the embedded table: the 18 regions and the former ones people still name.</summary>
/// <param name="Code">INSEE code, or "x" + name for a former region.</param>
/// <param name="In">"en Bretagne", "dans les Hauts-de-France".</param>
/// <param name="Names">Other names people use (IDF, PACA, Sud...).</param>
/// <param name="Parent">The INSEE code of the region it is (part of) today.</param>
public sealed record RegionRow(string Code, string Name, string In, string[] Names, string[] Departements, string Parent);

/// <summary>Areas (départements and regions by name) and communes named by the start of their name.</summary>
public sealed partial class PlaceResolver
{
    private static readonly string[] Articles = ["la ", "le ", "les ", "l "];

    /// <summary>A region's names (and their forms without an article) -> its index in <see cref="Extras.Regions"/>.</summary>
    private readonly Dictionary<string, int> _regionByKey = new(StringComparer.Ordinal);

    /// <summary>The regions, by label.</summary>
    public IEnumerable<Place> Regions => _extras.Value.Regions;

    private void AddRegionNames(RegionRow[] regions)
    {
        for (var index = 0; index < regions.Length; index++)
        {
            var region = regions[index];
            foreach (var name in region.Names.Prepend(region.Name))
            {
                AddWithoutArticle(_regionByKey, PlaceKey.Normalize(name), index);
            }

            if (region.Code == "94")
            {
                _regionByKey.TryAdd("20", index); // Corsica's old département number.
            }
        }
    }

    /// <summary>A region as a place: the middle of its communes, the radius covering them, its largest commune.</summary>
    private static Place RegionPlace(RegionRow region, ILookup<string, Commune> byDepartement)
    {
        var communes = region.Departements.SelectMany(d => byDepartement[d]).ToList();
        var (latitude, longitude, radius) = Covering(communes);
        var largest = communes.MaxBy(c => c.Population)!;
        return new Place(PlaceKind.Region, region.Name, largest.Insee, string.Empty, latitude, longitude)
        {
            RadiusKm = radius,
            Departements = region.Departements,
            RegionCode = region.Parent,
            InPhrase = region.In,
        };
    }

    /// <summary>The key, and the key without its leading article ("la reunion" -> "reunion"); the first one added wins.</summary>
    private static void AddWithoutArticle<T>(Dictionary<string, T> index, string key, T value)
    {
        index.TryAdd(key, value);
        foreach (var article in Articles)
        {
            if (key.StartsWith(article, StringComparison.Ordinal))
            {
                index.TryAdd(key[article.Length..], value);
            }
        }
    }

    /// <summary>
    /// A département or a region named by <paramref name="key"/>: it wins over a commune of the same name
    /// (Bretagne, Vienne), except the département's own largest town (Paris). "Bretagne 90" says the commune.
    /// </summary>
    private Place? Area(string key)
    {
        if (_departementByKey.TryGetValue(key, out var dep) && !key.Any(char.IsAsciiDigit))
        {
            if (_byName.TryGetValue(key, out var same) && same[0].Insee == _departementCentre[dep.Code].Insee)
            {
                return null;
            }

            return DepartementPlace(dep.Code, dep.Name);
        }

        return _regionByKey.TryGetValue(key, out var region) ? _extras.Value.Regions[region] : null;
    }

    /// <summary>
    /// "Clermont", "Aix", "Aulnay", "Évry": a commune of exactly that name loses to a town of at least 50,000
    /// inhabitants, ten times larger, whose name starts with it: the one people mean (Clermont-Ferrand).
    /// </summary>
    private Commune CityMeant(string key, Commune named) =>
        StartingWith(key) is { Population: >= 50_000 } city && city.Population >= 10 * named.Population ? city : named;

    /// <summary>The most populous commune whose name starts with the words of <paramref name="key"/> ("roissy" -> "roissy en brie").</summary>
    private Commune? StartingWith(string key)
    {
        var prefix = key + " ";
        var sortedNames = _extras.Value.SortedNames;
        var index = Array.BinarySearch(sortedNames, prefix, StringComparer.Ordinal);
        Commune? best = null;
        for (var i = index < 0 ? ~index : index; i < sortedNames.Length && sortedNames[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var candidate = _byName[sortedNames[i]][0];
            if (!candidate.IsArrondissement && (best is null || candidate.Population > best.Population))
            {
                best = candidate;
            }
        }

        return best;
    }
}
