using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Dashboard;
using LiveBot.Offers.Mirror;
using LiveBot.Offers.Tests.Sources;
using LiveBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Offers.Tests.Mirror;

public sealed class MirrorHostTests
{
    [Fact]
    public async Task Bot_ApiAlternanceMirror_RealRepliesHealthzSectionAndPresenterLine_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(MirrorServiceTests.Records());
        await using var bot = await MirrorBot.StartReadyAsync(fake);
        var reply = Assert.Single(await bot.SayAsync("!offres boulanger Lyon"));
        using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));
        var line = await FirstOffersLineAsync(bot);

        Assert.DoesNotContain("Démo", reply, StringComparison.Ordinal);
        Assert.Contains("près de Lyon", reply, StringComparison.Ordinal);
        Assert.Equal(0, fake.Api.Count(FakeApiAlternance.SearchPath));
        var section = health.RootElement.GetProperty("offers").GetProperty("mirror");
        Assert.Equal("ready", section.GetProperty("state").GetString());
        Assert.Equal(400, section.GetProperty("offers").GetInt32());
        Assert.Equal("Offres à jour du 2 décembre, 3 h (400 offres, 400 entreprises)", line);
        Assert.True(File.Exists(Path.Combine(bot.Folder, "data", MirrorService.FileName)));
    }

    [Fact]
    public async Task Metrics_MirrorSnapshotLoadedOnFakeTime_MirrorAgeSecondsFollowsTheClock_Issue11()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(folder, "data");
        await using (var fake = await FakeApiAlternance.StartAsync())
        {
            // A snapshot of the export (last updated 02:04:11 UTC) left in the data folder by an earlier run.
            fake.SetExport(MirrorServiceTests.Records());
            await using var earlier = OffersServices.Build(fake.Settings(data), time);
            await earlier.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);
        }

        // The API is gone: the bot answers from the snapshot it loads at start.
        await using var bot = await BotHost.StartAsync(
            settings: new Dictionary<string, string>
            {
                ["Offers:Source"] = "ApiAlternance",
                ["Offers:ApiAlternance:BaseUri"] = "http://127.0.0.1:9/api/",
                ["Offers:ApiAlternance:ApiKey"] = FakeApiAlternance.Key,
            },
            configure: builder => builder.Services.AddSingleton<TimeProvider>(time),
            folder: folder);
        await LoadedAsync(bot.Service<OfferMirror>());

        var atStart = Assert.Single((await bot.ScrapeAsync()).Matching("livebot_offers_mirror_age_seconds"));
        time.Advance(TimeSpan.FromHours(2));
        var later = Assert.Single((await bot.ScrapeAsync()).Matching("livebot_offers_mirror_age_seconds"));

        var expected = (time.GetUtcNow() - TimeSpan.FromHours(2) - new DateTimeOffset(2026, 12, 2, 2, 4, 11, TimeSpan.Zero)).TotalSeconds;
        Assert.Equal(expected, atStart.Value);
        Assert.Equal(expected + 7_200, later.Value);
    }

    [Fact]
    public async Task Metrics_DemoSourceWithoutMirror_NoMirrorAgeSample_Issue11()
    {
        await using var bot = await BotHost.StartAsync();

        var samples = await bot.ScrapeAsync();

        Assert.Empty(samples.Matching("livebot_offers_mirror_age_seconds"));
        Assert.NotEmpty(samples.Matching("livebot_chat_lines_total"));
    }

    private static async Task LoadedAsync(OfferMirror mirror)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mirror.Changed += () =>
        {
            if (mirror.Index is not null)
            {
                loaded.TrySetResult();
            }
        };
        if (mirror.Index is not null)
        {
            loaded.TrySetResult();
        }

        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Reads the presenter page's event stream until its <c>offers</c> event.</summary>
    private static async Task<string?> FirstOffersLineAsync(BotHost bot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Service<DashboardToken>().Value);
        using var response = await bot.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var offersEvent = false;
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } text)
        {
            if (text == "event: offers")
            {
                offersEvent = true;
            }
            else if (offersEvent && text.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(text["data: ".Length..]);
                return data.RootElement.GetProperty("line").GetString();
            }
        }

        return null;
    }
}
