using LiveBot.Offers.Places;

namespace LiveBot.Offers.Tests.Places;

public sealed class PlaceResolverTests
{
    [Theory]
    [InlineData("clermont", "63113")] // Clermont-Ferrand, not Clermont (Oise, 10,000 inhabitants)
    [InlineData("Aix", "13001")] // Aix-en-Provence, not Aix (Corrèze, 350)
    [InlineData("aulnay", "93005")]
    [InlineData("evry", "91228")]
    [InlineData("Clermont 60", "60157")] // the département says the commune
    [InlineData("60600", "60157")]
    [InlineData("saint denis", "97411")] // the most populous of that very name stays (La Réunion, 150,000)
    [InlineData("Villeurbanne", "69266")]
    public void Resolve_SmallCommuneNamedAsABigCity_TheCityPeopleMean(string typed, string insee)
    {
        Assert.Equal(insee, TestData.Data.Places.Resolve(typed)?.Insee);
    }

    [Theory]
    [InlineData("06000 Nice", "06088")]
    [InlineData("Nice 06000", "06088")]
    [InlineData("13001 Marseille", "13055")]
    [InlineData("69100 Villeurbanne", "69266")]
    [InlineData("06000 Lyon", null)] // the code and the name disagree: not a place
    public void Resolve_PostalCodeBesideTheName_ThatCommune(string typed, string? insee)
    {
        Assert.Equal(insee, TestData.Data.Places.Resolve(typed)?.Insee);
    }

    /// <summary>
    /// The tables only some lookups read (areas' extent, the commune grid, typo and prefix lists) are built
    /// after the start-up load: a lookup that comes first builds them, and gets the same answer as after a warm-up.
    /// </summary>
    [Fact]
    public async Task Lookups_BeforeAnyWarmUp_BuildTheTablesTheyNeedOnce()
    {
        // A resolver of its own: OffersData.Load queues a warm-up, this one is cold.
        var cold = PlaceResolver.LoadEmbedded();
        string?[] Answers(PlaceResolver places) =>
        [
            places.Resolve("Bretagne")?.ToString(),
            places.Resolve("93")?.ToString(),
            places.Resolve("Corse")?.ToString(),
            places.ResolveTolerant("Roissy")?.Label,
            places.ResolveTolerant("Marseile")?.Label,
            places.Nearest(48.8566, 2.3522)?.ShortName,
            string.Join(", ", places.Regions.Select(r => r.Label)),
        ];

        // Several viewers asking at once while the tables are not built yet.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Answers(cold))));
        cold.WarmUp();
        var warm = TestData.Data.Places;
        warm.WarmUp();

        var expected = Answers(warm);
        Assert.All(concurrent, answers => Assert.Equal(expected, answers));
        Assert.Equal(expected, Answers(cold));
        Assert.Equal("Roissy-en-France", expected[3]);
        Assert.Equal("Marseille", expected[4]);
        Assert.Equal("Paris 4e", expected[5]);
        Assert.Contains("Bretagne", expected[6], StringComparison.Ordinal);
    }
}
