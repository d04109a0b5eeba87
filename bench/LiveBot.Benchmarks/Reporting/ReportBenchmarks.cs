using BenchmarkDotNet.Attributes;
using LiveBot.Testing.Reporting;

namespace LiveBot.Benchmarks.Reporting;

/// <summary>
/// What recording adds to each chat line (target: under 5 µs): the count of the line, and of a command
/// one line in four, into the in-memory minute bucket. Writing to LiteDB happens on the flush timer, not here.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private ReportLab _lab = null!;
    private DateTimeOffset _now;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _lab = new ReportLab();
        _now = _lab.Time.GetUtcNow();
    }

    [GlobalCleanup]
    public void Cleanup() => _lab.Dispose();

    [Benchmark]
    public void ChatLine() => _lab.Recorder.ChatLine("twitch", _now);

    [Benchmark]
    public void ChatLineWithCommandOneInFour()
    {
        _lab.Recorder.ChatLine("youtube", _now);
        if ((++_n & 3) == 0)
        {
            _lab.Recorder.Command("youtube", "offres", answered: true, _now);
        }
    }
}
