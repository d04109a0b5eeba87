using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
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
/// <c>harness offers-mirror [offers] [companies] [raidSeconds] [requests]</c> (issue 10): generates an export
/// of API Alternance's shape (pretty-printed, real lengths of titles, descriptions, addresses and URLs) in a
/// temp file, serves it from a loopback storage host, and measures download + parse + index (+ snapshot)
/// time and peak memory, the process after loading, a restart from the snapshot, then a raid of distinct
/// !offres searches arriving over <c>raidSeconds</c> of real time, each asked side by side (a) of the
/// mirror and (b) of the live search against a fake that allows 60 calls a minute and answers in 1-3 s.
/// </summary>
public static class MirrorHarness
{
    private const string Paragraph =
        "Vous serez accompagné(e) au quotidien par votre tuteur ou tutrice, qui vous transmettra les gestes du métier, " +
        "les règles d'hygiène et de sécurité et le sens du service client. Vous participerez à la préparation, à la " +
        "mise en place et au rangement du poste, dans une équipe de cinq personnes, du mardi au samedi. ";

    private static readonly string[][] Jobs =
    [
        ["D1102"], ["G1602"], ["D1202"], ["M1805"], ["I1604"], ["F1703"], ["D1214"], ["M1203"], ["J1307"], ["H2913"],
        ["A1203"], ["N4101"], ["K1303"], ["D1106"], ["G1803"], ["D1104"], ["D1101"], ["M1607"], ["F1602"], ["N1103"],
    ];

    private static readonly string[] Streets =
    [
        "RUE DE LA REPUBLIQUE", "AVENUE DU GENERAL LECLERC", "BOULEVARD VICTOR HUGO", "ZONE ARTISANALE DES GRANDS CHAMPS",
        "PLACE DE LA MAIRIE", "RUE JEAN JAURES", "CHEMIN DES VIGNES", "ROUTE NATIONALE 7",
    ];

    public static void Register() => Harnesses.Register("offers-mirror", RunAsync);

