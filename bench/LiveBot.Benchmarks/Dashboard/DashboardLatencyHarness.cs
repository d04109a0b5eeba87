using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Benchmarks.Dashboard;

/// <summary>
/// Chat message -> presenter page update, over the real wire: the real bot on Kestrel 127.0.0.1:0 (temp
/// config and LiteDB), viewers posting <c>!question …</c> to the local test chat (<c>POST /api/chat</c>),
/// and a presenter page's event stream (<c>GET /events</c>) read as EventSource does. Latency = from just
/// before the POST is sent to the moment the matching <c>question</c> event is read off the stream.
/// Phases: one at a time (no queueing), then at raid pace (10,000 questions in 10 minutes = 16.7/s)
/// and at 5x that, with a second presenter page and an overlay connected; before and after, the same
/// measure inside a real Chromium presenter page (<see cref="PresenterPageProbe"/>; skip with --no-browser),
/// last with the queue filled to the raid's 10,000 questions.
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness dashboard-latency [--sequential 300] [--seconds 20] [--raid 10000] [--no-browser]</code>
/// </summary>
public static class DashboardLatencyHarness
{
    private const string Token = "jeton-du-banc-d-essai-0123456789";

    private static readonly string[] Words =
    [
        "apprentissage", "contrat", "entreprise", "salaire", "diplôme", "formation", "alternance", "école", "patron",
        "boulanger", "cuisinier", "coiffure", "électricien", "plombier", "mécanique", "commerce", "vente", "banque",
        "informatique", "réseau", "logistique", "transport", "santé", "aide-soignant", "pharmacie", "hôtellerie",
        "restaurant", "bâtiment", "maçon", "menuisier", "peinture", "jardin", "paysagiste", "agriculture", "élevage",
        "comptable", "gestion", "marketing", "graphisme", "photo", "vidéo", "son", "théâtre", "sport", "animation",
        "permis", "voiture", "logement", "loyer", "aides", "bourse", "mutuelle", "congés", "horaires", "weekend",
        "rupture", "essai", "tuteur", "maître", "CFA", "lycée", "bac", "BTS", "licence", "master", "CAP", "BP",
        "âge", "trente", "mineur", "handicap", "étranger", "Erasmus", "Lyon", "Paris", "Lille", "Marseille",
        "Bordeaux", "Nantes", "Toulouse", "Rennes", "Strasbourg", "campagne", "ville", "région", "département",
    ];

    public static void Register() => Harnesses.Register("dashboard-latency", RunAsync);

    private static async Task<int> RunAsync(string[] args)
    {
        var sequential = Option(args, "--sequential", 300);
        var seconds = Option(args, "--seconds", 20);
        var browser = !args.Contains("--no-browser") && File.Exists("/usr/bin/chromium");
        var raid = Option(args, "--raid", 10_000);
        var folder = Path.Combine(Path.GetTempPath(), "livebot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "config"));
        var app = LiveBotApp.Build(
        [
            "--config-dir", Path.Combine(folder, "config"),
            "--urls", "http://127.0.0.1:0",
            "--Storage:Path", Path.Combine(folder, "data", "livebot.db"),
            "--LocalChat:Console", "false",
            "--Logging:LogLevel:Default", "Warning",
            "--Dashboard:Token", Token,
        ]);
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri(LiveBotApp.Addresses(app).First().TrimEnd('/') + "/");
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var presenter = new PresenterStream(http);
            await presenter.ConnectedAsync();
            var random = new Random(6);
            var asked = 0;

            Console.WriteLine($"dashboard-latency: bot at {baseAddress}, {Environment.ProcessorCount} cores");
            await using var page = browser ? await PresenterPageProbe.OpenAsync(baseAddress, Token) : null;
            if (page is not null)
            {
                Report("Chromium page, one at a time, new row shown (queue < 200)", await InPageAsync(page, random, 150, "row", "pa", () => asked++));
            }

            Report("event stream, one at a time", await SequentialAsync(http, presenter, random, sequential, () => asked++));

            using var secondPage = new PresenterStream(http);
            using var overlay = new PresenterStream(http, "overlay/events");
            await secondPage.ConnectedAsync();
            await overlay.ConnectedAsync();
            Report($"raid pace 16.7/s for {seconds} s, 2 pages + overlay open", await PacedAsync(http, presenter, random, 10_000.0 / 600, seconds, () => asked++));
            Report($"5x raid pace 83/s for {seconds} s, 2 pages + overlay open", await PacedAsync(http, presenter, random, 5 * 10_000.0 / 600, seconds, () => asked++));
            if (page is not null)
            {
                Report($"Chromium page, one at a time, counter updated (queue > {asked})", await InPageAsync(page, random, 150, "counter", "pb", () => asked++));
                var queue = app.Services.GetRequiredService<LiveBot.Questions.QuestionQueue>();
                var preloaded = 0;
                while (queue.Counters().Total < raid)
                {
                    queue.Submit("twitch", "live", "twitch:p" + preloaded, "p" + preloaded, Question(random));
                    preloaded++;
                }

                Console.WriteLine($"page reload with {queue.Counters().Total} questions (snapshot + first render): {await page.ReloadAsync():0} ms");
                Report($"Chromium page, one at a time, counter updated (queue of {queue.Counters().Total}, the raid's size)", await InPageAsync(page, random, 100, "counter", "pc", () => asked++));
            }

            Console.WriteLine($"questions asked: {asked}; open in the queue at the end: {app.Services.GetRequiredService<LiveBot.Questions.QuestionQueue>().Counters().Total}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<List<double>> SequentialAsync(HttpClient http, PresenterStream presenter, Random random, int count, Action counted)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var text = Question(random);
            latencies.Add(await AskAsync(http, presenter, "seq" + i.ToString(CultureInfo.InvariantCulture), text));
            counted();
        }

        return latencies;
    }

    private static async Task<List<double>> InPageAsync(PresenterPageProbe page, Random random, int count, string waitFor, string prefix, Action counted)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            latencies.Add(await page.AskAsync(prefix + i.ToString(CultureInfo.InvariantCulture), Question(random), waitFor));
            counted();
        }

