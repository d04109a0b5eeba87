using System.Runtime.CompilerServices;
using System.Text;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Index;

/// <summary>
/// Collects records (from the export reader, the demo catalogue or a search answer) into the compact
/// columns of an <see cref="OfferIndex"/>: a few numbers per item, texts as UTF-8 in one block, and per
/// main ROME code the items sorted by latitude. Each item gets its commune: the one the source names, else
/// the nearest commune of its postal code, else the nearest commune (a guess, kept apart as -2 - id: the
/// strict area filter then asks the département outlines).
/// </summary>
public sealed class OfferIndexBuilder(PlaceResolver places, JobCatalog jobs)
{
    /// <summary>Refuses more items than this (a runaway file), with <see cref="InvalidDataException"/>.</summary>
    public const int MaxItems = 4_000_000;

    private static readonly ConditionalWeakTable<PlaceResolver, Dictionary<string, Commune[]>> PostalTables = [];

    private readonly Dictionary<string, Commune[]> _byPostal = PostalTables.GetValue(places, BuildPostalTable);
    private readonly Dictionary<string, int> _communeIds = new(StringComparer.Ordinal);
    private readonly List<Commune> _communes = [];
    private readonly PartBuilder _offers = new();
    private readonly PartBuilder _companies = new();

    public int Count => _offers.Count + _companies.Count;

    public void Add(OfferRecord record)
    {
        if (Count >= MaxItems)
        {
            throw new InvalidDataException($"more than {MaxItems} items");
        }

        var codes = new List<string>(record.RomeCodes.Count);
        foreach (var code in record.RomeCodes)
        {
            var main = jobs.Find(code)?.Parent ?? code;
            if (!codes.Contains(main))
            {
                codes.Add(main);
            }
        }

        var postal = record.PostalCode is { Length: 5 } text && int.TryParse(text, out var number) ? number : 0;
        var commune = Locate(record, postal);
        var part = record.Kind == OfferKind.Offers ? _offers : _companies;
        part.Add(record, codes, commune, postal);
    }

    public OfferIndex Build() =>
        new([.. _communes], _offers.Build(), _companies.Build());

    private int Locate(OfferRecord record, int postal)
    {
        Commune? commune = record.Insee is { } insee ? places.FindByInsee(insee) : null;
        if (commune is null && postal != 0 && _byPostal.TryGetValue(record.PostalCode!, out var candidates))
        {
            var best = candidates.MinBy(c => GeoMath.DistanceKm(record.Latitude, record.Longitude, c.Latitude, c.Longitude))!;
            commune = GeoMath.DistanceKm(record.Latitude, record.Longitude, best.Latitude, best.Longitude) < 40 ? best : null;
        }

        var guessed = commune is null;
        commune ??= places.Nearest(record.Latitude, record.Longitude);
        if (commune is null)
        {
            return -1;
        }

        if (!_communeIds.TryGetValue(commune.Insee, out var id))
        {
            id = _communes.Count;
            _communes.Add(commune);
            _communeIds[commune.Insee] = id;
        }

        // A commune guessed from the coordinates is shown, but the area filter asks the outlines (-2 - id).
        return guessed ? -2 - id : id;
    }

    private static Dictionary<string, Commune[]> BuildPostalTable(PlaceResolver places) =>
        places.Communes
            .Where(c => c.Insee is not ("75056" or "69123" or "13055"))
            .SelectMany(c => c.PostalCodes.Select(p => (Postal: p, Commune: c)))
            .GroupBy(p => p.Postal, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Commune).ToArray(), StringComparer.Ordinal);

    private sealed class PartBuilder
    {
        private readonly List<float> _lat = [];
        private readonly List<float> _lon = [];
        private readonly List<int> _commune = [];
        private readonly List<int> _postal = [];
        private readonly List<byte> _diploma = [];
        private readonly List<int> _published = [];
        private readonly List<int> _expires = [];
        private readonly List<int> _title = [];
        private readonly List<int> _company = [];
        private readonly List<int> _url = [];
        private readonly Dictionary<string, List<int>> _buckets = new(StringComparer.Ordinal);
        private byte[] _blob = new byte[4096];
        private int _blobLength;

        public int Count => _lat.Count;

        public void Add(OfferRecord record, List<string> codes, int commune, int postal)
        {
            var id = _lat.Count;
            _lat.Add((float)record.Latitude);
            _lon.Add((float)record.Longitude);
            _commune.Add(commune);
            _postal.Add(postal);
            _diploma.Add((byte)Math.Clamp(record.DiplomaLevel, 0, DiplomaLevels.Max));
            _published.Add(OfferIndex.Minutes(record.Published));
            _expires.Add(OfferIndex.Minutes(record.Expires));
            _title.Add(Text(record.Title));
            _company.Add(Text(record.Company));
            _url.Add(Text(record.Url));
            foreach (var code in codes)
            {
                if (!_buckets.TryGetValue(code, out var bucket))
                {
                    bucket = [];
                    _buckets[code] = bucket;
                }

                bucket.Add(id);
            }
        }

        public OfferIndex.Part Build()
        {
            var lat = _lat.ToArray();
            var buckets = new Dictionary<string, OfferIndex.Bucket>(_buckets.Count, StringComparer.Ordinal);
            foreach (var (code, list) in _buckets)
            {
                buckets[code] = OfferIndex.Bucket.Of(list.ToArray(), lat);
            }

            return new OfferIndex.Part(
                lat,
                _lon.ToArray(),
                _commune.ToArray(),
                _postal.ToArray(),
                _diploma.ToArray(),
                _published.ToArray(),
                _expires.ToArray(),
                _title.ToArray(),
                _company.ToArray(),
                _url.ToArray(),
                _blob.AsSpan(0, _blobLength).ToArray(),
                buckets);
        }

        /// <summary>Appends a text (varint length, UTF-8) and returns where it starts; -1 for null.</summary>
        private int Text(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            var length = Encoding.UTF8.GetByteCount(text);
            var needed = _blobLength + length + 5;
            if (needed > _blob.Length)
            {
                if (needed > Array.MaxLength / 2)
                {
                    throw new InvalidDataException("texts too large");
                }

                Array.Resize(ref _blob, Math.Max(needed, _blob.Length * 2));
            }

            var start = _blobLength;
            var value = (uint)length;
            while (value >= 0x80)
            {
                _blob[_blobLength++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _blob[_blobLength++] = (byte)value;
            _blobLength += Encoding.UTF8.GetBytes(text, _blob.AsSpan(_blobLength));
            return start;
        }
    }
}
