using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Sources;

/// <summary>
/// The embedded demo catalogue: fictitious offers and companies spread over real communes (weighted by
/// population) and real ROME codes (weighted towards common apprenticeships), generated deterministically
/// from a seed. Indexed per main ROME code, sorted by latitude, so a search reads only a band of items.
/// </summary>
public sealed class DemoCatalogue
{
    /// <summary>Main ROME codes that get most apprenticeship offers (the rest get a few).</summary>
    private static readonly string[] Common =
    [
        "D1102", "D1104", "D1101", "D1103", "D1106", "D1214", "D1211", "D1212", "D1202", "D1208", "D1209", "D1403",
        "D1402", "D1407", "D1401", "D1507", "D1505", "D1502", "G1602", "G1601", "G1803", "G1603", "G1801",
        "M1203", "M1607", "M1602", "M1604", "M1805", "M1810", "M1801", "M1501", "M1502", "M1705", "E1103",
        "E1101", "I1604", "I1606", "I1607", "I1304", "I1310", "F1703", "F1602", "F1603", "F1606", "F1607",
        "H2206", "H2913", "N1103", "N1105", "N4101", "J1307", "K1303", "J1304", "A1203",
    ];

    private static readonly string[] Families =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
        "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
        "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin",
        "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Diallo",
        "Benali", "Nguyen", "Haddad", "Traoré", "Da Silva", "Cohen", "Kaya",
    ];

    private readonly Dictionary<string, Bucket> _offers;
    private readonly Dictionary<string, Bucket> _companies;
    private readonly IReadOnlyList<Commune> _communes;
    private readonly Dictionary<string, RomeJob[]> _titles;

    public DemoCatalogue(PlaceResolver places, JobCatalog jobs, int offers, int companies, int seed)
    {
        _communes = places.Communes.Where(c => c.Insee is not ("75056" or "69123" or "13055")).ToList();
        _titles = jobs.Jobs.GroupBy(j => j.Parent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var mainCodes = jobs.MainCodes.ToArray();
        var common = new HashSet<string>(Common.Where(_titles.ContainsKey), StringComparer.Ordinal);
        var codeWeights = mainCodes.Select(c => common.Contains(c) ? 40.0 : 1.0).ToArray();
        var communeWeights = _communes.Select(c => (double)Math.Max(c.Population, 1)).ToArray();
        var random = new SplitMix(seed);
        _offers = Generate(offers, mainCodes, Cumulative(codeWeights), Cumulative(communeWeights), random);
        _companies = Generate(companies, mainCodes, Cumulative(codeWeights), Cumulative(communeWeights), random);
        OfferCount = offers;
        CompanyCount = companies;
    }

    public int OfferCount { get; }

    public int CompanyCount { get; }

    /// <summary>The nearest items (then newest) within the radius, and how many there are in all.</summary>
    public OfferResults Search(OfferQuery query, DateTimeOffset now)
    {
        var buckets = query.Kind == OfferKind.Offers ? _offers : _companies;
        var lat0 = query.Place.Latitude;
        var lon0 = query.Place.Longitude;
        var radius = (double)query.RadiusKm;
        var dLat = radius / GeoMath.KmPerDegree;
        var cosLat = Math.Cos(GeoMath.ToRadians(lat0));
        var r2 = radius * radius;
        var max = Math.Max(1, query.MaxResults);
        var top = new List<(double D2, int Days, string Code, int Index)>(max + 1);
        var total = 0;
        foreach (var code in query.Codes.Distinct(StringComparer.Ordinal))
        {
            if (!buckets.TryGetValue(code, out var bucket))
            {
                continue;
            }

            var lats = bucket.Latitudes;
            var start = LowerBound(lats, (float)(lat0 - dLat));
            var end = (float)(lat0 + dLat);
            for (var i = start; i < lats.Length && lats[i] <= end; i++)
            {
                var dy = (lats[i] - lat0) * GeoMath.KmPerDegree;
                var dx = (bucket.Longitudes[i] - lon0) * GeoMath.KmPerDegree * cosLat;
                var d2 = (dx * dx) + (dy * dy);
                if (d2 > r2)
                {
                    continue;
                }

                total++;
                var days = bucket.DaysAgo[i];
                if (top.Count == max && (d2 > top[^1].D2 || (d2 == top[^1].D2 && days >= top[^1].Days)))
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && (top[at - 1].D2 > d2 || (top[at - 1].D2 == d2 && top[at - 1].Days > days)))
                {
                    at--;
                }

                top.Insert(at, (d2, days, code, i));
                if (top.Count > max)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }
        }

        var items = top.Select(t => Item(query, buckets[t.Code], t.Code, t.Index, now)).ToList();
        return new OfferResults(items, total);
    }

    private OfferItem Item(OfferQuery query, Bucket bucket, string code, int i, DateTimeOffset now)
    {
        var commune = _communes[bucket.Communes[i]];
        var distance = GeoMath.DistanceKm(query.Place.Latitude, query.Place.Longitude, bucket.Latitudes[i], bucket.Longitudes[i]);
        var seed = bucket.Seeds[i];
        var company = CompanyName(code, seed, commune);
        if (query.Kind == OfferKind.Companies)
        {
            return new OfferItem(company, null, commune.ShortName, distance, null, null);
        }

        var titles = _titles[code];
        var title = titles[(int)(seed % (uint)titles.Length)].CompactLabel;
        return new OfferItem(title, company, commune.ShortName, distance, now.AddDays(-bucket.DaysAgo[i]), null);
    }

    private static string CompanyName(string code, uint seed, Commune commune)
    {
        var kinds = Kinds(code);
        var kind = kinds[(int)(seed % (uint)kinds.Length)];
        var family = Families[(int)(seed / 7 % (uint)Families.Length)];
        return (seed / 401 % 3) switch
        {
            0 => $"{kind} {family}",
            1 => $"{kind} {PlacePhrase.Of(City(commune))}",
            _ => $"{kind} {family} & associés",
        };
    }

    /// <summary>"Lyon 3e" -> "Lyon": company names use the city.</summary>
    private static string City(Commune commune) =>
        commune.IsArrondissement ? commune.ShortName[..commune.ShortName.LastIndexOf(' ')] : commune.ShortName;

    private static string[] Kinds(string code) => code switch
    {
        "D1101" => ["Boucherie", "Maison"],
        "D1102" => ["Boulangerie", "Fournil", "Maison"],
        "D1103" => ["Charcuterie", "Traiteur"],
        "D1104" => ["Pâtisserie", "Maison"],
        "D1202" => ["Salon de coiffure", "Coiffure", "Atelier"],
        "D1208" => ["Institut", "Spa"],
        _ => KindsByFamily(code),
    };

    private static string[] KindsByFamily(string code) => code[..3] switch
    {
        "D11" => ["Épicerie", "Maison", "Halles"],
        "D12" => ["Salon", "Boutique", "Atelier"],
        "D14" or "D15" => ["Magasin", "Comptoir", "Distribution"],
        "G16" or "G18" => ["Restaurant", "Brasserie", "Bistrot", "Hôtel"],
        "M18" => ["Studio numérique", "Solutions", "Tech"],
        "M12" or "M15" or "M16" or "M17" => ["Cabinet", "Conseil", "Groupe"],
        "I16" => ["Garage", "Carrosserie", "Auto"],
        _ => code[0] switch
        {
            'A' => ["Domaine", "Ferme", "Paysages"],
            'F' => ["Bâtiment", "Constructions", "Entreprise"],
            'H' => ["Ateliers", "Industries", "Usinage"],
            'J' => ["Pharmacie", "Clinique", "Cabinet"],
            'K' => ["Association", "Centre", "Maison"],
            'N' => ["Transports", "Logistique", "Express"],
            'E' or 'L' => ["Studio", "Agence", "Compagnie"],
            _ => ["Entreprise", "Société", "Atelier"],
        },
    };

    private Dictionary<string, Bucket> Generate(int count, string[] codes, double[] codeCdf, double[] communeCdf, SplitMix random)
    {
        var perCode = new Dictionary<string, List<Raw>>(StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var code = codes[Pick(codeCdf, random.NextDouble())];
            var communeIndex = Pick(communeCdf, random.NextDouble());
            var commune = _communes[communeIndex];
            var lat = commune.Latitude + ((random.NextDouble() - 0.5) * 0.02);
            var lon = commune.Longitude + ((random.NextDouble() - 0.5) * 0.03);
            var days = (byte)(random.NextUInt() % 60);
            if (!perCode.TryGetValue(code, out var list))
            {
                list = [];
                perCode[code] = list;
            }

            list.Add(new Raw((float)lat, (float)lon, communeIndex, random.NextUInt(), days));
        }

        var buckets = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        foreach (var (code, list) in perCode)
        {
            list.Sort((a, b) => a.Lat.CompareTo(b.Lat));
            buckets[code] = new Bucket(
                list.Select(r => r.Lat).ToArray(),
                list.Select(r => r.Lon).ToArray(),
                list.Select(r => r.Commune).ToArray(),
                list.Select(r => r.Seed).ToArray(),
                list.Select(r => r.Days).ToArray());
        }

        return buckets;
    }

    private static double[] Cumulative(double[] weights)
    {
        var cdf = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cdf[i] = sum;
        }

        for (var i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= sum;
        }

        return cdf;
    }

    private static int Pick(double[] cdf, double u)
    {
        var index = Array.BinarySearch(cdf, u);
        return Math.Min(index < 0 ? ~index : index, cdf.Length - 1);
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

    private readonly record struct Raw(float Lat, float Lon, int Commune, uint Seed, byte Days);

    private sealed record Bucket(float[] Latitudes, float[] Longitudes, int[] Communes, uint[] Seeds, byte[] DaysAgo);

    /// <summary>SplitMix64: the same sequence on every runtime, unlike System.Random.</summary>
    private sealed class SplitMix(int seed)
    {
        private ulong _state = (ulong)seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public uint NextUInt() => (uint)(Next() >> 32);

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
