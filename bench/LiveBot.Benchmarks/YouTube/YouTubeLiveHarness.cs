using System.Globalization;
using LiveBot.YouTube.Quota;
using LiveBot.YouTube.Tests;

namespace LiveBot.Benchmarks.YouTube;

/// <summary>
/// A simulated 3-hour YouTube live on fake time: the real bot (BotHost, Kestrel 127.0.0.1:0, temp LiteDB)
/// with YouTube enabled against the fake YouTube server of the tests (real Google.Apis pipeline, OAuth,
/// quota accounting, polling-interval checks). The chat carries 2,000 messages, 300 of them commands
/// (<c>!merci</c>, <c>!merci &lt;n&gt;</c>, <c>!aide</c>, all mergeable), half of the commands in six
/// bursts (25 viewers asking the same thing within 40 s), the rest spread out, with plain chat bursts too. Reports the units spent,
/// the share of commands answered (a merged reply counts for each asker it mentions) and the
/// command -> reply delay (fake time between the viewer's message and the reply mentioning them).
/// <c>--transport stream</c> reads through liveChatMessages.streamList (the fake pushes each line as it is
/// said); <c>--drop-every 600</c> drops the stream connection every that many seconds of fake time;
/// <c>--stream-unavailable 404</c> makes the stream endpoint answer that status (the bot falls back to polling).
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness youtube-live [--transport poll|stream] [--drop-every 0] [--stream-unavailable 404] [--read-share 0.5] [--seed 7]</code>
/// </summary>
public static class YouTubeLiveHarness
{
    public const int Messages = 2_000;
    public const int Commands = 300;
    public static readonly TimeSpan Duration = TimeSpan.FromHours(3);

    /// <summary>The bot drops replies older than this (YouTube:ReplyMaxAge default), so no "+N" counts older askers.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(3);

    public static void Register() => Harnesses.Register("youtube-live", RunAsync);

