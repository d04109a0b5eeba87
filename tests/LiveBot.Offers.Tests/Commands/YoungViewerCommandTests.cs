using System.Text.RegularExpressions;
using LiveBot.Offers.Index;
using LiveBot.Offers.Mirror;
using LiveBot.Offers.Sources;
using LiveBot.Offers.Tests.Index;
using LiveBot.Offers.Tests.Mirror;
using LiveBot.Offers.Tests.Sources;
using LiveBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Commands;

/// <summary>
/// Issue 12 end to end: the issue's lines through the real command (demo source) and through the real bot
/// answering from the mirror of a fake API Alternance export.
/// </summary>
public sealed partial class YoungViewerCommandTests
{
    private static readonly Lazy<ServiceProvider> Demo = new(() => OffersServices.Build(new Dictionary<string, string?>
    {
        ["Offers:Demo:Offers"] = "41000",
        ["Offers:Demo:Companies"] = "20000",
    }));

    private static CommandRunner Runner => new(Demo.Value);

    [Fact]
    public async Task Offres_BtsNdrcParis_RepliesNamingTheDiploma_Issue12()
    {
        var reply = await Runner.RunAsync("!offres bts ndrc paris", 500);

        Assert.Contains("« BTS NDRC »", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Paris", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_AideSoignante93_OnlyPlacesOfTheDepartement_Issue12()
    {
        var reply = await Runner.RunAsync("!offres aide soignante 93", 500);

        Assert.Contains("dans le 93 (Seine-Saint-Denis)", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Poissy", reply.Text, StringComparison.Ordinal);
        var places = PlaceInParentheses().Matches(reply.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.All(places, p => Assert.Contains(TestData.Data.Places.Communes, c => c.Departement == "93" && c.ShortName == p));
    }

    [Theory]
    [InlineData("!offres vendeur Bretagne", "en Bretagne")]
    [InlineData("!offres maçon Île-de-France", "en Île-de-France")]
    public async Task Offres_Region_NamedEnRegion_Issue12(string line, string phrase)
    {
        var reply = await Runner.RunAsync(line, 500);

        Assert.Contains(phrase, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres Bretagne", "boulanger Bretagne")]
    [InlineData("!offres vendeur", " Lyon")]
    [InlineData("!offres le streamer est nul", "Lyon")]
    public async Task Offres_Incomplete_AsksBackWithAnExampleNeverOffers_Issue12(string line, string example)
    {
        var reply = await Runner.RunAsync(line, 500);

        Assert.EndsWith(example, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_MirrorAnswers_DiplomaNamedAndDepartementStrict_Issue12()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        var ndrc = TestData.Data.Jobs.Match("bts ndrc")!;
        var care = TestData.Data.Jobs.Match("aide soignante")!;
        OfferRecord Offer(string title, IReadOnlyList<string> codes, string insee, int level)
        {
            var commune = TestData.Data.Places.FindByInsee(insee)!;
            return new OfferRecord(OfferKind.Offers, title, "Employeur " + commune.ShortName, codes, commune.Latitude, commune.Longitude, null, commune.PostalCodes[0], level, ExportReaderTests.Now.AddDays(-1), null, "https://example.org/" + insee);
        }

        fake.SetExport(
        [
            Offer("Aide-soignant de nuit", care.Codes, "78498", 3), // Poissy, Yvelines
            Offer("Aide-soignante en EHPAD", care.Codes, "93066", 3), // Saint-Denis
            Offer("Aide-soignant en clinique", care.Codes, "93008", 3), // Bobigny
            Offer("Négociateur digital", ndrc.Codes, "75056", 5),
            Offer("Commercial terrain", ndrc.Codes, "75056", 3),
        ]);
        await using var bot = await MirrorBot.StartReadyAsync(fake);
        var care93 = Assert.Single(await bot.SayAsync("!offres aide soignante 93"));
        var bts = Assert.Single(await bot.SayAsync("!offres bts ndrc paris", "bob"));

        Assert.Contains("dans le 93 (Seine-Saint-Denis)", care93, StringComparison.Ordinal);
        Assert.Contains("Saint-Denis", care93, StringComparison.Ordinal);
        Assert.DoesNotContain("Poissy", care93, StringComparison.Ordinal);
        Assert.DoesNotContain("Démo", care93, StringComparison.Ordinal);
        Assert.Contains("« BTS NDRC »", bts, StringComparison.Ordinal);
        Assert.Contains("Négociateur digital", bts, StringComparison.Ordinal);
        Assert.DoesNotContain("Commercial terrain", bts, StringComparison.Ordinal); // a level-3 offer is not for a BTS
        Assert.Equal(0, fake.Api.Count(FakeApiAlternance.SearchPath));
    }

    [GeneratedRegex(@"\(([^()]+?)\)(?: ·|$| https)")]
    private static partial Regex PlaceInParentheses();
}
