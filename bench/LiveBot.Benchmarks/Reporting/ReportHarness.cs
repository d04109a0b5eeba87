using System.Diagnostics;
using System.Globalization;
using LiveBot.Reporting.Rendering;
using LiveBot.Testing.Reporting;

namespace LiveBot.Benchmarks.Reporting;

/// <summary>
/// The report of the synthetic 3-hour live (10,000 chat lines, 2,000 offer requests, 300 questions):
/// build (LiteDB reads and aggregation) and render (HTML with ScottPlot SVG charts and the map), first
/// run (cold: fonts, map data) then the median of warm runs. Target: under 1 s.
/// </summary>
public static class ReportHarness
{
    public static void Register() => Harnesses.Register("report", RunAsync);

    private static Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        using var lab = new ReportLab();
        var play = Stopwatch.StartNew();
        SyntheticLive.Play(lab);
        Console.WriteLine($"synthetic live recorded in {play.ElapsedMilliseconds} ms (180 flushes)");
        var timings = new List<(double Build, double Render, int Bytes)>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var report = lab.Builder.Build();
            var built = watch.Elapsed.TotalMilliseconds;
            var html = ReportHtml.Render(report, lab.Time.GetUtcNow());
            timings.Add((built, watch.Elapsed.TotalMilliseconds - built, html.Length));
        }

        var (coldBuild, coldRender, bytes) = timings[0];
        var warm = timings.Skip(1).OrderBy(t => t.Build + t.Render).ToList();
        var median = warm[warm.Count / 2];
        Console.WriteLine($"cold: build {coldBuild:F0} ms + render {coldRender:F0} ms = {coldBuild + coldRender:F0} ms; HTML {bytes / 1024} KiB");
        Console.WriteLine($"warm median of {warm.Count}: build {median.Build:F0} ms + render {median.Render:F0} ms = {median.Build + median.Render:F0} ms");
        return Task.FromResult(0);
    }
}