    private static async Task<int> RunAsync(string[] args)
    {
        var readShare = Option(args, "--read-share", "0.5");
        var seed = int.Parse(Option(args, "--seed", "7"), CultureInfo.InvariantCulture);
        var transport = Option(args, "--transport", "poll");
        var unavailable = Option(args, "--stream-unavailable", "");
        var dropEvery = TimeSpan.FromSeconds(int.Parse(Option(args, "--drop-every", "0"), CultureInfo.InvariantCulture));
        var events = Script(new Random(seed));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-bench", "video-bench");
            f.DailyBudget = 10_000;
            f.StreamUnavailableStatus = unavailable.Length > 0 ? int.Parse(unavailable, CultureInfo.InvariantCulture) : null;
        }, new Dictionary<string, string>
        {
            ["YouTube:ReadShare"] = readShare,
            ["YouTube:Transport"] = transport,
            ["Logging:LogLevel:Default"] = "Error",
        });

        var start = t.Time.GetUtcNow();
        var levels = new SortedSet<ReplyLevel>();
        var nextDrop = dropEvery > TimeSpan.Zero ? start + dropEvery : DateTimeOffset.MaxValue;
        foreach (var e in events)
        {
            while (nextDrop <= start + e.At)
            {
                await t.DriveUntilAsync(() => t.Time.GetUtcNow() >= nextDrop, TimeSpan.FromSeconds(1), Duration);
                t.Fake.DropStreams();
                nextDrop += dropEvery;
            }

            await t.DriveUntilAsync(() => t.Time.GetUtcNow() >= start + e.At, TimeSpan.FromSeconds(1), Duration);
            t.Fake.Say("chat-bench", e.Author, e.Text);
            levels.Add(Enum.Parse<ReplyLevel>((string)t.Client.GetHealth().Details!["replyLevel"]!));
        }

        // Let the last replies go out.
        await t.RunForAsync(TimeSpan.FromMinutes(4));

        // An asker is answered by the first reply after their command that names them, or that counts
        // them in its "+N" (a merged reply too long to name everyone: the N earliest waiting askers of
        // the same command).
        var inserted = t.Fake.InsertedSnapshot();
        var commandsSaid = events.Where(e => e.IsCommand).ToList();
        var answeredAt = new Dictionary<ChatEvent, DateTimeOffset>();
        foreach (var reply in inserted)
        {
            var words = reply.Text.Split(' ');
            var named = commandsSaid.Where(c => !answeredAt.ContainsKey(c) && start + c.At <= reply.At && words.Contains("@" + c.Author)).ToList();
            foreach (var c in named)
            {
                answeredAt[c] = reply.At;
            }

            var more = words.Select(w => w.StartsWith('+') && int.TryParse(w[1..], CultureInfo.InvariantCulture, out var n) ? n : 0).Sum();
            if (more > 0 && named.Count > 0)
            {
                foreach (var c in commandsSaid.Where(c => !answeredAt.ContainsKey(c) && start + c.At <= reply.At && reply.At - (start + c.At) <= MaxWait && c.Text == named[0].Text).Take(more).ToList())
                {
                    answeredAt[c] = reply.At;
                }
            }
        }

        var delays = answeredAt.Select(kv => (kv.Value - (start + kv.Key.At)).TotalSeconds).ToList();
        var answered = answeredAt.Count;
        delays.Sort();
        var health = await t.YouTubeHealthAsync();
        var level = health.GetProperty("details").GetProperty("replyLevel").GetString();
        var transportNow = health.GetProperty("details").GetProperty("transport").GetString();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"youtube-live: transport {transport} (at the end: {transportNow}), drop every {dropEvery.TotalSeconds:0} s, read share {readShare}, {Messages} messages ({Commands} commands) over {Duration.TotalHours:0} h of fake time, run in {clock.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  units spent (fake server): {t.Fake.UnitsSpent} of 10000 — {string.Join(", ", t.Fake.UnitsByMethod.Select(kv => $"{kv.Key} {kv.Value}"))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  calls: {string.Join(", ", t.Fake.Calls.Select(kv => $"{kv.Key} {kv.Value}"))}; pacing violations {t.Fake.PacingViolations.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  commands answered: {answered}/{Commands} = {100.0 * answered / Commands:0.0} % in {inserted.Count} messages (bot's own count {t.Client.AnsweredAskers}); reply levels seen: {string.Join(", ", levels)}; at the end: {level}"));
        if (delays.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  command -> reply delay: p50 {Percentile(delays, 0.5):0.0} s, p95 {Percentile(delays, 0.95):0.0} s, max {delays[^1]:0.0} s"));
        }

        return 0;
    }

    private static bool Mentions(string text, string author) =>
        text.Split(' ').Any(word => word == "@" + author);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The chat of the live: what is said, when and by whom (each command by a distinct viewer).</summary>
    private static List<ChatEvent> Script(Random random)
    {
        var events = new List<ChatEvent>();
        var seconds = (int)Duration.TotalSeconds - 300;
        var commandTexts = new[] { "!merci", "!merci", "!aide", "!merci 1", "!merci 2", "!merci 3" };
        var burstStarts = Enumerable.Range(0, 6).Select(i => 600 + (i * 1_700)).ToList();
        var commands = 0;
        foreach (var burst in burstStarts)
        {
            var text = commandTexts[random.Next(commandTexts.Length)];
            for (var i = 0; i < 25; i++)
            {
                events.Add(new ChatEvent(TimeSpan.FromSeconds(burst + random.Next(40)), "viewer" + commands++, text, true));
            }

            for (var i = 0; i < 60; i++)
            {
                events.Add(new ChatEvent(TimeSpan.FromSeconds(burst + random.Next(60)), "fan" + random.Next(400), "trop bien " + i, false));
            }
        }

        while (commands < Commands)
        {
            events.Add(new ChatEvent(TimeSpan.FromSeconds(random.Next(seconds)), "viewer" + commands++, commandTexts[random.Next(commandTexts.Length)], true));
        }

        while (events.Count < Messages)
        {
            events.Add(new ChatEvent(TimeSpan.FromSeconds(random.Next(seconds)), "fan" + random.Next(400), "message " + events.Count, false));
        }

        return events.OrderBy(e => e.At).ToList();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record ChatEvent(TimeSpan At, string Author, string Text, bool IsCommand);
}
