using System.Text;
using LiveBot.Offers.Places;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Index;

/// <summary>
/// The one search engine behind !offres and !entreprises, for the demo catalogue, the mirror of API
/// Alternance's export and each live search answer: per kind and main ROME code, items sorted by
/// latitude, so a search reads only a band of items around the place. Immutable: a new export builds a
/// new index, swapped in whole.
/// </summary>
public sealed class OfferIndex
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal OfferIndex(Commune?[] communes, Part offers, Part companies)
    {
        Communes = communes;
        Offers = offers;
        Companies = companies;
    }

    public static OfferIndex Empty { get; } = new([], Part.Empty, Part.Empty);

    /// <summary>Offers and companies.</summary>
    public int Count => OfferCount + CompanyCount;

    public int OfferCount => Offers.Count;

    public int CompanyCount => Companies.Count;

    internal Commune?[] Communes { get; }

    internal Part Offers { get; }

    internal Part Companies { get; }

    /// <summary>
    /// The nearest items (then newest) within the radius that pass the query's filters, and how many there
    /// are in all. Expired offers are left out.
    /// </summary>
    public OfferResults Search(OfferQuery query, DateTimeOffset now)
    {
        var part = query.Kind == OfferKind.Offers ? Offers : Companies;
        var lat0 = query.Place.Latitude;
        var lon0 = query.Place.Longitude;
        var radius = (double)query.RadiusKm;
        var dLat = radius / GeoMath.KmPerDegree;
        var cosLat = Math.Cos(GeoMath.ToRadians(lat0));
        var r2 = radius * radius;
        var max = Math.Max(1, query.MaxResults);
        var nowMinutes = Minutes(now);
        var diploma = query.Kind == OfferKind.Offers ? query.DiplomaLevel : null;
        var codes = query.Codes.Distinct(StringComparer.Ordinal).ToList();
        var seen = codes.Count > 1 ? new HashSet<int>() : null;

        // A département or a region is searched strictly: only items inside (by commune, else by outline).
        var departements = query.Place is { IsArea: true, Departements.Count: > 0 } area ? area.Departements : null;
        var top = new List<(double D2, int Published, int Id)>(max + 1);
        var total = 0;
        foreach (var code in codes)
        {
            if (!part.Buckets.TryGetValue(code, out var bucket))
            {
                continue;
            }

            var lats = bucket.Latitudes;
            var ids = bucket.Ids;
            var end = (float)(lat0 + dLat);
            for (var i = LowerBound(lats, (float)(lat0 - dLat)); i < lats.Length && lats[i] <= end; i++)
            {
                var id = ids[i];
                var dy = (lats[i] - lat0) * GeoMath.KmPerDegree;
                var dx = (part.Longitudes[id] - lon0) * GeoMath.KmPerDegree * cosLat;
                var d2 = (dx * dx) + (dy * dy);
                if (d2 > r2
                    || (part.Expires[id] != 0 && part.Expires[id] <= nowMinutes)
                    || (diploma is { } level && part.Diplomas[id] != 0 && part.Diplomas[id] != level)
                    || (departements is not null && !Inside(part, id, departements))
                    || (query.Area is { } filter && !filter.Contains(Location(part, id)))
                    || (seen is not null && !seen.Add(id)))
                {
                    continue;
                }

                total++;
                var published = part.Published[id];
                if (top.Count == max && (d2 > top[^1].D2 || (d2 == top[^1].D2 && published <= top[^1].Published)))
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && (top[at - 1].D2 > d2 || (top[at - 1].D2 == d2 && top[at - 1].Published < published)))
                {
                    at--;
                }

                top.Insert(at, (d2, published, id));
                if (top.Count > max)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }
        }

        var items = top.Select(t => Item(query, part, t.Id)).ToList();
        return new OfferResults(items, total);
    }

    /// <summary>Minutes since 2000-01-01 UTC, 0 for unknown (what the columns keep).</summary>
    internal static int Minutes(DateTimeOffset? date) =>
        date is { } value ? (int)Math.Clamp((value - Epoch).TotalMinutes, 1, int.MaxValue) : 0;

    internal static DateTimeOffset? Date(int minutes) => minutes == 0 ? null : Epoch.AddMinutes(minutes);

    /// <summary>
    /// Whether the item lies in one of the départements: by its commune when the source named it (or its
    /// postal code did), else by its coordinates against the département outlines (loaded on first use).
    /// </summary>
    private bool Inside(Part part, int id, IReadOnlyList<string> departements)
    {
        if (part.Communes[id] is var c and >= 0)
        {
            return Communes[c] is { } commune && departements.Contains(commune.Departement, StringComparer.Ordinal);
        }

        var outlines = DepartementOutlines.Shared;
        foreach (var code in departements)
        {
            if (outlines.Contains(code, part.Latitudes[id], part.Longitudes[id]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The item's commune: known (id >= 0), guessed as the nearest to its coordinates (stored as -2 - id), or
    /// none (-1).
    /// </summary>
    private Commune? CommuneOf(Part part, int id) => part.Communes[id] switch
    {
        >= 0 and var c => Communes[c],
        < -1 and var g => Communes[-2 - g],
        _ => null,
    };

    private OfferLocation Location(Part part, int id)
    {
        var commune = CommuneOf(part, id);
        var departement = part.Communes[id] >= 0
            ? commune?.Departement
            : DepartementOutlines.Shared.DepartementAt(part.Latitudes[id], part.Longitudes[id]) ?? commune?.Departement;
        return new OfferLocation(part.Latitudes[id], part.Longitudes[id], commune?.Insee, departement, part.PostalCodes[id]);
    }

    private OfferItem Item(OfferQuery query, Part part, int id)
    {
        var lat = part.Latitudes[id];
        var lon = part.Longitudes[id];
        var commune = CommuneOf(part, id);
        var distance = GeoMath.DistanceKm(query.Place.Latitude, query.Place.Longitude, lat, lon);
        return new OfferItem(
            part.Text(part.Titles[id]) ?? string.Empty,
            part.Text(part.CompanyNames[id]),
            commune?.ShortName ?? string.Empty,
            distance,
            Date(part.Published[id]),
            part.Text(part.Urls[id]));
    }

    private static int LowerBound(float[] values, float value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Items of one kind as columns; texts are offsets into <see cref="Blob"/> (-1: none).</summary>
    internal sealed record Part(
        float[] Latitudes,
        float[] Longitudes,
        int[] Communes,
        int[] PostalCodes,
        byte[] Diplomas,
        int[] Published,
        int[] Expires,
        int[] Titles,
        int[] CompanyNames,
        int[] Urls,
        byte[] Blob,
        Dictionary<string, Bucket> Buckets)
    {
        public static Part Empty { get; } = new([], [], [], [], [], [], [], [], [], [], [], new Dictionary<string, Bucket>(StringComparer.Ordinal));

        public int Count => Latitudes.Length;

        public string? Text(int offset)
        {
            if (offset < 0)
            {
                return null;
            }

            var (length, start) = ReadLength(Blob, offset);
            return Encoding.UTF8.GetString(Blob, start, length);
        }

        /// <summary>The varint length at <paramref name="offset"/> and where the text starts.</summary>
        public static (int Length, int Start) ReadLength(byte[] blob, int offset)
        {
            var length = 0;
            var shift = 0;
            var at = offset;
            while (true)
            {
                var b = blob[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (length, at);
                }

                shift += 7;
                if (shift > 28)
                {
                    throw new InvalidDataException("bad text length");
                }
            }
        }
    }

    /// <summary>The items of one main ROME code, sorted by latitude.</summary>
    internal sealed record Bucket(int[] Ids, float[] Latitudes)
    {
        public static Bucket Of(int[] ids, float[] latitudes)
        {
            var keys = ids.Select(i => latitudes[i]).ToArray();
            Array.Sort(keys, ids);
            return new Bucket(ids, keys);
        }
    }
}
