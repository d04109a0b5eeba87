using LiveBot.Offers.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Commands;

public sealed class SectorCommandTests
{
    private static readonly Lazy<ServiceProvider> Services = new(() => OffersServices.Build(new Dictionary<string, string?>
    {
        ["Offers:Demo:Offers"] = "100",
        ["Offers:Demo:Companies"] = "100",
    }));

    private static CommandRunner Runner => new(Services.Value);

    [Theory]
    [InlineData("!secteur numerique")]
    [InlineData("!secteur tech")]
    [InlineData("!secteur informatique")]
    public async Task Secteur_NumeriqueTechInformatique_SameAnswer(string line)
    {
        var reply = await Runner.RunAsync(line);

        Assert.StartsWith("Numérique, conseil, banque, assurance (OPCO Atlas). ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("(DARES, 2024)", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(200)]
    public async Task Secteur_EverySector_FitsThePlatformWithASourcedFact(int max)
    {
        foreach (var id in new[] { "culture", "numerique", "agriculture", "social", "batiment", "commerce", "services", "industrie", "transport", "artisanat", "sante" })
        {
            var reply = await Runner.RunAsync("!secteur " + id, max);

            Assert.True(reply.Text.Length <= max, reply.Text);
            Assert.Matches(@"\(.+, 20\d\d\)", reply.Text);
            Assert.DoesNotContain("…", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Secteur_Unknown_ListsTheSectors()
    {
        var reply = await Runner.RunAsync("!secteur spatial");

        Assert.Equal("Je ne connais pas ce secteur. Secteurs : culture, numérique, agriculture, social, bâtiment, commerce, services, industrie, transport, artisanat, santé", reply.Text);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(200, false)]
    public async Task Secteurs_List_GeneralFigureWhenItFits(int max, bool withFigure)
    {
        var reply = await Runner.RunAsync("!secteurs", max);

        Assert.True(reply.Text.Length <= max);
        Assert.Contains("Secteurs : culture, numérique, agriculture, social, bâtiment, commerce, services, industrie, transport, artisanat, santé", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("→ !secteur <nom>", reply.Text, StringComparison.Ordinal);
        Assert.Equal(withFigure, reply.Text.Contains("(DARES, 2024)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("!secteur tech")]
    [InlineData("!secteur industrie")]
    [InlineData("!secteur commerce")]
    public async Task Secteur_Issue5Facts_NoChainOfColons(string line)
    {
        var reply = await Runner.RunAsync(line);

        var first = reply.Text.Split(" · ")[0];
        Assert.True(first.Count(c => c == ':') <= 1, reply.Text);
        Assert.DoesNotContain("OPCO OPCO", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OPCO :", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!secteur resto")]
    [InlineData("!secteur restauration")]
    [InlineData("!secteur hôtellerie")]
    [InlineData("!secteur hotellerie")]
    [InlineData("!secteur hôtel")]
    public async Task Secteur_Issue5HotelsAndRestaurants_FindsAkto(string line)
    {
        var reply = await Runner.RunAsync(line);

        Assert.StartsWith("Hôtellerie-restauration, propreté, sécurité, intérim (OPCO Akto). ", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!secteur numérique")]
    [InlineData("!secteur bâtiment")]
    [InlineData("!secteur santé")]
    public async Task Secteur_Issue5ListedNameWithAccents_FindsTheSector(string line)
    {
        var reply = await Runner.RunAsync(line);

        Assert.DoesNotContain("Je ne connais pas", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secteur_Issue5UnknownWithQueryInConfiguredText_NeverRepeatsTheWords()
    {
        var runner = new CommandRunner(Services.Value, """{ "builtins": { "secteur": { "texts": { "unknown": "Pas de secteur « {query} ». {sectors}" } } } }""");

        var reply = await runner.RunAsync("!secteur /ban streamer");

        Assert.DoesNotContain("ban", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("streamer", reply.Text, StringComparison.Ordinal);
    }
}
