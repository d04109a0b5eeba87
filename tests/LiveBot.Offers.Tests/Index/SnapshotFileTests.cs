using LiveBot.Offers.Index;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Tests.Index;

public sealed class SnapshotFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = ExportReaderTests.Now;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("livebot-snapshot-");

    [Fact]
    public void Read_WrittenSnapshot_SameAnswersOwnerOnlyFile_Issue10()
    {
        var index = OfferIndexTests.Build(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 5_000, 5_000, 11, Now));
        var path = Path.Combine(_folder.FullName, "offers-mirror.bin");
        var info = new SnapshotInfo(new DateTimeOffset(2026, 12, 2, 2, 4, 11, TimeSpan.Zero), Now, 42);

        SnapshotFile.Write(path, index, info);
        var (loaded, loadedInfo) = SnapshotFile.Read(path, TestData.Data.Places);

        Assert.Equal(info, loadedInfo);
        Assert.Equal((index.OfferCount, index.CompanyCount), (loaded.OfferCount, loaded.CompanyCount));
        foreach (var (kind, job, place) in OfferIndexTests.Queries())
        {
            var query = OfferIndexTests.Query(kind, job, place, 60);
            Assert.Equal(index.Search(query, Now).Items, loaded.Search(query, Now).Items);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Read_CutOrGarbageFile_InvalidData_Issue10()
    {
        var index = OfferIndexTests.Build(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 500, 500, 11, Now));
        var path = Path.Combine(_folder.FullName, "offers-mirror.bin");
        SnapshotFile.Write(path, index, new SnapshotInfo(null, Now, 0));
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(path, TestData.Data.Places));

        var flipped = (byte[])bytes.Clone();
        for (var i = 200; i < flipped.Length; i += 97)
        {
            flipped[i] ^= 0xFF;
        }

        File.WriteAllBytes(path, flipped);
        Assert.ThrowsAny<Exception>(() => SnapshotFile.Read(path, TestData.Data.Places));

        File.WriteAllText(path, "not a snapshot at all");
        Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(path, TestData.Data.Places));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
