namespace LiveBot.Offers.Places;

/// <summary>
/// The tables only some lookups read: the extent of départements and regions, the grid of communes (labels
/// of API results), the large communes (typo fixes) and the sorted names (names typed in part). They are
/// built on the thread pool right after the load (<see cref="WarmUp"/>), or by the first lookup that needs
/// them, so the bot can answer sooner after it starts (issue 12: data loaded in &lt; 500 ms).
/// </summary>
public sealed partial class PlaceResolver
{
    private const double CellDegrees = 0.25;
    private readonly Lazy<Extras> _extras;

    /// <summary>Builds the tables that lookups by area, by coordinates or with a typo read.</summary>
    public void WarmUp() => _ = _extras.Value;

    private Extras BuildExtras(List<string> departementCodes, RegionRow[] regionRows)
    {
        var byDepartement = Communes.Where(c => !c.IsArrondissement).ToLookup(c => c.Departement, StringComparer.Ordinal);
        var departementArea = new Dictionary<string, (double, double, int)>(departementCodes.Count, StringComparer.Ordinal);
        foreach (var code in departementCodes)
        {
            departementArea[code] = Covering(byDepartement[code].ToList());
        }

        var grid = new Dictionary<(int, int), List<Commune>>();
        foreach (var commune in Communes)
        {
            Add(grid, Cell(commune.Latitude, commune.Longitude), commune);
        }

        var large = Communes.Where(c => !c.IsArrondissement && c.Population >= 20_000)
            .OrderByDescending(c => c.Population)
            .Select(c => (PlaceKey.Normalize(c.Name), c))
            .ToArray();
        string[] sortedNames = [.. _byName.Keys.Where(static k => !k.AsSpan().ContainsAnyInRange('0', '9'))];
        Array.Sort(sortedNames, StringComparer.Ordinal);
        var regions = Array.ConvertAll(regionRows, region => RegionPlace(region, byDepartement));
        return new Extras(departementArea, regions, grid, large, sortedNames);
    }

    /// <summary>
    /// The middle of a département's communes and the radius reaching 95 % of them, in tens of km (at most
    /// 200, the upstream limit): a département is searched as a whole, not around its largest town.
    /// </summary>
    private static (double, double, int) Covering(List<Commune> communes)
    {
        var latitude = communes.Average(c => c.Latitude);
        var longitude = communes.Average(c => c.Longitude);
        var distances = communes.Select(c => GeoMath.DistanceKm(latitude, longitude, c.Latitude, c.Longitude)).Order().ToList();
        var reach = distances[Math.Min(distances.Count - 1, (int)(distances.Count * 0.95))];
        return (latitude, longitude, Math.Clamp((int)Math.Ceiling(reach / 10) * 10, 10, 200));
    }

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));

    /// <param name="DepartementArea">Each département's centre and covering radius.</param>
    /// <param name="Regions">The regions as places, in the order of the table.</param>
    /// <param name="Grid">Communes by cell of <see cref="CellDegrees"/>.</param>
    /// <param name="Large">Communes of at least 20,000 inhabitants, most populous first, with their key.</param>
    /// <param name="SortedNames">Name keys without digits, in ordinal order.</param>
    private sealed record Extras(
        Dictionary<string, (double Latitude, double Longitude, int RadiusKm)> DepartementArea,
        Place[] Regions,
        Dictionary<(int, int), List<Commune>> Grid,
        (string Key, Commune Commune)[] Large,
        string[] SortedNames);
}
