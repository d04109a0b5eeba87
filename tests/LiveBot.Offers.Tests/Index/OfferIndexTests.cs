using LiveBot.Offers.Index;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Tests.Index;

public sealed class OfferIndexTests
{
    private static readonly DateTimeOffset Now = ExportReaderTests.Now;

    [Fact]
    public async Task Search_DemoRecordsThroughTheExportFormat_SameAnswersAsTheDemo_Issue10()
    {
        var data = TestData.Data;
        var records = DemoCatalogue.Records(data.Places, data.Jobs, 3_000, 3_000, 7, Now).ToList();
        var direct = Build(records);
        using var export = new MemoryStream();
        using (var writer = new ExportWriter(export))
        {
            for (var i = 0; i < records.Count; i++)
            {
                writer.Write(records[i], "demo-" + i);
            }
        }

        export.Position = 0;
        var read = new List<OfferRecord>();
        var counts = await ExportReader.ReadAsync(export, Now, read.Add, CancellationToken.None);
        var mirrored = Build(read);

        Assert.Equal((3_000, 3_000, 0), (counts.Offers, counts.Companies, counts.SkippedTotal));
        foreach (var (kind, job, place) in Queries())
        {
            var query = new OfferQuery(kind, data.Jobs.Resolve(job).Match!.Codes, data.Places.Resolve(place)!, 60, 5);
            var expected = direct.Search(query, Now);
            var actual = mirrored.Search(query, Now);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items, actual.Items);
        }
    }

    [Fact]
    public void Search_DiplomaLevel_OnlyOffersOfThatLevel_Issue10()
    {
        var index = Build(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 20_000, 0, 3, Now));
        var query = Query(OfferKind.Offers, "vendeur", "Paris", 60);

        var all = index.Search(query, Now).Total;
        var perLevel = Enumerable.Range(3, 5).Select(level => index.Search(query with { DiplomaLevel = level }, Now).Total).ToList();

        Assert.True(all > 20);
        Assert.All(perLevel, count => Assert.InRange(count, 1, all - 1));
        Assert.Equal(all, perLevel.Sum());
        Assert.NotEqual(query.CacheKey, (query with { DiplomaLevel = 5 }).CacheKey);
    }

    [Fact]
    public void Search_StrictArea_OnlyItemsWhoseDepartementMatches_Issue10()
    {
        var index = Build(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 20_000, 20_000, 3, Now));
        var query = Query(OfferKind.Companies, "vendeur", "Lyon", 60);
        var seen = new HashSet<string?>();
        var rhone = new OfferArea("dep:69", location =>
        {
            seen.Add(location.Departement);
            return location.Departement == "69";
        });

        var all = index.Search(query, Now);
        var inRhone = index.Search(query with { Area = rhone }, Now);

        Assert.InRange(inRhone.Total, 1, all.Total - 1);
        Assert.Contains("01", seen);
        Assert.All(inRhone.Items, item => Assert.Equal("69", TestData.Data.Places.Resolve(item.City.Split(' ')[0])?.Departement));
        Assert.Contains("dep:69", (query with { Area = rhone }).CacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_DepartementPlace_OnlyItemsInside_Issue10()
    {
        var index = Build(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 0, 30_000, 5, Now));
        var rhone = TestData.Data.Places.Resolve("Rhône")!;

        var results = index.Search(new OfferQuery(OfferKind.Companies, TestData.Data.Jobs.Resolve("vendeur").Match!.Codes, rhone, 120, 10), Now);

        Assert.True(results.Total > 0);
        Assert.All(results.Items, item => Assert.Equal("69", TestData.Data.Places.Resolve(item.City.Split(' ')[0])?.Departement));
    }

    [Fact]
    public void Search_OfferExpiresWhileLoaded_NoLongerShown_Issue10()
    {
        var lyon = TestData.Data.Places.Resolve("Lyon")!;
        var expires = Now.AddHours(1);
        var index = Build([new OfferRecord(OfferKind.Offers, "Boulanger", "MAISON", ["D1102"], lyon.Latitude, lyon.Longitude, null, "69001", 3, Now.AddDays(-1), expires, null)]);
        var query = Query(OfferKind.Offers, "boulanger", "Lyon", 30);

        Assert.Equal(1, index.Search(query, Now).Total);
        Assert.Equal(0, index.Search(query, expires.AddMinutes(1)).Total);
    }

    [Fact]
    public void Search_ItemUnderTwoRequestedCodes_CountedOnce_Issue10()
    {
        var lyon = TestData.Data.Places.Resolve("Lyon")!;
        var index = Build([new OfferRecord(OfferKind.Companies, "FOURNIL", null, ["D1102", "D1104"], lyon.Latitude, lyon.Longitude, null, null, 0, null, null, "https://example.org/a")]);

        var results = index.Search(new OfferQuery(OfferKind.Companies, ["D1102", "D1104"], lyon, 30, 3), Now);

        var item = Assert.Single(results.Items);
        Assert.Equal(1, results.Total);
        Assert.Equal(("FOURNIL", "https://example.org/a"), (item.Title, item.Url));
        Assert.StartsWith("Lyon", item.City, StringComparison.Ordinal);
    }

    internal static OfferIndex Build(IEnumerable<OfferRecord> records)
    {
        var builder = new OfferIndexBuilder(TestData.Data.Places, TestData.Data.Jobs);
        foreach (var record in records)
        {
            builder.Add(record);
        }

        return builder.Build();
    }

    internal static OfferQuery Query(OfferKind kind, string job, string place, int radius) =>
        new(kind, TestData.Data.Jobs.Resolve(job).Match!.Codes, TestData.Data.Places.Resolve(place)!, radius, 3);

    internal static IEnumerable<(OfferKind, string, string)> Queries() =>
        from kind in new[] { OfferKind.Offers, OfferKind.Companies }
        from job in new[] { "boulanger", "vendeur", "info", "BTP", "coiffure" }
        from place in new[] { "Lyon", "Paris", "Bordeaux", "Lille", "Gap" }
        select (kind, job, place);
}
