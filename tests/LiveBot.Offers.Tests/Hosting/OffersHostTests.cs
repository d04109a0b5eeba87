using System.Text.Json;
using LiveBot.Testing;

namespace LiveBot.Offers.Tests.Hosting;

public sealed class OffersHostTests
{
    [Fact]
    public async Task LocalChat_OffresBoulangerLyon_UsefulFrenchDemoAnswer()
    {
        await using var bot = await BotHost.StartAsync();

        var replies = await bot.SayAsync("!offres boulanger Lyon");

        var reply = Assert.Single(replies);
        Assert.Contains("[Démo : offres fictives]", reply, StringComparison.Ordinal);
        Assert.Contains("offres d'apprentissage « boulanger » près de Lyon : Boulanger", reply, StringComparison.Ordinal);
        Assert.Contains("https://www.1jeune1solution.gouv.fr/apprentissage", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_NoConfigFolderFiles_SectorsFromEmbeddedDefaultAndOffersSection()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!secteur tech");

        using var document = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        Assert.Equal("ok", document.RootElement.GetProperty("config").GetProperty("sectors").GetString());
        Assert.Equal("Demo", document.RootElement.GetProperty("offers").GetProperty("source").GetString());
    }

    [Fact]
    public async Task LocalChat_BrokenSectorsEdit_KeepsAnsweringAndHealthzSaysWhy()
    {
        await using var bot = await BotHost.StartAsync();
        var path = Path.Combine(bot.ConfigDir, "sectors.json");
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Service<LiveBot.Core.Configuration.ConfigStatusRegistry>().Changed += name =>
        {
            if (name == "sectors.json")
            {
                changed.TrySetResult();
            }
        };

        await File.WriteAllTextAsync(path, "{ \"sectors\": [ { \"id\": \"x\" } ] }");
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var replies = await bot.SayAsync("!secteur tech");
        using var document = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        Assert.StartsWith("Numérique", Assert.Single(replies), StringComparison.Ordinal);
        Assert.Contains("sectors.json, ligne 1", document.RootElement.GetProperty("config").GetProperty("sectors").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiAlternance", "Offers:ApiAlternance:ApiKey")]
    [InlineData("FranceTravail", "Offers:FranceTravail:ClientId")]
    public async Task Start_RealSourceWithoutCredentials_RefusesNamingTheKey(string source, string key)
    {
        var folder = Directory.CreateTempSubdirectory("livebot-offers-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
                BotHost.StartAsync(settings: new Dictionary<string, string> { ["Offers:Source"] = source }, folder: folder));

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
