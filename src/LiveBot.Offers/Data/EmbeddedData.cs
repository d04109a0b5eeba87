using System.IO.Compression;
using System.Text;
using LiveBot.Core.Resources;

namespace LiveBot.Offers.Data;

/// <summary>Reads the gzip'd tab-separated files embedded in this assembly (see tools/build_data.py).</summary>
internal static class EmbeddedData
{
    /// <summary>Every line of <paramref name="name"/> split on tabs.</summary>
    public static IEnumerable<string[]> Rows(string name) => Lines(name).Select(static line => line.Split('\t'));

    /// <summary>Every non-empty line of <paramref name="name"/>.</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = EmbeddedResource.Open(typeof(EmbeddedData).Assembly, "LiveBot.Offers.Data." + name);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>An embedded default file (e.g. sectors.json), or null.</summary>
    public static byte[]? Resource(string logicalName) => EmbeddedResource.Read(typeof(EmbeddedData).Assembly, logicalName);
}
