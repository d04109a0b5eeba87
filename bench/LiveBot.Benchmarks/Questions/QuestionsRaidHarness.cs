using System.Diagnostics;
using System.Globalization;
using LiveBot.Core.Storage;
using LiveBot.Questions;
using LiveBot.Questions.Matching;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveBot.Benchmarks.Questions;

/// <summary>
/// A raid on the question queue: 10,000 <c>!question</c> from 2,000 viewers over 10 minutes of (manual) time,
/// about a third of them paraphrases of an earlier question, into the real <see cref="QuestionQueue"/> on a
/// real LiteDB file (every question durable before Submit returns). Phases:
/// <list type="number">
/// <item>raid with the default limits (3 open per viewer, one per 30 s): outcomes, ingest throughput, Submit latency;</item>
/// <item>the same with the limits lifted, so the queue fills up with open questions;</item>
/// <item>de-duplication alone (fingerprint + index lookup) against 10,000 open questions.</item>
/// </list>
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness questions-raid [--questions 10000] [--viewers 2000]</code>
/// </summary>
public static class QuestionsRaidHarness
{
    private static readonly string[] Jobs =
    [
        "boulanger", "cuisinier", "coiffeur", "électricien", "plombier", "mécanicien auto", "vendeur", "comptable",
        "développeur web", "technicien réseau", "logisticien", "chauffeur", "aide-soignant", "préparateur en pharmacie",
        "réceptionniste", "serveur", "maçon", "menuisier", "peintre en bâtiment", "paysagiste", "agriculteur",
        "éleveur", "assistant de gestion", "chargé de marketing", "graphiste", "photographe", "monteur vidéo",
        "ingénieur son", "éducateur sportif", "animateur", "fleuriste", "boucher", "pâtissier", "chocolatier",
        "carrossier", "soudeur", "chaudronnier", "couvreur", "carreleur", "opticien", "prothésiste dentaire",
        "esthéticienne", "toiletteur", "vétérinaire assistant", "banquier", "assureur", "agent immobilier",
        "secrétaire médical", "infirmier", "ambulancier", "pompier", "cordonnier", "bijoutier", "horloger",
        "luthier", "ébéniste", "tapissier", "imprimeur", "relieur", "libraire",
    ];

    private static readonly string[] Places =
    [
        "Lyon", "Paris", "Lille", "Marseille", "Bordeaux", "Nantes", "Toulouse", "Rennes", "Strasbourg", "Nice",
        "Montpellier", "Grenoble", "Dijon", "Brest", "Tours", "Limoges", "Clermont", "Rouen", "Caen", "Metz",
    ];

    private static readonly string[] Templates =
    [
        "Est-ce qu'on peut devenir {job} en apprentissage à {place} {detail} ?",
        "Quel salaire pour un apprenti {job} de {age} ans {detail} ?",
        "Comment trouver une entreprise pour un CAP {job} vers {place} {detail} ?",
        "Combien d'heures par semaine en apprentissage {job} à {age} ans {detail} ?",
        "On peut faire un apprentissage {job} sans le bac à {place} {detail} ?",
        "Quelles écoles forment au métier de {job} près de {place} {detail} ?",
        "Je veux être {job}, je peux commencer en alternance à {age} ans {detail} ?",
    ];

    private static readonly string[] Details =
    [
        "", "en septembre", "en janvier", "le week-end", "avec un handicap", "sans permis", "en reconversion",
        "après une licence", "en étant mineur", "avec un enfant", "en habitant loin", "sans expérience",
        "en venant de l'étranger", "après un bac général", "en changeant de région", "avec un petit salaire",
        "en internat", "en télétravail", "en horaires décalés", "avec une bourse",
    ];

    private static readonly string[] Openers = ["Bonjour ! ", "Salut, ", "svp ", "Hello, est-ce que ", string.Empty, "Question : "];

    public static void Register() => Harnesses.Register("questions-raid", RunAsync);

    private static Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--questions", 10_000);
        var viewers = Option(args, "--viewers", 2_000);
        var raid = Generate(count, viewers, new Random(2026));
        Console.WriteLine($"Raid: {count} questions from {viewers} viewers over 10 minutes, {raid.Count(q => q.Paraphrase)} paraphrases of an earlier one");

