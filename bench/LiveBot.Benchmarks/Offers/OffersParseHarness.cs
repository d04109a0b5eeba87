using System.Diagnostics;
using System.Globalization;
using LiveBot.Offers;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;

namespace LiveBot.Benchmarks.Offers;

/// <summary>
/// <c>harness offers-parse [rounds]</c> (issue 12): loads the embedded data (communes, regions, 12,917 ROME
/// titles, 182 diplomas), then parses chat lines of every kind (titles, typos, diplomas, regions, overseas)
/// and searches what they ask in the Demo catalogue at the real size, strict areas included; prints the
/// load time and parse and search p50/p99/max on one thread.
/// </summary>
public static class OffersParseHarness
{
    private static readonly string[] Lines =
    [
        "bts ndrc paris", "CAP cuisine Reims", "bac pro commerce Rouen", "maçon Île-de-France", "cuisine Corse", "vendeur Bretagne",
        "agent de sécurité Strasbourg", "technicien de maintenance Le Mans", "préparateur de commandes Roissy", "aide soignante 93",
        "boulanger Lyon", "coifeur Paris 15e", "boulangère à St-Étienne", "préparatrice de comandes Lyon", "technicien de maintenence Nantes",
        "je cherche une alternance agent de sécurité à Lille", "BTS comptabilité gestion Paris", "bac pro MELEC Strasbourg", "cap aepe 93",
        "bts sio a bordeaux", "vendeur Guadeloupe", "boulanger la réunion", "serveuse corse du sud", "boulanger PACA", "info grand est",
        "esthéticienne à Nice", "ebeniste Nancy", "vendeuse en prêt-à-porter Lille", "mécanicien poids lourds Rouen", "boulanger Bordeau",
        "ndrc Lyon", "master marketing Paris", "cap toiletteur Lyon", "boulanger à Marseile", "xqwzt Lyon", "le streamer est nul",
    ];

    public static void Register() => Harnesses.Register("offers-parse", RunAsync);

    private static Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var watch = Stopwatch.StartNew();
        var data = OffersData.Load();
        var loadTime = watch.Elapsed;
        var placesTime = TimeSpan.MaxValue;
        var jobsTime = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            _ = LiveBot.Offers.Places.PlaceResolver.LoadEmbedded();
            placesTime = TimeSpan.FromTicks(Math.Min(placesTime.Ticks, watch.Elapsed.Ticks));
            watch.Restart();
            _ = LiveBot.Offers.Jobs.JobCatalog.LoadEmbedded();
            jobsTime = TimeSpan.FromTicks(Math.Min(jobsTime.Ticks, watch.Elapsed.Ticks));
        }

        var parser = new OfferRequestParser(data.Places, data.Jobs);
        var catalogue = new DemoCatalogue(data.Places, data.Jobs, 41_000, 575_000, 2026, TimeProvider.System.GetUtcNow());
        var now = TimeProvider.System.GetUtcNow();

        var parses = new List<double>(rounds * Lines.Length);
        var perLine = Lines.ToDictionary(l => l, _ => new List<double>());
        var searches = new List<double>(rounds * Lines.Length);
        for (var round = -20; round < rounds; round++)
        {
            foreach (var line in Lines)
            {
                var start = Stopwatch.GetTimestamp();
                var request = parser.Parse(line);
                var parsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                Record(round, perLine[line], parsed);
                if (request is not { Status: OfferRequestStatus.Ok, Job: { } job, Place: { } place })
                {
                    Record(round, parses, parsed);
                    continue;
                }

                var radius = place.RadiusKm is { } covering ? Math.Max(covering, 60) : 30;
                var query = new OfferQuery(round % 3 == 0 ? OfferKind.Companies : OfferKind.Offers, job.Codes, place, radius, 3) { DiplomaLevel = job.Diploma?.Level };
                start = Stopwatch.GetTimestamp();
                catalogue.Search(query, now);
                Record(round, searches, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                Record(round, parses, parsed);
            }
        }

        // Typos never seen before (the typo fixes are memoised, so the repeated lines above hit the memo).
        var fresh = new List<double>();
        string[] words = ["boulanger", "coiffeur", "electricien", "plombier", "vendeur", "comptable", "mecanicien", "cuisinier", "serveur", "infirmier"];
        for (var i = 0; i < 2_000; i++)
        {
            var word = words[i % words.Length].ToCharArray();
            word[1 + (i / words.Length % (word.Length - 1))] = (char)('a' + (i / 7 % 26));
            var line = new string(word) + (i % 2 == 0 ? " Lyon" : " à Nantes");
            var start = Stopwatch.GetTimestamp();
            parser.Parse(line);
            fresh.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        fresh.Sort();
        parses.Sort();
        searches.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data load (communes, regions, ROME, {data.Jobs.TitleCount:N0} titles, {data.Jobs.Diplomas?.Count} diplomas), cold: {loadTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load again, one after the other, best of 5 (JIT warm): places {placesTime.TotalMilliseconds:F0} ms, jobs {jobsTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse ({parses.Count:N0} over {Lines.Length} lines): p50 {Percentile(parses, 0.50):F1} µs, p99 {Percentile(parses, 0.99):F1} µs, max {parses[^1]:F1} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse, job word with a typo never seen before ({fresh.Count:N0}): p50 {Percentile(fresh, 0.50):F1} µs, p99 {Percentile(fresh, 0.99):F1} µs, max {fresh[^1]:F1} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search ({searches.Count:N0}, demo 41,000 offers / 575,000 companies, strict areas): p50 {Percentile(searches, 0.50):F1} µs, p99 {Percentile(searches, 0.99):F1} µs, max {searches[^1]:F1} µs"));
        foreach (var (line, samples) in perLine.OrderByDescending(kv => kv.Value.Order().ElementAt(kv.Value.Count / 2)).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest parses: « {line} » median {samples.Order().ElementAt(samples.Count / 2):F1} µs"));
        }

        return Task.FromResult(0);
    }

    private static void Record(int round, List<double> samples, double value)
    {
        if (round >= 0)
        {
            samples.Add(value); // The first rounds warm the JIT up.
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
