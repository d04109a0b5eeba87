using System.IO.Compression;
using LiveBot.Core.Resources;

namespace LiveBot.Offers.Places;

/// <summary>
/// The outlines of the 101 départements (metropole and overseas), simplified to about 100 m and embedded
/// as integer micro-degrees (Data/departements.outlines.gz, built by tools/build_outlines.py). They place
/// an item whose commune is not known in its département, for the strict area filter. Loaded on first use
/// only, so the start-up load does not grow.
/// </summary>
public sealed class DepartementOutlines
{
    private const double Micro = 1e6;
    private static readonly Lazy<DepartementOutlines> SharedOutlines = new(LoadEmbedded);
    private readonly Dictionary<string, Outline> _byCode;

    private DepartementOutlines(Dictionary<string, Outline> byCode) => _byCode = byCode;

    /// <summary>The embedded outlines, read once per process on first use.</summary>
    public static DepartementOutlines Shared => SharedOutlines.Value;

    /// <summary>The codes of the départements that have an outline.</summary>
    public IEnumerable<string> Codes => _byCode.Keys;

    /// <summary>Whether the point lies inside département <paramref name="code"/> (false for an unknown code).</summary>
    public bool Contains(string code, double latitude, double longitude) =>
        _byCode.TryGetValue(code, out var outline) && outline.Contains(longitude * Micro, latitude * Micro);

    /// <summary>The département the point lies in, or null (at sea, abroad, or in a collectivity left out).</summary>
    public string? DepartementAt(double latitude, double longitude)
    {
        var x = longitude * Micro;
        var y = latitude * Micro;
        foreach (var (code, outline) in _byCode)
        {
            if (outline.Contains(x, y))
            {
                return code;
            }
        }

        return null;
    }

    internal static DepartementOutlines LoadEmbedded()
    {
        using var stream = EmbeddedResource.Open(typeof(DepartementOutlines).Assembly, "LiveBot.Offers.Data.departements.outlines.gz");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return Read(gzip);
    }

    /// <summary>Reads the format written by tools/build_outlines.py; a damaged file is an InvalidDataException.</summary>
    internal static DepartementOutlines Read(Stream stream)
    {
        using var reader = new BinaryReader(stream);
        try
        {
            if (reader.ReadUInt32() != 0x314F424C) // "LBO1"
            {
                throw new InvalidDataException("not a département outlines file");
            }

            var count = Bounded(reader.Read7BitEncodedInt(), 1_000);
            var byCode = new Dictionary<string, Outline>(count, StringComparer.Ordinal);
            for (var d = 0; d < count; d++)
            {
                var code = new string(reader.ReadChars(Bounded(reader.ReadByte(), 3)));
                var rings = new Ring[Bounded(reader.Read7BitEncodedInt(), 10_000)];
                for (var r = 0; r < rings.Length; r++)
                {
                    var points = new int[2 * Bounded(reader.Read7BitEncodedInt(), 1_000_000)];
                    int x = 0, y = 0;
                    for (var p = 0; p < points.Length; p += 2)
                    {
                        x += Unzigzag(reader.Read7BitEncodedInt());
                        y += Unzigzag(reader.Read7BitEncodedInt());
                        points[p] = x;
                        points[p + 1] = y;
                    }

                    rings[r] = new Ring(points);
                }

                byCode[code] = new Outline(rings);
            }

            return new DepartementOutlines(byCode);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("département outlines file cut short", e);
        }
    }

    private static int Bounded(int value, int max) =>
        value >= 0 && value <= max ? value : throw new InvalidDataException("département outlines file out of range");

    private static int Unzigzag(int value) => (int)((uint)value >> 1) ^ -(value & 1);

    /// <summary>A département: all its rings (islands and holes alike), tested with the even-odd rule.</summary>
    private sealed class Outline
    {
        private readonly Ring[] _rings;
        private readonly Box _box;

        public Outline(Ring[] rings)
        {
            _rings = rings;
            _box = rings.Length == 0 ? Box.None : rings.Select(r => r.Box).Aggregate(Box.Union);
        }

        public bool Contains(double x, double y)
        {
            if (!_box.Contains(x, y))
            {
                return false;
            }

            var inside = false;
            foreach (var ring in _rings)
            {
                if (ring.Box.Contains(x, y) && ring.Crossings(x, y))
                {
                    inside = !inside;
                }
            }

            return inside;
        }
    }

    /// <summary>One closed ring (the last point joins the first), points as x0,y0,x1,y1... micro-degrees.</summary>
    private sealed class Ring
    {
        private readonly int[] _points;

        public Ring(int[] points)
        {
            _points = points;
            var box = Box.None;
            for (var p = 0; p < points.Length; p += 2)
            {
                box = Box.Union(box, new Box(points[p], points[p + 1], points[p], points[p + 1]));
            }

            Box = box;
        }

        public Box Box { get; }

        /// <summary>Even-odd ray casting towards +x: true when the ray crosses the ring an odd number of times.</summary>
        public bool Crossings(double x, double y)
        {
            var odd = false;
            var n = _points.Length;
            double xj = _points[n - 2], yj = _points[n - 1];
            for (var i = 0; i < n; i += 2)
            {
                double xi = _points[i], yi = _points[i + 1];
                if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
                {
                    odd = !odd;
                }

                xj = xi;
                yj = yi;
            }

            return odd;
        }
    }

    private readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
    {
        public static Box None { get; } = new(double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);

        public static Box Union(Box a, Box b) =>
            new(Math.Min(a.MinX, b.MinX), Math.Min(a.MinY, b.MinY), Math.Max(a.MaxX, b.MaxX), Math.Max(a.MaxY, b.MaxY));

        public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;
    }
}
