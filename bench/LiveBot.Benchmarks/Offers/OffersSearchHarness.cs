using System.Diagnostics;
using System.Globalization;
using LiveBot.Offers;
using LiveBot.Offers.Sources;

namespace LiveBot.Benchmarks.Offers;

/// <summary>
/// <c>harness offers-search [offers] [companies] [searches]</c>: loads the embedded data, builds the Demo
/// catalogue at the real size (41,000 offers, 575,000 companies by default), then runs searches on one
/// thread over a mix of jobs, places and both kinds; prints data load and index build times, search
/// p50/p99/max and the memory of the whole process at that size.
/// </summary>
public static class OffersSearchHarness
{
    private static readonly string[][] Jobs =
    [
        ["D1102"], ["G1602"], ["D1202"], ["M1805"], ["M1805", "M1810", "M1801", "M1802"], ["I1604"], ["F1703", "F1602", "F1603", "F1606", "F1202"],
        ["D1214"], ["M1203"], ["J1307"], ["H2913"], ["A1204"], ["L1512"], ["N4101", "N4105"], ["K1303", "J1304"],
    ];

    public static void Register() => Harnesses.Register("offers-search", RunAsync);

    private static Task<int> RunAsync(string[] args)
    {
        var offers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 41_000;
        var companies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 575_000;
        var searches = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
        var baseline = Process.GetCurrentProcess().WorkingSet64;

        var watch = Stopwatch.StartNew();
        var data = OffersData.Load();
        var loadTime = watch.Elapsed;
        watch.Restart();
        LiveBot.Offers.Places.PlaceResolver.LoadEmbedded();
        var placesAgain = watch.Elapsed;
        watch.Restart();
        LiveBot.Offers.Jobs.JobCatalog.LoadEmbedded();
        var jobsAgain = watch.Elapsed;
        watch.Restart();
        var catalogue = new DemoCatalogue(data.Places, data.Jobs, offers, companies, 2026, TimeProvider.System.GetUtcNow());
        var buildTime = watch.Elapsed;

        // Places: the 300 most populous communes and arrondissements, plus every département.
        var places = data.Places.Communes.OrderByDescending(c => c.Population).Take(300).Select(LiveBot.Offers.Places.Place.Of)
            .Concat(new[] { "13", "33", "2A", "15", "48", "974" }.Select(data.Places.Resolve))
            .OfType<LiveBot.Offers.Places.Place>()
            .ToList();
        var random = new Random(7);
        var queries = Enumerable.Range(0, 4096).Select(_ => new OfferQuery(
            random.Next(3) == 0 ? OfferKind.Offers : OfferKind.Companies,
            Jobs[random.Next(Jobs.Length)],
            places[random.Next(places.Count)],
            random.Next(4) == 0 ? 60 : 30,
            3)).ToArray();

        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 2_000; i++)
        {
            catalogue.Search(queries[i % queries.Length], now);
        }

        var samples = new double[searches];
        var found = 0L;
        for (var i = 0; i < searches; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = catalogue.Search(queries[i % queries.Length], now);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            found += result.Items.Count;
        }

        Array.Sort(samples);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalogue: {catalogue.OfferCount:N0} offers, {catalogue.CompanyCount:N0} companies; {searches:N0} searches on one thread over {queries.Length} queries ({found / (double)searches:F2} items each)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data load (communes + ROME, cold): {loadTime.TotalMilliseconds:F0} ms; again warm: communes {placesAgain.TotalMilliseconds:F0} ms, ROME {jobsAgain.TotalMilliseconds:F0} ms; demo index build: {buildTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search: p50 {Percentile(samples, 0.50):F1} µs, p99 {Percentile(samples, 0.99):F1} µs, max {samples[^1]:F1} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB, process working set {process.WorkingSet64 / 1048576.0:F1} MiB (at start {baseline / 1048576.0:F1} MiB), private {process.PrivateMemorySize64 / 1048576.0:F1} MiB"));
        GC.KeepAlive(catalogue);
        return Task.FromResult(0);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
