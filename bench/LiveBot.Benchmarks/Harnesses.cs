namespace LiveBot.Benchmarks;

/// <summary>Load harnesses: programs that drive a whole subsystem and print figures for docs/BENCHMARKS.md.</summary>
public static class Harnesses
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> All = new(StringComparer.OrdinalIgnoreCase);

    public static void Register(string name, Func<string[], Task<int>> run) => All[name] = run;

    public static async Task<int> RunAsync(string name, string[] args)
    {
        RegisterAll();
        if (!All.TryGetValue(name, out var run))
        {
            await Console.Error.WriteLineAsync($"Unknown harness '{name}'. Known: {string.Join(", ", All.Keys)}");
            return 2;
        }

        return await run(args);
    }

    /// <summary>Each capability adds its harness here.</summary>
    private static void RegisterAll()
    {
        Dashboard.DashboardLatencyHarness.Register();
        Questions.QuestionsRaidHarness.Register();
        Questions.QuestionsIntakeHarness.Register();
        Offers.OffersSearchHarness.Register();
        Offers.MirrorHarness.Register();
        Offers.OffersParseHarness.Register();
        Reporting.ReportHarness.Register();
        Twitch.TwitchLatencyHarness.Register();
        YouTube.YouTubeLiveHarness.Register();
        Fuzz.FuzzHarness.Register();
    }
}