        Raid("1. default limits (3 open per viewer, one per 30 s)", raid, new QuestionsOptions());
        Raid("2. limits lifted (the queue fills up)", raid, new QuestionsOptions { MaxOpenPerViewer = 1000, MinInterval = TimeSpan.Zero });
        Dedup(count, new Random(7));
        return Task.FromResult(0);
    }

    private static void Raid(string title, List<RaidQuestion> raid, QuestionsOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "livebot-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var time = new ManualTime(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));
            using var store = new LiteDbStore(Options.Create(new StorageOptions { Path = Path.Combine(folder, "livebot.db") }));
            var queue = new QuestionQueue(store, Options.Create(options), () => ModerationRules.Empty, time, NullLogger<QuestionQueue>.Instance).Load();
            var step = TimeSpan.FromMinutes(10) / raid.Count;
            var latencies = new double[raid.Count];
            var outcomes = new Dictionary<SubmitOutcome, int>();
            var total = Stopwatch.StartNew();
            for (var i = 0; i < raid.Count; i++)
            {
                var q = raid[i];
                var start = Stopwatch.GetTimestamp();
                var result = queue.Submit("twitch", "live", "twitch:" + q.Viewer, "viewer" + q.Viewer, q.Text);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                time.Advance(step);
            }

            total.Stop();
            var counters = queue.Counters();
            Console.WriteLine();
            Console.WriteLine(title);
            Console.WriteLine("  outcomes: " + string.Join(", ", outcomes.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
            Console.WriteLine($"  open at the end: {counters.Approved + counters.Pending}; database {new FileInfo(Path.Combine(folder, "livebot.db")).Length / 1024} KiB");
            Console.WriteLine($"  ingest: {raid.Count} in {total.Elapsed.TotalSeconds:0.00} s = {raid.Count / total.Elapsed.TotalSeconds:0} questions/s (the raid needs 16.7/s)");
            Print("  Submit (all)", latencies);
            Print("  Submit (last 1,000)", latencies[^Math.Min(1000, latencies.Length)..]);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Dedup(int count, Random random)
    {
        var index = new DuplicateIndex();
        var open = Generate(count, count, random).Where(q => !q.Paraphrase).Select(q => q.Text).Distinct().ToList();
        while (open.Count < count)
        {
            open.Add(Fill(Templates[random.Next(Templates.Length)], random) + " (" + open.Count + ")");
        }

        for (var i = 0; i < count; i++)
        {
            index.Add(i + 1, QuestionFingerprint.Of(open[i]));
        }

        var queries = Enumerable.Range(0, count)
            .Select(i => i % 2 == 0 ? Paraphrase(open[random.Next(open.Count)], random) : Fill(Templates[random.Next(Templates.Length)], random))
            .ToList();
        for (var i = 0; i < 500; i++)
        {
            index.FindBest(QuestionFingerprint.Of(queries[i]), 0.7); // Warm-up.
        }

        var latencies = new double[queries.Count];
        var merged = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var match = index.FindBest(QuestionFingerprint.Of(queries[i]), 0.7);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            merged += match is null ? 0 : 1;
        }

        Console.WriteLine();
        Console.WriteLine($"3. de-duplication alone against {index.Count} open questions ({queries.Count} lookups, half paraphrases; {merged} matched)");
        Print("  fingerprint + index lookup", latencies);
    }

    private static List<RaidQuestion> Generate(int count, int viewers, Random random)
    {
        var list = new List<RaidQuestion>(count);
        for (var i = 0; i < count; i++)
        {
            var viewer = i % viewers;
            if (list.Count > 20 && random.NextDouble() < 0.33)
            {
                list.Add(new RaidQuestion(viewer, Paraphrase(list[random.Next(list.Count)].Text, random), true));
            }
            else
            {
                list.Add(new RaidQuestion(viewer, Fill(Templates[random.Next(Templates.Length)], random), false));
            }
        }

        return list;
    }

    private static string Fill(string template, Random random) => template
        .Replace("{job}", Jobs[random.Next(Jobs.Length)], StringComparison.Ordinal)
        .Replace("{place}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
        .Replace("{age}", random.Next(16, 31).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace(" {detail}", Details[random.Next(Details.Length)] is { Length: > 0 } detail ? " " + detail : string.Empty, StringComparison.Ordinal);

    /// <summary>The same question typed by someone else: greeting, case, accents, punctuation.</summary>
    private static string Paraphrase(string text, Random random)
    {
        var paraphrase = Openers[random.Next(Openers.Length)] + text.TrimEnd('?', ' ');
        paraphrase = random.Next(3) switch
        {
            0 => paraphrase.ToLowerInvariant(),
            1 => paraphrase.Replace('é', 'e').Replace('à', 'a').Replace('è', 'e'),
            _ => paraphrase,
        };
        return paraphrase + (random.Next(2) == 0 ? " ??" : " svp");
    }

    private static void Print(string label, double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(FormattableString.Invariant($"{label}: n={sorted.Length} mean={sorted.Average():0.000} ms p50={P(0.50):0.000} ms p95={P(0.95):0.000} ms p99={P(0.99):0.000} ms max={sorted[^1]:0.000} ms"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed record RaidQuestion(int Viewer, string Text, bool Paraphrase);

    /// <summary>Time that only moves when told (the bench project has no FakeTimeProvider).</summary>
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
