using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiveBot.Core.Configuration;
using LiveBot.Offers;
using LiveBot.Offers.Index;
using LiveBot.Offers.Mirror;
using LiveBot.Offers.Places;
using LiveBot.Offers.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveBot.Benchmarks.Offers;

/// <summary>
/// <c>harness offers-mirror [offers] [companies] [raidSeconds]</c>: generates an export of API Alternance's
/// shape (pretty-printed, real lengths of titles, addresses and URLs), serves it from a loopback storage
/// host, and measures download + parse + index time and peak memory, the process after loading, a restart
/// from the snapshot, then a raid of 500 distinct !offres searches answered (a) by the mirror and (b) by the
/// live search against a fake that allows 60 calls a minute and answers in 1-3 s.
/// </summary>
public static class MirrorHarness
{
    private static readonly string[][] Jobs =
    [
        ["D1102"], ["G1602"], ["D1202"], ["M1805"], ["I1604"], ["F1703"], ["D1214"], ["M1203"], ["J1307"], ["H2913"],
        ["A1203"], ["N4101"], ["K1303"], ["D1106"], ["G1803"], ["D1104"], ["D1101"], ["M1607"], ["F1602"], ["N1103"],
    ];

    public static void Register() => Harnesses.Register("offers-mirror", RunAsync);

