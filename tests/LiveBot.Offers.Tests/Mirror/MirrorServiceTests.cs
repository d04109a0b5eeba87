using LiveBot.Offers.Mirror;
using LiveBot.Offers.Sources;
using LiveBot.Offers.Tests.Index;
using LiveBot.Offers.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Offers.Tests.Mirror;

public sealed class MirrorServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("livebot-mirror-");
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task Refresh_NewExport_IndexedSavedOwnerOnlyAndAnsweredWithoutLiveCalls_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records(), "null", """{"identifier":{"id":"bad"},"offer":{"title":"Sans lieu","rome_codes":["D1102"]}}""");
        await using var services = Build(fake);

        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);
        var outcome = await services.Search().SearchAsync(ApiAlternanceSourceTests.Query(OfferKind.Offers), CancellationToken.None);

        var mirror = services.GetRequiredService<OfferMirror>();
        Assert.Equal(MirrorState.Ready, mirror.State);
        Assert.Equal((400, 400, 2), (mirror.Index!.OfferCount, mirror.Index.CompanyCount, mirror.Info!.Skipped));
        Assert.Equal(SearchStatus.Found, outcome.Status);
        Assert.False(outcome.IsDemo);
        Assert.Equal(0, fake.Api.Count(FakeApiAlternance.SearchPath));
        Assert.Equal("Bearer test-key", Assert.Single(fake.Api.Requests).Authorization);
        Assert.Equal(string.Empty, Assert.Single(fake.Storage.Requests).Authorization);
        var snapshot = Path.Combine(_data.FullName, MirrorService.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(snapshot));
        }

        Assert.Equal("Offres à jour du 2 décembre, 3 h (400 offres, 400 entreprises)", mirror.StatusLine());
        var report = mirror.Report();
        Assert.Equal("ready", report["state"]);
        Assert.Equal(fake.LastUpdate, report["lastUpdate"]);
    }

    [Fact]
    public async Task Refresh_SameLastUpdate_NoSecondDownload_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        await using var services = Build(fake);
        var service = services.GetRequiredService<MirrorService>();

        await service.RefreshAsync(CancellationToken.None);
        var next = await service.RefreshAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(1), next);
        Assert.Equal(2, fake.Api.Count(FakeApiAlternance.ExportPath));
        Assert.Single(fake.Storage.Requests);
    }

    [Fact]
    public async Task Refresh_GzipContentEncoding_Indexed_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        fake.Mode = StorageMode.Gzip;
        await using var services = Build(fake);

        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        Assert.Equal(800, services.GetRequiredService<OfferMirror>().Index!.Count);
    }

    [Theory]
    [InlineData(StorageMode.Cut, "export")]
    [InlineData(StorageMode.ExpiredAlways, "lien")]
    public async Task Refresh_CutOrRefusedDownload_KeepsPreviousSnapshotAndSaysWhy_Issue10(StorageMode mode, string reason)
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        await using var services = Build(fake);
        var service = services.GetRequiredService<MirrorService>();
        await service.RefreshAsync(CancellationToken.None);
        var snapshot = await File.ReadAllBytesAsync(Path.Combine(_data.FullName, MirrorService.FileName));
        fake.SetExport(Records(seed: 9));
        fake.LastUpdate = fake.LastUpdate.AddDays(1);
        fake.Mode = mode;

        var next = await service.RefreshAsync(CancellationToken.None);

        var mirror = services.GetRequiredService<OfferMirror>();
        Assert.Equal(MirrorState.Ready, mirror.State);
        Assert.Equal(800, mirror.Index!.Count);
        Assert.Contains(reason, mirror.LastError, StringComparison.Ordinal);
        Assert.Equal(snapshot, await File.ReadAllBytesAsync(Path.Combine(_data.FullName, MirrorService.FileName)));
        Assert.Equal(MirrorService.RetryAfterFailure, next);
        Assert.Equal(mode == StorageMode.ExpiredAlways ? 3 : 2, fake.Api.Count(FakeApiAlternance.ExportPath));
    }

    [Fact]
    public async Task Refresh_LinkExpiredOnce_AsksForANewLinkAndLoads_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        fake.Mode = StorageMode.ExpiredOnce;
        await using var services = Build(fake);

        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        Assert.Equal(800, services.GetRequiredService<OfferMirror>().Index!.Count);
        Assert.Equal(2, fake.Api.Count(FakeApiAlternance.ExportPath));
    }

    [Fact]
    public async Task Refresh_LinkAlwaysExpired_AsksForANewLinkExactlyOnce_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        fake.Mode = StorageMode.ExpiredAlways;
        await using var services = Build(fake);

        var next = await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        // The first link, one new link, then the refresh gives up until the next try.
        Assert.Equal(2, fake.Api.Count(FakeApiAlternance.ExportPath));
        Assert.Equal(2, fake.Storage.Requests.Count);
        Assert.Equal(MirrorService.RetryAfterFailure, next);
        var mirror = services.GetRequiredService<OfferMirror>();
        Assert.Equal(MirrorState.Failed, mirror.State);
        Assert.Contains("même après un nouveau lien", mirror.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_LongExport_ProgressLoggedAtMostEveryFiveSeconds_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 8_000, 8_000, 4, ExportReaderTests.Now));
        var logs = new CapturedLogs(_time);
        await using var services = OffersServices.Build(fake.Settings(_data.FullName), _time, s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));

        // Every reading of the clock moves it one second: the reader's progress checks (every 1,024 items)
        // see time pass as on a long download, without any real wait.
        _time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);
        _time.AutoAdvanceAmount = TimeSpan.Zero;

        Assert.Equal(16_000, services.GetRequiredService<OfferMirror>().Index!.Count);
        var progress = logs.Lines.Where(l => l.Category == typeof(ExportDownload).FullName).ToList();
        Assert.InRange(progress.Count, 2, 4);
        var figures = progress.Select(l => System.Text.RegularExpressions.Regex.Match(l.Message, @"^Offers export: (\d+) MB read, (\d+) items$")).ToList();
        Assert.All(figures, f => Assert.True(f.Success));
        var items = figures.Select(f => int.Parse(f.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var megabytes = figures.Select(f => int.Parse(f.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(items.Order(), items);
        Assert.All(items, n => Assert.Equal(0, n % 1024));
        Assert.True(megabytes[^1] > megabytes[0]);
        Assert.All(progress.Zip(progress.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Refresh_EmptyArray_NotSwappedInAndSaid_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        await using var services = Build(fake);

        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        var mirror = services.GetRequiredService<OfferMirror>();
        Assert.Equal(MirrorState.Failed, mirror.State);
        Assert.Null(mirror.Index);
        Assert.Contains("export vide", mirror.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_WrongKey_FailedWithTheReason_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        await using var services = OffersServices.Build(fake.Settings(_data.FullName, ("Offers:ApiAlternance:ApiKey", "wrong")), _time);

        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        var mirror = services.GetRequiredService<OfferMirror>();
        Assert.Equal(MirrorState.Failed, mirror.State);
        Assert.Contains("refuse la clé (401)", mirror.LastError, StringComparison.Ordinal);
        Assert.Empty(fake.Storage.Requests);
    }

    [Fact]
    public async Task Refresh_TooManyRequests_WaitsAsLongAsRetryAfterSays_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.TooManyRetryAfter = 1_200;
        await using var services = Build(fake);

        var next = await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(20), next);
        Assert.Equal(Start.AddMinutes(20), services.GetRequiredService<ApiAlternanceSource>().Limiter.BlockedUntil);
    }

    [Fact]
    public async Task LoadSnapshot_RestartWithoutNetwork_AnswersFromTheSnapshot_Issue10()
    {
        await using (var fake = await FakeApiAlternance.StartAsync())
        {
            fake.SetExport(Records());
            await using var first = Build(fake);
            await first.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);
        }

        // The fake is gone: nothing listens at that address any more.
        await using var services = OffersServices.Build(
            new Dictionary<string, string?>
            {
                ["Offers:Source"] = "ApiAlternance",
                ["Offers:ApiAlternance:BaseUri"] = "http://127.0.0.1:9/api/",
                ["Offers:ApiAlternance:ApiKey"] = FakeApiAlternance.Key,
                ["Storage:Path"] = Path.Combine(_data.FullName, "livebot.db"),
            },
            _time);
        services.GetRequiredService<MirrorService>().LoadSnapshot();
        var outcome = await services.Search().SearchAsync(ApiAlternanceSourceTests.Query(OfferKind.Companies), CancellationToken.None);

        Assert.Equal(MirrorState.Ready, services.GetRequiredService<OfferMirror>().State);
        Assert.Equal(SearchStatus.Found, outcome.Status);
    }

    [Fact]
    public async Task State_SnapshotOlderThan48Hours_StaleStillUsedAndSaidOnThePage_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        await using var services = Build(fake);
        await services.GetRequiredService<MirrorService>().RefreshAsync(CancellationToken.None);
        var mirror = services.GetRequiredService<OfferMirror>();

        _time.Advance(TimeSpan.FromHours(41));
        Assert.Equal(MirrorState.Ready, mirror.State);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(MirrorState.Stale, mirror.State);
        Assert.NotNull(mirror.Index);
        Assert.EndsWith("plus de 48 h, la mise à jour n'aboutit pas.", mirror.StatusLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EveryMirrorRefresh_AsksTheExportAgain_Issue10()
    {
        await using var fake = await FakeApiAlternance.StartAsync();
        fake.SetExport(Records());
        await using var services = Build(fake);
        var mirror = services.GetRequiredService<OfferMirror>();
        var checks = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mirror.Changed += () =>
        {
            if (mirror.Report()["lastCheck"] is not null && mirror.State == MirrorState.Ready)
            {
                (Interlocked.Increment(ref checks) == 1 ? first : second).TrySetResult();
            }
        };
        using var stop = new CancellationTokenSource();

        var run = services.GetRequiredService<MirrorService>().RunAsync(stop.Token);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Holds(() => mirror.NextCheck is not null);
        Assert.Equal(Start.AddHours(1), mirror.NextCheck);
        Assert.Equal(1, fake.Api.Count(FakeApiAlternance.ExportPath));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, fake.Api.Count(FakeApiAlternance.ExportPath));
        _time.Advance(TimeSpan.FromMinutes(1));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, fake.Api.Count(FakeApiAlternance.ExportPath));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _data.Delete(recursive: true);

    internal static IEnumerable<LiveBot.Offers.Index.OfferRecord> Records(int seed = 4) =>
        DemoCatalogue.Records(TestData.Data.Places, TestData.Data.Jobs, 400, 400, seed, ExportReaderTests.Now)
            .Select(r => r with { RomeCodes = r.RomeCodes.Count == 1 && r.Title.Length % 3 == 0 ? ["D1102"] : r.RomeCodes })
            .Select((r, i) => i % 50 == 0 ? r with { Latitude = 45.76 + (i * 0.0001), Longitude = 4.83, RomeCodes = ["D1102"], PostalCode = "69002" } : r);

    private Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeApiAlternance fake) =>
        OffersServices.Build(fake.Settings(_data.FullName), _time);
}
