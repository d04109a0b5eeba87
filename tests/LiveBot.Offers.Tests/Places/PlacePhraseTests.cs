using LiveBot.Offers.Places;

namespace LiveBot.Offers.Tests.Places;

public sealed class PlacePhraseTests
{
    [Theory]
    [InlineData("Lyon", "de Lyon")]
    [InlineData("Aurillac", "d'Aurillac")]
    [InlineData("Ajaccio", "d'Ajaccio")]
    [InlineData("Évry-Courcouronnes", "d'Évry-Courcouronnes")]
    [InlineData("Yvetot", "d'Yvetot")]
    [InlineData("Le Mans", "du Mans")]
    [InlineData("Le Havre", "du Havre")]
    [InlineData("Les Sables-d'Olonne", "des Sables-d'Olonne")]
    [InlineData("La Rochelle", "de La Rochelle")]
    [InlineData("Lens", "de Lens")]
    [InlineData("Lesparre-Médoc", "de Lesparre-Médoc")]
    [InlineData("Paris 15e", "de Paris 15e")]
    public void Of_TownName_ElidesOrMergesTheArticle(string name, string expected)
    {
        Assert.Equal(expected, PlacePhrase.Of(name));
    }

    [Theory]
    [InlineData("Aurillac", "près d'Aurillac")]
    [InlineData("Le Mans", "près du Mans")]
    [InlineData("Les Sables-d'Olonne", "près des Sables-d'Olonne")]
    [InlineData("Gironde", "dans le 33 (Gironde)")]
    [InlineData("2A", "dans le 2A (Corse-du-Sud)")]
    public void Near_ResolvedPlace_ReadsAsFrench(string typed, string expected)
    {
        var place = TestData.Data.Places.Resolve(typed)!;

        Assert.Equal(expected, PlacePhrase.Near(place));
    }

    [Fact]
    public void Within_Town_RadiusThenPlace()
    {
        var place = TestData.Data.Places.Resolve("Aurillac")!;

        Assert.Equal("à moins de 60 km d'Aurillac", PlacePhrase.Within(place, 60));
    }

    [Theory]
    [InlineData("Gironde", "Bordeaux")]
    [InlineData("13", "Marseille")]
    public void Resolve_Departement_CentredInsideWithACoveringRadius(string typed, string largest)
    {
        var place = TestData.Data.Places.Resolve(typed)!;
        var town = TestData.Data.Places.Resolve(largest)!;

        Assert.Equal(PlaceKind.Departement, place.Kind);
        Assert.Equal(town.Insee, place.Insee); // The APIs still get its main commune.
        Assert.NotNull(place.RadiusKm);
        Assert.InRange(place.RadiusKm.Value, 30, 200);
        var communes = TestData.Data.Places.Communes.Where(c => c.Departement == place.Departement && !c.IsArrondissement).ToList();
        var covered = communes.Count(c => GeoMath.DistanceKm(place.Latitude, place.Longitude, c.Latitude, c.Longitude) <= place.RadiusKm.Value);
        Assert.True(covered >= communes.Count * 0.95, $"{covered}/{communes.Count}");
    }

    [Theory]
    [InlineData("Bretagne", "en Bretagne")]
    [InlineData("Île-de-France", "en Île-de-France")]
    [InlineData("IDF", "en Île-de-France")]
    [InlineData("hauts de france", "dans les Hauts-de-France")]
    [InlineData("Grand Est", "dans le Grand Est")]
    [InlineData("Corse", "en Corse")]
    [InlineData("Alsace", "en Alsace")]
    [InlineData("Limousin", "dans le Limousin")]
    [InlineData("Réunion", "dans le 974 (La Réunion)")]
    public void Near_Issue12Region_SaysInTheRegion(string typed, string expected)
    {
        var place = TestData.Data.Places.Resolve(typed)!;

        Assert.Equal(expected, PlacePhrase.Near(place));
        Assert.Equal(expected, PlacePhrase.Within(place, 60));
    }

    [Theory]
    [InlineData("Bretagne", "22 29 35 56")]
    [InlineData("Corse", "2A 2B")]
    [InlineData("Alsace", "67 68")]
    [InlineData("Gironde", "33")]
    public void Resolve_Issue12Area_ItsDepartements(string typed, string departements)
    {
        var place = TestData.Data.Places.Resolve(typed)!;

        Assert.True(place.IsArea);
        Assert.Equal(departements, string.Join(' ', place.Departements));
    }

    [Theory]
    [InlineData("Roissy", "95527")]
    [InlineData("Poissy", "78498")]
    [InlineData("Paris", "75056")]
    [InlineData("Vienne", null)]
    public void Resolve_Issue12CommuneOrArea_AsPeopleMeanIt(string typed, string? insee)
    {
        var place = TestData.Data.Places.Resolve(typed)!;

        Assert.Equal(insee is null, place.IsArea);
        if (insee is not null)
        {
            Assert.Equal(insee, place.Insee);
        }
    }
}
