using System.Runtime.InteropServices;
using System.Text;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Index;

/// <summary>What a snapshot says about itself.</summary>
/// <param name="LastUpdate">The export's <c>lastUpdate</c> it was built from (null for other origins).</param>
/// <param name="Created">When it was written.</param>
/// <param name="Skipped">Items of the export left out (bad, expired, duplicates).</param>
public sealed record SnapshotInfo(DateTimeOffset? LastUpdate, DateTimeOffset Created, int Skipped);

/// <summary>
/// The mirror's snapshot: an <see cref="OfferIndex"/> written column by column (little-endian), so a
/// restart reads it back in a fraction of a second without the network. Written to a temporary file
/// (owner-only), flushed to disk, then renamed over the previous one: a crash never leaves half a file.
/// A file that does not read back whole and consistent is refused with <see cref="InvalidDataException"/>.
/// </summary>
public static class SnapshotFile
{
    private const long Magic = 0x31_50_41_4E_53_46_46_4F; // "OFFSNAP1"
    private const long EndMagic = 0x44_4E_45_50_41_4E_53_4F; // "OSNAPEND"

    public static void Write(string path, OfferIndex index, SnapshotInfo info)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temp = path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(info.LastUpdate?.UtcTicks ?? 0);
                writer.Write(info.Created.UtcTicks);
                writer.Write(info.Skipped);
                writer.Write(index.Communes.Length);
                foreach (var commune in index.Communes)
                {
                    writer.Write(commune?.Insee ?? string.Empty);
                }

                WritePart(writer, index.Offers);
                WritePart(writer, index.Companies);
                writer.Write(EndMagic);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads a snapshot; <see cref="InvalidDataException"/> (or an <see cref="IOException"/>) when it is not one, or not whole.</summary>
    public static (OfferIndex Index, SnapshotInfo Info) Read(string path, PlaceResolver places)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (reader.ReadInt64() != Magic)
            {
                throw new InvalidDataException("not an offers snapshot");
            }

            var lastUpdate = reader.ReadInt64();
            var created = reader.ReadInt64();
            var skipped = reader.ReadInt32();
            var communeCount = Count(reader.ReadInt32(), 200_000);
            var communes = new Commune?[communeCount];
            for (var i = 0; i < communeCount; i++)
            {
                communes[i] = places.FindByInsee(reader.ReadString());
            }

            var offers = ReadPart(reader, communeCount);
            var companies = ReadPart(reader, communeCount);
            if (reader.ReadInt64() != EndMagic)
            {
                throw new InvalidDataException("snapshot not whole");
            }

            var info = new SnapshotInfo(lastUpdate == 0 ? null : new DateTimeOffset(Ticks(lastUpdate), TimeSpan.Zero), new DateTimeOffset(Ticks(created), TimeSpan.Zero), skipped);
            return (new OfferIndex(communes, offers, companies), info);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("snapshot cut short", ex);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidDataException("snapshot out of range", ex);
        }
    }

    private static void WritePart(BinaryWriter writer, OfferIndex.Part part)
    {
        writer.Write(part.Count);
        Columns(writer, part.Latitudes);
        Columns(writer, part.Longitudes);
        Columns(writer, part.Communes);
        Columns(writer, part.PostalCodes);
        Columns(writer, part.Diplomas);
        Columns(writer, part.Published);
        Columns(writer, part.Expires);
        Columns(writer, part.Titles);
        Columns(writer, part.CompanyNames);
        Columns(writer, part.Urls);
        writer.Write(part.Blob.Length);
        writer.Write(part.Blob);
        writer.Write(part.Buckets.Count);
        foreach (var (code, bucket) in part.Buckets)
        {
            writer.Write(code);
            writer.Write(bucket.Ids.Length);
            Columns(writer, bucket.Ids);
        }
    }

    private static OfferIndex.Part ReadPart(BinaryReader reader, int communeCount)
    {
        var n = Count(reader.ReadInt32(), OfferIndexBuilder.MaxItems);
        var lat = Read<float>(reader, n);
        var lon = Read<float>(reader, n);
        var communes = Read<int>(reader, n);
        var postal = Read<int>(reader, n);
        var diplomas = Read<byte>(reader, n);
        var published = Read<int>(reader, n);
        var expires = Read<int>(reader, n);
        var titles = Read<int>(reader, n);
        var companies = Read<int>(reader, n);
        var urls = Read<int>(reader, n);
        var blob = Read<byte>(reader, Count(reader.ReadInt32(), Array.MaxLength / 2));
        for (var i = 0; i < n; i++)
        {
            if (communes[i] < -1 - communeCount || communes[i] >= communeCount || !float.IsFinite(lat[i]) || Math.Abs(lat[i]) > 90 || !float.IsFinite(lon[i]) || Math.Abs(lon[i]) > 180
                || !TextOk(blob, titles[i]) || !TextOk(blob, companies[i]) || !TextOk(blob, urls[i]) || titles[i] < 0)
            {
                throw new InvalidDataException("snapshot item out of range");
            }
        }

        var bucketCount = Count(reader.ReadInt32(), 100_000);
        var buckets = new Dictionary<string, OfferIndex.Bucket>(bucketCount, StringComparer.Ordinal);
        for (var b = 0; b < bucketCount; b++)
        {
            var code = reader.ReadString();
            var ids = Read<int>(reader, Count(reader.ReadInt32(), n));
            var lats = new float[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                if ((uint)ids[i] >= (uint)n || (i > 0 && lat[ids[i]] < lats[i - 1]))
                {
                    throw new InvalidDataException("snapshot bucket out of order");
                }

                lats[i] = lat[ids[i]];
            }

            buckets[code] = new OfferIndex.Bucket(ids, lats);
        }

        return new OfferIndex.Part(lat, lon, communes, postal, diplomas, published, expires, titles, companies, urls, blob, buckets);
    }

    private static bool TextOk(byte[] blob, int offset)
    {
        if (offset == -1)
        {
            return true;
        }

        if (offset < 0 || offset >= blob.Length)
        {
            return false;
        }

        try
        {
            var (length, start) = OfferIndex.Part.ReadLength(blob, offset);
            return length >= 0 && start + length <= blob.Length;
        }
        catch (Exception ex) when (ex is InvalidDataException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static void Columns<T>(BinaryWriter writer, T[] values)
        where T : unmanaged => writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));

    private static T[] Read<T>(BinaryReader reader, int count)
        where T : unmanaged
    {
        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static int Count(int value, int max) =>
        value >= 0 && value <= max ? value : throw new InvalidDataException("snapshot count out of range");

    private static long Ticks(long ticks) =>
        ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks ? ticks : throw new InvalidDataException("snapshot date out of range");
}