    private static async Task<int> RunAsync(string[] args)
    {
        var offers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 41_000;
        var companies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 575_000;
        var raid = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 120);
        var requests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        var folder = Directory.CreateTempSubdirectory("livebot-mirror-bench-").FullName;
        try
        {
            var data = OffersData.Shared;
            var exportPath = Path.Combine(folder, "export.json");
            var watch = Stopwatch.StartNew();
            Generate(data, offers, companies, exportPath);
            Console.WriteLine($"generated export: {new FileInfo(exportPath).Length / 1e6:0} MB, {offers + companies:N0} items in {watch.Elapsed.TotalSeconds:0.0} s (temp file, deleted at the end)");

            await using var fake = await FakeAlternance.StartAsync(exportPath);
            await using var services = Build(fake.BaseUri, folder, mirror: true);
            var service = services.GetRequiredService<MirrorService>();
            var mirror = services.GetRequiredService<OfferMirror>();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var before = WorkingSet();
            var heapBefore = GC.GetTotalMemory(true);
            using (var sampler = new MemorySampler())
            {
                watch.Restart();
                await service.RefreshAsync(CancellationToken.None);
                var loadTime = watch.Elapsed;
                sampler.Stop();
                Console.WriteLine($"download + parse + index + snapshot: {loadTime.TotalSeconds:0.0} s, state {mirror.State}, {mirror.Index?.OfferCount:N0} offers, {mirror.Index?.CompanyCount:N0} companies, {mirror.Info?.Skipped:N0} skipped, error {mirror.LastError ?? "none"}");
                Console.WriteLine($"memory: before load {before / 1e6:0} MB (managed heap {heapBefore / 1e6:0} MB); peak during load: working set {sampler.PeakWorkingSet / 1e6:0} MB, managed heap {sampler.PeakHeap / 1e6:0} MB");
            }

            Console.WriteLine($"whole process after load: working set {WorkingSet() / 1e6:0} MB (after a full GC), managed heap {GC.GetTotalMemory(true) / 1e6:0} MB; snapshot file {new FileInfo(service.SnapshotPath).Length / 1e6:0} MB");

            Console.WriteLine("  GC after load: " + GcLine());
            if (Environment.GetEnvironmentVariable("LIVEBOT_BENCH_PAUSE") is { Length: > 0 } pause)
            {
                // Lets a heap dump be taken at this point (dotnet-gcdump collect -p <pid>).
                Console.WriteLine($"paused, pid {Environment.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(pause, CultureInfo.InvariantCulture)));
            }

            await using (var restarted = Build(fake.BaseUri, folder, mirror: true))
            {
                watch.Restart();
                restarted.GetRequiredService<MirrorService>().LoadSnapshot();
                var restart = watch.Elapsed;
                var again = restarted.GetRequiredService<OfferMirror>();
                var heapTwo = GC.GetTotalMemory(true);
                Console.WriteLine($"restart from snapshot (no network call): {restart.TotalMilliseconds:0} ms, state {again.State}, {again.Index?.OfferCount:N0} offers, {again.Index?.CompanyCount:N0} companies; managed heap with both indexes {heapTwo / 1e6:0} MB");
            }

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            await using var live = Build(fake.BaseUri, folder, mirror: false);
            var queries = Queries(data, requests);
            Console.WriteLine($"raid: {queries.Count} distinct !offres searches (job x city), arrivals spread at random over {raid.TotalSeconds:0} s of real time, each asked of both paths at once");
            var (fromMirror, fromLive) = await RaidAsync(services.GetRequiredService<OfferSearch>(), live.GetRequiredService<OfferSearch>(), queries, raid);
            Console.WriteLine("  (a) from the mirror:        " + fromMirror);
            Console.WriteLine("  (b) through live search:    " + fromLive);
            Console.WriteLine($"      fake API: {fake.SearchCalls} search calls, {fake.Refused} refused with 429; live source limiter waits {live.GetRequiredService<ApiAlternanceSource>().Limiter.Waits}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long WorkingSet()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string GcLine()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var names = new[] { "gen0", "gen1", "gen2", "LOH", "POH" };
        var gens = string.Join(", ", info.GenerationInfo.ToArray().Select((g, i) => $"{names[i]} {g.SizeAfterBytes / 1e6:0} MB (frag {g.FragmentationAfterBytes / 1e6:0})"));
        return $"heap {info.HeapSizeBytes / 1e6:0} MB, fragmented {info.FragmentedBytes / 1e6:0} MB, committed {info.TotalCommittedBytes / 1e6:0} MB; {gens}";
    }

    /// <summary>Every request asked of both searches at its arrival time; reply times on the real clock.</summary>
    private static async Task<(string Mirror, string Live)> RaidAsync(OfferSearch mirror, OfferSearch live, List<OfferQuery> queries, TimeSpan spread)
    {
        var random = new Random(2026);
        var arrivals = queries.Select(_ => spread * random.NextDouble()).Order().ToList();
        var mirrorTimes = new ConcurrentBag<(double Ms, bool Answered)>();
        var liveTimes = new ConcurrentBag<(double Ms, bool Answered)>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(queries.Select(async (query, i) =>
        {
            var wait = arrivals[i] - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await Task.WhenAll(Timed(mirror, query, mirrorTimes), Timed(live, query, liveTimes));
        }));
        return (Summary(mirrorTimes), Summary(liveTimes));
    }

    private static async Task Timed(OfferSearch search, OfferQuery query, ConcurrentBag<(double, bool)> times)
    {
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        var outcome = await search.SearchAsync(query, CancellationToken.None);
        times.Add((watch.Elapsed.TotalMilliseconds, outcome.Status != SearchStatus.Unavailable));
    }

    private static string Summary(ConcurrentBag<(double Ms, bool Answered)> times)
    {
        var all = times.Select(t => t.Ms).Order().ToArray();
        var answered = times.Where(t => t.Answered).Select(t => t.Ms).Order().ToArray();
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{answered.Length * 100.0 / all.Length:0.#} % answered ({answered.Length}/{all.Length}); reply time p50 {Pct(all, 0.5):0.###} ms, p99 {Pct(all, 0.99):0.###} ms, max {all[^1]:0.###} ms");
        return answered.Length == 0 || answered.Length == all.Length
            ? text
            : text + string.Create(CultureInfo.InvariantCulture, $"; answered ones p50 {Pct(answered, 0.5):0} ms, p99 {Pct(answered, 0.99):0} ms");
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static List<OfferQuery> Queries(OffersData data, int count)
    {
        var places = data.Places.Communes.Where(c => !c.IsArrondissement).OrderByDescending(c => c.Population).Take((count + Jobs.Length - 1) / Jobs.Length).Select(Place.Of).ToList();
        return (from job in Jobs from place in places select new OfferQuery(OfferKind.Offers, job, place, 30, 3)).Take(count).ToList();
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

        // The mirror's progress lines (MB read, items) show; the live path's 400 "could not answer" do not.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(mirror ? LogLevel.Information : LogLevel.Error).AddFilter("System.Net.Http", LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new ConfigDirectory(folder));
        services.AddOffers(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Demo records with the lengths of real ones: titles, descriptions, street addresses, LBA-like apply URLs.</summary>
    private static void Generate(OffersData data, int offers, int companies, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new ExportWriter(file);
        var i = 0;
        var description = new StringBuilder();
        foreach (var record in DemoCatalogue.Records(data.Places, data.Jobs, offers, companies, 2026, TimeProvider.System.GetUtcNow()))
        {
            var offer = record.Kind == OfferKind.Offers;
            var id = (0x6687165396d52b5eUL + (ulong)i).ToString("x16", CultureInfo.InvariantCulture) + "01b40954";
            var siret = (13002526500013L + i).ToString(CultureInfo.InvariantCulture);
            var slug = Slug(record.Title);
            var real = offer
                ? record with { Title = record.Title + " en alternance (H/F)", Url = $"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/partenaires/{id}/{slug}?utm_source=api-alternance" }
                : record with { Url = $"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/recruteurs_lba/{siret}/{slug}" };
            var city = record.Insee is { } insee && data.Places.FindByInsee(insee) is { } commune ? commune.Name.ToUpperInvariant() : "VILLE";
            var address = $"{1 + (i % 120)} {Streets[i % Streets.Length]} {record.PostalCode} {city}";
            string? text = null;
            if (offer)
            {
                // Real offers' descriptions run from a few lines to a few thousand characters.
                description.Clear().Append("Nous recherchons un(e) apprenti(e) ").Append(record.Title.ToLowerInvariant()).Append(". ");
                for (var p = 0; p < 1 + (i % 7); p++)
                {
                    description.Append(Paragraph);
                }

                text = description.ToString();
            }

            writer.Write(real, offer ? id : siret, i % 3 == 0 ? "Hellowork" : "France Travail", address, text);
            i++;
        }
    }

    private static string Slug(string text) =>
        new string(LiveBot.Core.Text.TextFolding.Fold(text).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>Peak working set and managed heap, sampled every 50 ms while a load runs.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public MemorySampler() => _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public long PeakWorkingSet { get; private set; }

        public long PeakHeap { get; private set; }

        public void Stop()
        {
            _stop.Cancel();
            _loop.Wait();
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }
    }

    /// <summary>
    /// The fake API Alternance: export link, storage host (same server), and a search that enforces 60 calls a
    /// minute (429 with Retry-After beyond) and answers in 1-3 s with three jobs and three recruiters near the point asked.
    /// </summary>
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
            app.MapGet("/api/job/v1/export", () => Results.Json(new { url = fake.BaseUri + "storage/export.json?X-Amz-Signature=1", lastUpdate = "2026-12-02T02:04:11.000Z" }));
            app.MapGet("/storage/export.json", () => Results.File(exportPath, "application/json"));
            app.MapGet("/api/job/v1/search", (HttpRequest request) => fake.SearchAsync(request.HttpContext));
            await app.StartAsync();
            fake.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
            return fake;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        private async Task<IResult> SearchAsync(HttpContext context)
        {
            Interlocked.Increment(ref _searchCalls);
            lock (_calls)
            {
                var now = TimeProvider.System.GetUtcNow();
                while (_calls.Count > 0 && _calls.Peek() <= now.AddMinutes(-1))
                {
                    _calls.Dequeue();
                }

                if (_calls.Count >= 60)
                {
                    Interlocked.Increment(ref _refused);
                    var wait = _calls.Peek().AddMinutes(1) - now;
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    return Results.Json(new { statusCode = 429, error = "Too Many Requests" }, statusCode: 429);
                }

                _calls.Enqueue(now);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(2000)));
            var query = context.Request.Query;
            var lat = double.Parse(query["latitude"].ToString(), CultureInfo.InvariantCulture);
            var lon = double.Parse(query["longitude"].ToString(), CultureInfo.InvariantCulture);
            var romes = query["romes"].ToString().Split(',');
            return Results.Text(Answer(lat, lon, romes), "application/json");
        }

        private static string Answer(double lat, double lon, string[] romes)
        {
            var now = TimeProvider.System.GetUtcNow();
            string Items(OfferKind kind)
            {
                using var stream = new MemoryStream();
                using (var writer = new ExportWriter(stream, indented: false))
                {
                    for (var n = 0; n < 3; n++)
                    {
                        var name = kind == OfferKind.Offers ? "Apprenti(e) en alternance (H/F)" : $"ENTREPRISE {n} DU SECTEUR";
                        writer.Write(
                            new OfferRecord(kind, name, "ENTREPRISE DU SECTEUR", romes, lat + (n * 0.01), lon, null, null, 0, now.AddDays(-3), now.AddDays(30), $"https://labonnealternance.apprentissage.beta.gouv.fr/emploi/partenaires/{n}"),
                            $"live-{n}",
                            address: "1 RUE DE LA REPUBLIQUE",
                            description: Paragraph);
                    }
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }

            return "{\"jobs\":" + Items(OfferKind.Offers) + ",\"recruiters\":" + Items(OfferKind.Companies) + "}";
        }
    }
}
