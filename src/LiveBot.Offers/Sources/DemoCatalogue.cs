using LiveBot.Offers.Index;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Sources;

/// <summary>
/// The embedded demo catalogue: fictitious offers and companies spread over real communes (weighted by
/// population) and real ROME codes (weighted towards common apprenticeships), generated deterministically
/// from a seed, as <see cref="OfferRecord"/>s in the same <see cref="OfferIndex"/> as the mirror of API
/// Alternance's export, so the demo exercises the real search.
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

    private readonly IReadOnlyList<Commune> _communes;
    private readonly Dictionary<string, RomeJob[]> _titles;

    /// <summary>Builds the catalogue; <paramref name="now"/> dates the offers (published within the 60 days before).</summary>
    public DemoCatalogue(PlaceResolver places, JobCatalog jobs, int offers, int companies, int seed, DateTimeOffset now, IEnumerable<OfferRecord>? extra = null)
        : this(places, jobs)
    {
        var builder = new OfferIndexBuilder(places, jobs);
        foreach (var record in Generate(offers, companies, seed, now).Concat(extra ?? []))
        {
            builder.Add(record);
        }

        Index = builder.Build();
    }

    private DemoCatalogue(PlaceResolver places, JobCatalog jobs)
    {
        _communes = places.Communes.Where(c => c.Insee is not ("75056" or "69123" or "13055")).ToList();
        _titles = jobs.Jobs.GroupBy(j => j.Parent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        MainCodes = jobs.MainCodes.ToArray();
        Index = OfferIndex.Empty;
    }

    /// <summary>The catalogue in the one index every source searches.</summary>
    public OfferIndex Index { get; }

    public int OfferCount => Index.OfferCount;

    public int CompanyCount => Index.CompanyCount;

    /// <summary>The nearest items (then newest) within the radius, and how many there are in all.</summary>
    public OfferResults Search(OfferQuery query, DateTimeOffset now) => Index.Search(query, now);

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

    private string[] MainCodes { get; }

    /// <summary>
    /// The demo's records, in the model the export reader produces (the commune is found from the postal
    /// code and coordinates, as for an export item): offers first, then companies.
    /// </summary>
    public static IEnumerable<OfferRecord> Records(PlaceResolver places, JobCatalog jobs, int offers, int companies, int seed, DateTimeOffset now) =>
        new DemoCatalogue(places, jobs).Generate(offers, companies, seed, now);

    private IEnumerable<OfferRecord> Generate(int offers, int companies, int seed, DateTimeOffset now)
    {
        var common = new HashSet<string>(Common.Where(_titles.ContainsKey), StringComparer.Ordinal);
        var codeCdf = Cumulative(MainCodes.Select(c => common.Contains(c) ? 40.0 : 1.0).ToArray());
        var communeCdf = Cumulative(_communes.Select(c => (double)Math.Max(c.Population, 1)).ToArray());
        var random = new SplitMix(seed);
        for (var n = 0; n < offers + companies; n++)
        {
            var kind = n < offers ? OfferKind.Offers : OfferKind.Companies;
            var code = MainCodes[Pick(codeCdf, random.NextDouble())];
            var commune = _communes[Pick(communeCdf, random.NextDouble())];
            var lat = commune.Latitude + ((random.NextDouble() - 0.5) * 0.02);
            var lon = commune.Longitude + ((random.NextDouble() - 0.5) * 0.03);
            var days = (int)(random.NextUInt() % 60);
            var seedOfItem = random.NextUInt();
            var company = CompanyName(code, seedOfItem, commune);
            var postal = commune.PostalCodes.FirstOrDefault();
            yield return kind == OfferKind.Companies
                ? new OfferRecord(kind, company, null, [code], lat, lon, null, postal, 0, null, null, null)
                : new OfferRecord(kind, Title(code, seedOfItem), company, [code], lat, lon, null, postal, DiplomaLevels.Min + (int)(seedOfItem / 13 % 5), now.AddDays(-days), null, null);
        }
    }

    private string Title(string code, uint seed)
    {
        var titles = _titles[code];
        return titles[(int)(seed % (uint)titles.Length)].CompactLabel;
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