    private static async Task<int> RunAsync(string[] args)
    {
        var offers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 41_000;
        var companies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 575_000;
        var raidSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 120;
        var folder = Directory.CreateTempSubdirectory("livebot-mirror-bench-").FullName;
        try
        {
            var data = OffersData.Shared;
            var exportPath = Path.Combine(folder, "export.json");
            var watch = Stopwatch.StartNew();
            Generate(data, offers, companies, exportPath);
            Console.WriteLine($"generated export: {new FileInfo(exportPath).Length / 1e6:0} MB, {offers + companies:N0} items in {watch.Elapsed.TotalSeconds:0.0} s");
            var before = Process.GetCurrentProcess().WorkingSet64;

            await using var fake = await FakeAlternance.StartAsync(exportPath);
            await using var services = Build(fake.BaseUri, folder, mirror: true);
            var service = services.GetRequiredService<MirrorService>();
            GC.Collect();
            watch.Restart();
            await service.RefreshAsync(CancellationToken.None);
            var loadTime = watch.Elapsed;
            var mirror = services.GetRequiredService<OfferMirror>();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine($"download + parse + index + snapshot: {loadTime.TotalSeconds:0.0} s, state {mirror.State}, {mirror.Index?.OfferCount:N0} offers, {mirror.Index?.CompanyCount:N0} companies, error {mirror.LastError ?? "none"}");
            Console.WriteLine($"process before: {before / 1e6:0} MB; peak working set: {process.PeakWorkingSet64 / 1e6:0} MB; after load (full GC): {WorkingSetAfterGc() / 1e6:0} MB; managed heap {GC.GetTotalMemory(true) / 1e6:0} MB; snapshot {new FileInfo(service.SnapshotPath).Length / 1e6:0} MB");

            watch.Restart();
            var (restarted, _) = SnapshotFile.Read(service.SnapshotPath, data.Places);
            Console.WriteLine($"restart from snapshot: {watch.Elapsed.TotalMilliseconds:0} ms ({restarted.Count:N0} items)");

            var queries = Queries(data);
            var fromMirror = await RaidAsync(services.GetRequiredService<OfferSearch>(), queries, TimeSpan.Zero);
            Console.WriteLine("raid from the mirror:      " + fromMirror);
            await using var live = Build(fake.BaseUri, folder, mirror: false);
            var fromLive = await RaidAsync(live.GetRequiredService<OfferSearch>(), queries, TimeSpan.FromSeconds(raidSeconds));
            Console.WriteLine("raid through live search:  " + fromLive + $" (upstream calls {fake.SearchCalls}, refused 429 {fake.Refused})");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long WorkingSetAfterGc()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>500 distinct requests (job x place) arriving over <paramref name="spread"/>; share answered and reply times.</summary>
    private static async Task<string> RaidAsync(OfferSearch search, List<OfferQuery> queries, TimeSpan spread)
    {
        var times = new ConcurrentBag<double>();
        var answered = 0;
        var tasks = queries.Select(async (query, i) =>
        {
            await Task.Delay(spread * i / queries.Count);
            var watch = Stopwatch.StartNew();
            var outcome = await search.SearchAsync(query, CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (outcome.Status != SearchStatus.Unavailable)
            {
                Interlocked.Increment(ref answered);
            }
        });
        await Task.WhenAll(tasks);
        var sorted = times.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{answered * 100.0 / queries.Count:0.#} % answered, p50 {sorted[sorted.Length / 2]:0.###} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:0.###} ms");
    }

    private static List<OfferQuery> Queries(OffersData data)
    {
        var places = data.Places.Communes.Where(c => !c.IsArrondissement).OrderByDescending(c => c.Population).Take(25).Select(Place.Of).ToList();
        return (from job in Jobs from place in places select new OfferQuery(OfferKind.Offers, job, place, 30, 3)).Take(500).ToList();
    }

    private static ServiceProvider Build(Uri baseUri, string folder, bool mirror)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = baseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = "bench-key",
            ["Offers:ApiAlternance:Mirror"] = mirror ? "true" : "false",
            ["Storage:Path"] = Path.Combine(folder, "data", "livebot.db"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new ConfigDirectory(folder));
        services.AddOffers(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Demo records with the lengths of real ones: titles, street addresses, LBA-like apply URLs.</summary>
    private static void Generate(OffersData data, int offers, int companies, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ExportWriter(file);
        var i = 0;
        foreach (var record in DemoCatalogue.Records(data.Places, data.Jobs, offers, companies, 2026, TimeProvider.System.GetUtcNow()))
        {
            var id = (0x6687165396d52b5eUL + (ulong)i).ToString("x16", CultureInfo.InvariantCulture) + "01b40954";
            var slug = Slug(record.Kind == OfferKind.Offers ? record.Title : record.Title);
            var real = record.Kind == OfferKind.Offers
                ? record with { Title = record.Title + " en alternance (H/F)", Url = $"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/partenaires/{id}/{slug}?utm_source=api-alternance" }
                : record with { Url = $"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/recruteurs_lba/{13002526500013L + i}/{slug}" };
            writer.Write(real, record.Kind == OfferKind.Offers ? id : (13002526500013L + i).ToString(CultureInfo.InvariantCulture), "France Travail", $"{1 + (i % 120)} RUE DE LA REPUBLIQUE {record.PostalCode} VILLE");
            i++;
        }
    }

    private static string Slug(string text) =>
        new string(LiveBot.Core.Text.TextFolding.Fold(text).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>The fake API Alternance: export link, storage host (same server), and a search that allows 60 calls a minute and answers in 1-3 s.</summary>
    private sealed class FakeAlternance : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Queue<DateTimeOffset> _calls = new();
        private int _searchCalls;
        private int _refused;

        private FakeAlternance(WebApplication app) => _app = app;

        public Uri BaseUri { get; private set; } = null!;

        public int SearchCalls => _searchCalls;

        public int Refused => _refused;

        public static async Task<FakeAlternance> StartAsync(string exportPath)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeAlternance(app);
            app.MapGet("/api/job/v1/export", () => Results.Json(new { url = fake.BaseUri + "storage/export.json?sig=1", lastUpdate = "2026-12-02T02:04:11.000Z" }));
            app.MapGet("/storage/export.json", () => Results.File(exportPath, "application/json"));
            app.MapGet("/api/job/v1/search", fake.SearchAsync);
            await app.StartAsync();
            fake.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
            return fake;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private async Task<IResult> SearchAsync()
        {
            Interlocked.Increment(ref _searchCalls);
            lock (_calls)
            {
                var now = TimeProvider.System.GetUtcNow();
                while (_calls.Count > 0 && _calls.Peek() < now.AddMinutes(-1))
                {
                    _calls.Dequeue();
                }

                if (_calls.Count >= 60)
                {
                    Interlocked.Increment(ref _refused);
                    return Results.Json(new { statusCode = 429, error = "Too Many Requests" }, statusCode: 429);
                }

                _calls.Enqueue(now);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(2000)));
            return Results.Text("""{"jobs":[],"recruiters":[]}""", "application/json");
        }
    }
}
