using LiveBot.Core.Chat;
using LiveBot.Offers.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Commands;

public sealed class OfferCommandTests
{
    private static readonly Lazy<ServiceProvider> Demo = new(() => OffersServices.Build(new Dictionary<string, string?>
    {
        ["Offers:Demo:Offers"] = "41000",
        ["Offers:Demo:Companies"] = "60000",
    }));

    private static CommandRunner Runner => new(Demo.Value);

    [Theory]
    [InlineData("!offres boulanger Lyon")]
    [InlineData("!offre coiffeuse à Saint-Étienne")]
    [InlineData("!alternance info Paris 15e")]
    [InlineData("!offres mécanicien automobile Gironde")]
    [InlineData("!entreprises boulanger Lyon")]
    [InlineData("!entreprises cuisinier 13008")]
    public async Task Demo_AnyResult_SaysItIsDemoDataAndFitsEachPlatform(string line)
    {
        foreach (var max in new[] { 500, 200 })
        {
            var reply = await Runner.RunAsync(line, max);

            Assert.StartsWith("[Démo", reply.Text, StringComparison.Ordinal);
            Assert.InRange(reply.Text.Length, 40, max);
            Assert.Contains("https://", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HandleAsync_AnyRequest_ShortTextFitsYouTubeForLowQuota()
    {
        var reply = await Runner.RunAsync("!offres boulanger Lyon", 200);

        Assert.NotNull(reply.ShortText);
        Assert.True(reply.ShortText.Length <= 200);
        Assert.Contains("https://www.1jeune1solution.gouv.fr/apprentissage", reply.ShortText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_BoulangerLyonOnTwitch_ItemsNearestFirstWithTheJobAndPlaceSearchLink()
    {
        var reply = await Runner.RunAsync("!offres boulanger Lyon", 500);

        Assert.Matches(@"^\[Démo : offres fictives\] \d+ offres d'apprentissage « boulanger » près de Lyon : ", reply.Text);
        Assert.Equal(2, reply.Text.Split(" · ").Length); // Three items leave no room for the search link.
        Assert.Contains("Boulanger", reply.Text, StringComparison.Ordinal);
        Assert.Contains(" km)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.1jeune1solution.gouv.fr/apprentissage?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("codeRomes=D1102", reply.Text, StringComparison.Ordinal);
        var distances = System.Text.RegularExpressions.Regex.Matches(reply.Text, @"(\d+) km\)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task Offres_OnYouTube_FewerShorterItems()
    {
        var twitch = await Runner.RunAsync("!offres boulanger Lyon", 500);
        var youtube = await Runner.RunAsync("!offres boulanger Lyon", 200);

        Assert.True(youtube.Text.Length <= 200);
        Assert.True(youtube.Text.Length < twitch.Text.Length);
        Assert.DoesNotContain(" – ", youtube.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_SameRequest_SameMergeKeyAndNoMention()
    {
        var first = await Runner.RunAsync("!offres Boulanger  LYON");
        var second = await Runner.RunAsync("!offres boulanger lyon");

        Assert.NotNull(first.MergeKey);
        Assert.Equal(first.MergeKey, second.MergeKey);
        Assert.DoesNotContain("alice", first.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", first.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres boulanger", "Où ça ? Ajoute une ville, un code postal ou un département, par exemple : !offres boulanger Lyon")]
    [InlineData("!offres Lyon", "Quel métier ? Par exemple : !offres boulanger Lyon")]
    [InlineData("!offres", "Dis-moi un métier et un lieu, par exemple : !offres boulanger Lyon")]
    [InlineData("!offres boulanger à Zzyzxville", "Je ne trouve pas ce lieu. Essaie une ville, un code postal (69003) ou un département (13, Gironde).")]
    [InlineData("!alternance boulanger", "Où ça ? Ajoute une ville, un code postal ou un département, par exemple : !alternance boulanger Lyon")]
    public async Task Offres_Incomplete_AsksWithAnExample(string line, string expected)
    {
        var reply = await Runner.RunAsync(line);

        Assert.Equal(expected, reply.Text);
    }

    [Theory]
    [InlineData("!offres le streamer est nul", "streamer")]
    [InlineData("!offres boulanger /ban streamer", "/ban")]
    [InlineData("!offres /me est nul", "/me")]
    public async Task Offres_Issue5NoPlaceFromArbitraryWords_ExampleUsesOnlyCatalogueWords(string line, string typed)
    {
        var reply = await Runner.RunAsync(line);

        Assert.DoesNotContain(typed, reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nul", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Offres_Issue5NoPlaceUnknownJob_ExampleIsBoulanger()
    {
        var reply = await Runner.RunAsync("!offres le streamer est nul");

        Assert.Equal("Où ça ? Ajoute une ville, un code postal ou un département, par exemple : !offres boulanger Lyon", reply.Text);
    }

    [Theory]
    [InlineData("!offres BOULANGER Lyon", "« boulanger »")]
    [InlineData("!offres boulangé Lyon", "« boulangerie »")]
    [InlineData("!offres cuisinié Lyon", "« cuisine »")]
    [InlineData("!offres Boulangères Lyon", "« boulangère »")]
    [InlineData("!offres cuisto Lyon", "« cuisine »")]
    [InlineData("!offres COIFFEUSES Lyon", "« coiffeuse »")]
    [InlineData("!offres meca Lyon", "« mécanicien »")]
    [InlineData("!offres btp Lyon", "« BTP »")]
    public async Task Offres_Issue5RecognisedJob_ShowsTheCatalogueLabelNotTheTypedWords(string line, string expected)
    {
        var reply = await Runner.RunAsync(line);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres BOULANGER", "boulanger")]
    [InlineData("!offres cuisto", "cuisine")]
    public async Task Offres_Issue5RecognisedJobNoPlace_ExampleUsesTheCatalogueLabel(string line, string label)
    {
        var reply = await Runner.RunAsync(line);

        Assert.EndsWith($"par exemple : !offres {label} Lyon", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres boulanger Trifouillis")]
    [InlineData("!offres boulanger Paris 21e")]
    [InlineData("!offres boulanger Lyon 10e")]
    [InlineData("!offres boulanger 00000")]
    [InlineData("!offres boulanger 2C")]
    [InlineData("!offres boulanger Marseille 17")]
    [InlineData("!offres boulanger /ban streamer")]
    public async Task Offres_Issue5TypedPlaceNotUnderstood_SaysUnknownPlaceWithoutEchoingIt(string line)
    {
        var reply = await Runner.RunAsync(line);

        Assert.Equal("Je ne trouve pas ce lieu. Essaie une ville, un code postal (69003) ou un département (13, Gironde).", reply.Text);
    }

    [Fact]
    public async Task Offres_Issue5GluedArrondissement_SearchesParis16()
    {
        var reply = await Runner.RunAsync("!offres boulanger paris16");

        Assert.Contains("près de Paris 16e", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres boulanger Aurillac", "près d'Aurillac :")]
    [InlineData("!offres boulanger Le Mans", "près du Mans :")]
    [InlineData("!offres boulanger Gironde", "« boulanger » dans le 33 (Gironde) :")]
    [InlineData("!offres boulanger 2A", "« boulanger » dans le 2A (Corse-du-Sud) :")]
    [InlineData("!entreprises boulanger Gironde", "« boulanger » dans le 33 (Gironde) :")]
    public async Task Offres_Issue5PlacePhrase_FrenchElisionAndDepartements(string line, string expected)
    {
        var reply = await Runner.RunAsync(line);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("de Le ", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("près de Gironde", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!offres boulanger Gironde", "« boulanger » dans le 33 (Gironde) :")]
    [InlineData("!offres boulanger Le Mans", "« boulanger » près du Mans :")]
    public async Task Offres_Issue5ShippedCommandsJson_UsesTheFrenchPlacePhrases(string line, string expected)
    {
        // The shipped offres entry alone (the other built-ins of the file are not registered here).
        var shipped = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "config", "commands.json")))!;
        var offres = shipped["builtins"]!["offres"]!.ToJsonString();
        var runner = new CommandRunner(Demo.Value, $$"""{ "builtins": { "offres": {{offres}} } }""");

        var reply = await runner.RunAsync(line);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "config", "commands.json")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("config/commands.json not found above the test folder");
    }

    [Fact]
    public async Task Offres_Issue5Departement_SearchedAsAWholeNotAroundItsLargestTown()
    {
        var reply = await Runner.RunAsync("!offres boulanger Gironde");

        Assert.DoesNotContain("élargi", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" km)", reply.Text, StringComparison.Ordinal); // distances from its middle would mean nothing
        Assert.Contains("distanceCommune=", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("distanceCommune=30&", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entreprises_Issue5DemoCompanyNamedAfterATown_ElidesDe()
    {
        var demo = Demo.Value.GetRequiredService<LiveBot.Offers.Sources.OfferSearch>();
        var place = TestData.Data.Places.Resolve("Ajaccio")!;
        var names = new List<string>();
        foreach (var code in new[] { "D1102", "D1202", "G1602", "D1106", "F1603" })
        {
            var outcome = await demo.SearchAsync(new LiveBot.Offers.Sources.OfferQuery(LiveBot.Offers.Sources.OfferKind.Companies, [code], place, 100, 50), CancellationToken.None);
            names.AddRange(outcome.Results.Items.Select(i => i.Title));
        }

        Assert.DoesNotContain(names, n => n.Contains(" de A", StringComparison.Ordinal) || n.Contains(" de Le ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(" d'A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offres_UnknownJob_SuggestsCloseJobs()
    {
        var reply = await Runner.RunAsync("!offres boulangxyz Lyon");

        Assert.StartsWith("Je ne connais pas ce métier. Tu pensais à : Boulanger", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("boulangxyz", reply.Text, StringComparison.Ordinal); // never repeats words it did not understand
    }

    [Fact]
    public async Task Offres_ConfiguredText_Used()
    {
        var runner = new CommandRunner(Demo.Value, """{ "builtins": { "offres": { "name": "jobs", "texts": { "demo": "(DEMO) ", "results": "{count} jobs {job} @ {place}: {items} {link}" } } } }""");

        var reply = await runner.RunAsync("!jobs boulanger Lyon");

        Assert.Matches(@"^\(DEMO\) \d+ jobs boulanger @ Lyon: ", reply.Text);
    }

    [Fact]
    public async Task Offres_DemoLabelBlankedInCommandsJson_StillSaysDemo()
    {
        var runner = new CommandRunner(Demo.Value, """{ "builtins": { "offres": { "texts": { "demo": " " } } } }""");

        var reply = await runner.RunAsync("!offres boulanger Lyon");

        Assert.StartsWith("[Démo : offres fictives] ", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_ApiDown_PoliteUnavailableWithoutUpstreamText()
    {
        var reply = await AskApiAlternanceAsync(_ => Results.Text("{\"message\":\"SECRET upstream stack trace\"}", "application/json", statusCode: 500));

        Assert.StartsWith("Le service des offres ne répond pas pour le moment", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Démo", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_ApiSingleResult_LinksToTheOfferAndNoDemoLabel()
    {
        const string body = """
            {"jobs":[{"identifier":{"id":"a1"},"workplace":{"name":"FOURNIL","location":{"geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}}},
              "apply":{"url":"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/a1"},"offer":{"title":"Boulanger / Boulangère","status":"Active"}}],"recruiters":[]}
            """;
        var reply = await AskApiAlternanceAsync(_ => Results.Text(body, "application/json"));

        Assert.StartsWith("1 offre d'apprentissage « boulanger » près de Lyon : Boulanger / Boulangère – FOURNIL (Lyon", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("→ https://labonnealternance.apprentissage.beta.gouv.fr/emploi/a1", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_Issue5OneDemoItemOnTwitch_LinksTheJobAndPlaceSearchNotTheBareLink()
    {
        var reply = await Runner.RunAsync("!offres boulanger Aurillac", 500);

        Assert.Matches(@"^\[Démo : offres fictives\] 1 offre ", reply.Text);
        Assert.Contains("→ https://www.1jeune1solution.gouv.fr/apprentissage?libelleMetier=boulanger&codeRomes=D1102&", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text.Length <= 500);
    }

    [Fact]
    public async Task Offres_Issue5SearchLinkFitsNowhereOnYouTube_BareLinkAsLastResort()
    {
        var reply = await Runner.RunAsync("!offres boulanger Aurillac", 200);

        Assert.EndsWith("→ " + LiveBot.Offers.Commands.OfferLinks.Home, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text.Length <= 200);
    }

    [Fact]
    public async Task Offres_Issue5ApiSingleResultWithoutApplyUrl_LinksTheJobAndPlaceSearch()
    {
        const string body = """
            {"jobs":[{"identifier":{"id":"a1"},"workplace":{"name":"FOURNIL","location":{"geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}}},
              "offer":{"title":"Boulanger / Boulangère","status":"Active"}}],"recruiters":[]}
            """;
        var reply = await AskApiAlternanceAsync(_ => Results.Text(body, "application/json"));

        Assert.StartsWith("1 offre d'apprentissage « boulanger » près de Lyon : Boulanger / Boulangère – FOURNIL (Lyon", reply.Text, StringComparison.Ordinal);
        Assert.Contains("→ https://www.1jeune1solution.gouv.fr/apprentissage?libelleMetier=boulanger&codeRomes=D1102&libelleCommune=Lyon&", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offres_NothingEvenWidened_SaysSoAndSuggestsEntreprises()
    {
        var reply = await AskApiAlternanceAsync(_ => Results.Text("""{"jobs":[],"recruiters":[]}""", "application/json"));

        Assert.Equal("Aucune offre d'apprentissage « boulanger » à moins de 60 km de Lyon pour le moment. Tente la candidature spontanée : !entreprises boulanger Lyon", reply.Text);
    }

    [Fact]
    public async Task Offres_FoundOnlyWidened_SaysTheRadiusWasWidened()
    {
        const string body = """
            {"jobs":[{"identifier":{"id":"a1"},"workplace":{"name":"FOURNIL","location":{"geopoint":{"type":"Point","coordinates":[5.2,45.5]}}},
              "offer":{"title":"Boulanger","status":"Active"}}],"recruiters":[]}
            """;
        var reply = await AskApiAlternanceAsync(request => Results.Text(request.Query["radius"] == "60" ? body : """{"jobs":[]}""", "application/json"));

        Assert.StartsWith("Rien à moins de 30 km, alors j'ai élargi à 60 km : 1 offre « boulanger » autour de Lyon : Boulanger – FOURNIL (", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>Asks "!offres boulanger Lyon" with API Alternance as the source, answered by <paramref name="search"/> on a loopback fake.</summary>
    private static async Task<Reply> AskApiAlternanceAsync(Func<HttpRequest, IResult> search)
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet("/api/job/v1/search", search));
        await using var services = OffersServices.Build(new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = upstream.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = "k",
        });

        return await new CommandRunner(services).RunAsync("!offres boulanger Lyon");
    }
}
