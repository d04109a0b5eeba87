using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace LiveBot.Reporting.Rendering;

/// <summary>
/// The 101 départements as SVG paths (metropolitan France projected, the five overseas départements as
/// insets), from the embedded <c>Data/departements-map.tsv.gz</c> (see tools/build_map.py, docs/DATA.md).
/// </summary>
public sealed class FranceMapData
{
    private static readonly Lazy<FranceMapData> SharedData = new(Load);

    private readonly Dictionary<string, Departement> _byCode;

    private FranceMapData(int width, int height, List<Departement> departements, List<Inset> insets)
    {
        Width = width;
        Height = height;
        Departements = departements;
        Insets = insets;
        _byCode = departements.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    public static FranceMapData Shared => SharedData.Value;

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<Departement> Departements { get; }

    public IReadOnlyList<Inset> Insets { get; }

    /// <summary>The département's name ("Gironde"), or its code when unknown.</summary>
    public string Name(string code) => _byCode.TryGetValue(code, out var d) ? d.Name : code;

    private static FranceMapData Load()
    {
        using var stream = typeof(FranceMapData).Assembly.GetManifestResourceStream("LiveBot.Reporting.Data.departements-map.tsv.gz")
            ?? throw new InvalidOperationException("Embedded map data is missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        int width = 0, height = 0;
        var departements = new List<Departement>();
        var insets = new List<Inset>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            switch (f[0])
            {
                case "viewbox":
                    width = Int(f[1]);
                    height = Int(f[2]);
                    break;
                case "inset":
                    insets.Add(new Inset(f[1], Int(f[2]), Int(f[3]), Int(f[4]), Int(f[5])));
                    break;
                case "dep":
                    departements.Add(new Departement(f[1], f[2], Int(f[3]), Int(f[4]), f[5]));
                    break;
            }
        }

        return new FranceMapData(width, height, departements, insets);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public sealed record Departement(string Code, string Name, int LabelX, int LabelY, string Path);

    public sealed record Inset(string Code, int X, int Y, int Width, int Height);
}
