using LiveBot.Offers.Index;
using LiveBot.Offers.Places;
using LiveBot.Offers.Sources;
using LiveBot.Offers.Tests.Index;

namespace LiveBot.Offers.Tests.Places;

public sealed class DepartementOutlinesTests
{
    private static readonly DateTimeOffset Now = ExportReaderTests.Now;

    [Theory]
    [InlineData(48.9100, 2.4400, "93")] // Bobigny
    [InlineData(48.9290, 2.0450, "78")] // Poissy
    [InlineData(41.9270, 8.7370, "2A")] // Ajaccio
    [InlineData(42.6970, 9.4500, "2B")] // Bastia
    [InlineData(16.2410, -61.5330, "971")] // Pointe-à-Pitre
    [InlineData(14.6160, -61.0590, "972")] // Fort-de-France
    [InlineData(4.9370, -52.3260, "973")] // Cayenne
    [InlineData(-20.8820, 55.4500, "974")] // Saint-Denis de La Réunion
    [InlineData(-12.7810, 45.2280, "976")] // Mamoudzou
    [InlineData(48.8566, 2.3522, "75")] // Paris
    public void DepartementAt_PointOnLand_ItsDepartement_Issue12(double latitude, double longitude, string code)
    {
        Assert.Equal(code, DepartementOutlines.Shared.DepartementAt(latitude, longitude));
        Assert.True(DepartementOutlines.Shared.Contains(code, latitude, longitude));
    }

    [Theory]
    [InlineData(45.5000, -3.0000)] // Bay of Biscay
    [InlineData(42.5000, 5.5000)] // Mediterranean, between Marseille and Corsica
    [InlineData(0.0, 0.0)] // Gulf of Guinea
    [InlineData(46.2044, 6.1432)] // Geneva
    [InlineData(50.8503, 4.3517)] // Brussels
    [InlineData(-21.1000, 55.0000)] // the Indian Ocean west of La Réunion
    [InlineData(double.NaN, 2.35)]
    public void DepartementAt_PointAtSeaOrAbroad_None_Issue12(double latitude, double longitude)
    {
        Assert.Null(DepartementOutlines.Shared.DepartementAt(latitude, longitude));
    }

    [Fact]
    public void Load_Issue12Outlines_101DepartementsPlacingAlmostEveryCommune()
    {
        var outlines = DepartementOutlines.Shared;
        var communes = TestData.Data.Places.Communes.Where(c => c.Insee is not ("75056" or "69123" or "13055")).ToList();

        var misplaced = communes.Where(c => outlines.DepartementAt(c.Latitude, c.Longitude) != c.Departement).ToList();

        Assert.Equal(101, outlines.Codes.Count());
        Assert.True(misplaced.Count < communes.Count / 100, $"{misplaced.Count} misplaced: " + string.Join(", ", misplaced.Take(20).Select(c => $"{c.Name} ({c.Departement})")));
    }

    [Fact]
    public void Read_DamagedFile_InvalidData_Issue12()
    {
        Assert.Throws<InvalidDataException>(() => DepartementOutlines.Read(new MemoryStream("LBO1"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => DepartementOutlines.Read(new MemoryStream("nope"u8.ToArray())));
    }

    [Fact]
    public void Search_AideSoignante93_ItemKnownOnlyByCoordinates_ListedWhenInside_Issue12()
    {
        var request = TestData.Parser.Parse("aide soignante 93");
        var codes = request.Job!.Codes;
        var index = OfferIndexTests.Build(
        [
            Item("EHPAD de Bobigny", codes, 48.9080, 2.4420),
            Item("Clinique de Poissy", codes, 48.9290, 2.0450),
            Item("Au large", codes, 45.5, -3.0),
        ]);

        var results = index.Search(new OfferQuery(OfferKind.Offers, codes, request.Place!, 2_000, 10), Now);

        Assert.Equal("dep:93", "dep:" + request.Place!.Departement);
        var item = Assert.Single(results.Items);
        Assert.Equal("EHPAD de Bobigny", item.Title);
        Assert.Equal(1, results.Total);
    }

    [Theory]
    [InlineData("cuisinier 2A", 41.9270, 8.7370, 42.6970, 9.4500)] // Ajaccio in, Bastia out
    [InlineData("cuisinier 2B", 42.6970, 9.4500, 41.9270, 8.7370)]
    [InlineData("vendeur Guadeloupe", 16.2410, -61.5330, 14.6160, -61.0590)] // Pointe-à-Pitre in, Fort-de-France out
    [InlineData("vendeur Île-de-France", 48.9080, 2.4420, 49.4431, 1.0993)] // Bobigny in, Rouen out
    public void Search_AreaByCoordinatesOnly_OnlyItemsInside_Issue12(string line, double inLat, double inLon, double outLat, double outLon)
    {
        var request = TestData.Parser.Parse(line);
        var codes = request.Job!.Codes;
        var index = OfferIndexTests.Build([Item("dedans", codes, inLat, inLon), Item("dehors", codes, outLat, outLon)]);

        var results = index.Search(new OfferQuery(OfferKind.Offers, codes, request.Place!, 2_000, 10), Now);

        Assert.Equal(["dedans"], results.Items.Select(i => i.Title));
    }

    private static OfferRecord Item(string title, IReadOnlyList<string> codes, double latitude, double longitude) =>
        new(OfferKind.Offers, title, "EMPLOYEUR", codes, latitude, longitude, null, null, 0, Now.AddDays(-1), null, null);
}
