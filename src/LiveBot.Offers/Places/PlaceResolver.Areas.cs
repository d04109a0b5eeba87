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
    private readonly Dictionary<string, Place> _regionByKey = new(StringComparer.Ordinal);

    /// <summary>The regions, by label.</summary>
    public IEnumerable<Place> Regions => _regionByKey.Values.Distinct();

    private void AddRegions(IEnumerable<RegionRow> regions, ILookup<string, Commune> byDepartement)
    {
        foreach (var region in regions)
        {
            var communes = region.Departements.SelectMany(d => byDepartement[d]).ToList();
            if (communes.Count == 0)
            {
                continue;
            }

            var (latitude, longitude, radius) = Covering(communes);
            var largest = communes.MaxBy(c => c.Population)!;
            var place = new Place(PlaceKind.Region, region.Name, largest.Insee, string.Empty, latitude, longitude)
            {
                RadiusKm = radius,
                Departements = region.Departements,
                RegionCode = region.Parent,
                InPhrase = region.In,
            };
            foreach (var name in region.Names.Prepend(region.Name))
            {
                var key = PlaceKey.Normalize(name);
                _regionByKey.TryAdd(key, place);
                foreach (var article in new[] { "la ", "le ", "les ", "l " })
                {
                    if (key.StartsWith(article, StringComparison.Ordinal))
                    {
                        _regionByKey.TryAdd(key[article.Length..], place);
                    }
                }
            }

            if (region.Code == "94")
            {
                _regionByKey.TryAdd("20", place); // Corsica's old département number.
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

        return _regionByKey.GetValueOrDefault(key);
    }

    /// <summary>The most populous commune whose name starts with the words of <paramref name="key"/> ("roissy" -> "roissy en brie").</summary>
    private Commune? StartingWith(string key)
    {
        var prefix = key + " ";
        var index = Array.BinarySearch(_sortedNames, prefix, StringComparer.Ordinal);
        Commune? best = null;
        for (var i = index < 0 ? ~index : index; i < _sortedNames.Length && _sortedNames[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var candidate = _byName[_sortedNames[i]][0];
            if (!candidate.IsArrondissement && (best is null || candidate.Population > best.Population))
            {
                best = candidate;
            }
        }

        return best;
    }
}