        return latencies;
    }

    private static async Task<List<double>> PacedAsync(HttpClient http, PresenterStream presenter, Random random, double perSecond, int seconds, Action counted)
    {
        var total = (int)(perSecond * seconds);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = Stopwatch.GetTimestamp();
        var tasks = new List<Task<double>>(total);
        var prefix = "r" + perSecond.ToString("0", CultureInfo.InvariantCulture) + "-";
        for (var i = 0; i < total; i++)
        {
            var due = started + (long)(interval.TotalSeconds * i * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            tasks.Add(AskAsync(http, presenter, prefix + i.ToString(CultureInfo.InvariantCulture), Question(random)));
            counted();
        }

        return [.. await Task.WhenAll(tasks)];
    }

    /// <summary>One viewer asks; returns the milliseconds until the presenter stream carried it.</summary>
    private static async Task<double> AskAsync(HttpClient http, PresenterStream presenter, string user, string text)
    {
        var seen = presenter.Expect(text);
        var start = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("api/chat", new { user, text = "!question " + text });
        response.EnsureSuccessStatusCode();
        var at = await seen.WaitAsync(TimeSpan.FromSeconds(30));
        return Stopwatch.GetElapsedTime(start, at).TotalMilliseconds;
    }

    /// <summary>Eight random words: different enough from each other that de-duplication never merges two.</summary>
    private static string Question(Random random)
    {
        var words = Enumerable.Range(0, 8).Select(_ => Words[random.Next(Words.Length)]);
        return "Question " + string.Join(' ', words) + " ?";
    }

    private static void Report(string phase, List<double> latencies)
    {
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase}: n={latencies.Count} p50={P(0.50):0.0} ms p90={P(0.90):0.0} ms p99={P(0.99):0.0} ms max={latencies[^1]:0.0} ms"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>A presenter page's event stream, read on its own task; completes a waiter when its question arrives.</summary>
    private sealed class PresenterStream : IDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;

        public PresenterStream(HttpClient http, string path = "events") => _reading = ReadAsync(http, path);

        public Task ConnectedAsync() => _connected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public Task<long> Expect(string text)
        {
            var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[text] = waiter;
            return waiter.Task;
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _reading.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            _stop.Dispose();
        }

        private async Task ReadAsync(HttpClient http, string path)
        {
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
                string? eventName = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        eventName = line[7..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        var now = Stopwatch.GetTimestamp();
                        if (eventName is "snapshot" or "onair")
                        {
                            _connected.TrySetResult();
                        }
                        else if (eventName == "question")
                        {
                            using var json = JsonDocument.Parse(line.AsMemory(6));
                            var text = json.RootElement.GetProperty("question").GetProperty("text").GetString();
                            if (text is not null && _waiting.TryRemove(text, out var waiter))
                            {
                                waiter.TrySetResult(now);
                            }
                        }
                    }
                    else if (line.Length == 0)
                    {
                        eventName = null;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
