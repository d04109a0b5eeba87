using System.Diagnostics;
using System.Globalization;
using LiveBot.Core.Storage;
using LiveBot.Questions;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveBot.Benchmarks.Questions;

/// <summary>
/// Intake as the queue grows (issue 13): 20,000 new questions, one per viewer, into the real
/// <see cref="QuestionQueue"/> on a real LiteDB file, each durable before Submit returns; figures per block of
/// 2,000 so that a cost growing with the queue shows as a slope. Two mixes: eight random words (nothing merges),
/// and questions that share most of their words and differ by a number (the adversarial probe's shape).
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness questions-intake [--questions 20000] [--block 2000]</code>
/// </summary>
public static class QuestionsIntakeHarness
{
    private static readonly string[] Shared =
    [
        "apprentissage", "alternance", "entreprise", "contrat", "salaire", "formation", "diplome", "ecole", "metier", "patron",
    ];

    public static void Register() => Harnesses.Register("questions-intake", RunAsync);

    private static Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--questions", 20_000);
        var block = Option(args, "--block", 2_000);
        var random = new Random(13);
        var vocabulary = Enumerable.Range(0, 3_000).Select(_ => Word(random)).Distinct().ToArray();
        Run("random words", count, block, i => string.Join(' ', Enumerable.Range(0, 8).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + " ?");
        Run("shared words + a number", count, block, i => "Est-ce que l'" + string.Join(' ', Shared.OrderBy(_ => random.Next()).Take(4)) + " marche à " + i.ToString(CultureInfo.InvariantCulture) + " ans ?");
        return Task.FromResult(0);
    }

    private static void Run(string title, int count, int block, Func<int, string> text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "livebot-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var time = new ManualTime(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));
            using var store = new LiteDbStore(Options.Create(new StorageOptions { Path = Path.Combine(folder, "livebot.db") }));
            var queue = new QuestionQueue(store, Options.Create(new QuestionsOptions()), () => ModerationRules.Empty, time, NullLogger<QuestionQueue>.Instance).Load();
            var texts = Enumerable.Range(0, count).Select(text).ToArray();
            Console.WriteLine();
            Console.WriteLine($"{title}: {count} questions, one per viewer");
            Console.WriteLine("| queue size | questions/s | p50 ms | p99 ms | added |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            var latencies = new double[block];
            for (var start = 0; start < count; start += block)
            {
                var n = Math.Min(block, count - start);
                var added = 0;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var result = queue.Submit("twitch", "live", "twitch:" + (start + i), "viewer", texts[start + i]);
                    latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    added += result.Outcome == SubmitOutcome.Added ? 1 : 0;
                    time.Advance(TimeSpan.FromMilliseconds(30));
                }

                clock.Stop();
                var sorted = latencies[..n].Order().ToArray();
                Console.WriteLine(FormattableString.Invariant(
                    $"| {start:N0} -> {start + n:N0} | {n / clock.Elapsed.TotalSeconds:0} | {sorted[n / 2]:0.000} | {sorted[Math.Min(n - 1, (int)(n * 0.99))]:0.000} | {added} |"));
            }
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

    private static string Word(Random random)
    {
        const string letters = "abcdefghijklmnoprstuv";
        var length = random.Next(5, 10);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[r.Next(letters.Length)];
            }
        });
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
