using System.Globalization;
using Microsoft.Extensions.Options;

namespace LiveBot.Check;

/// <summary>
/// Runs every probe at once, each bounded by <see cref="CheckOptions.ProbeTimeout"/> on the injected
/// clock (a hung service gives a ✗ line, never a hang), and keeps the lines in the probes' order. The
/// running bot keeps its last report for the presenter page; two clicks share one run.
/// </summary>
public sealed partial class PreLiveCheck(IEnumerable<ICheckProbe> probes, IOptions<CheckOptions> options, TimeProvider time, ILogger<PreLiveCheck> logger)
{
    private readonly Lock _gate = new();
    private Task<CheckReport>? _running;
    private volatile CheckReport? _last;

    /// <summary>The last report of the running bot, or null before the first run.</summary>
    public CheckReport? Last => _last;

    /// <summary>Runs the check now (or joins the run under way) and keeps its report as <see cref="Last"/>.</summary>
    public Task<CheckReport> RunSharedAsync(CheckContext context, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } running)
            {
                return running.WaitAsync(cancellationToken);
            }

            _running = RunAndKeepAsync(context);
            return _running.WaitAsync(cancellationToken);
        }
    }

    public async Task<CheckReport> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var ranAt = time.GetUtcNow();
        var results = await Task.WhenAll(probes.Select(p => RunProbeAsync(p, context, cancellationToken)));
        var report = new CheckReport(ranAt, time.GetElapsedTime(started), results.SelectMany(r => r).ToList());
        Log.Ran(logger, report.Count(CheckStatus.Ok), report.Count(CheckStatus.Warning), report.Count(CheckStatus.Failed));
        return report;
    }

    private async Task<CheckReport> RunAndKeepAsync(CheckContext context)
    {
        // Not tied to the request that started it: a page reload does not cut the run short.
        await Task.Yield();
        var report = await RunAsync(context, CancellationToken.None);
        _last = report;
        return report;
    }

    private async Task<IReadOnlyList<CheckLine>> RunProbeAsync(ICheckProbe probe, CheckContext context, CancellationToken cancellationToken)
    {
        var limit = options.Value.ProbeTimeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // WaitAsync: even a probe that ignores its token cannot hold the check past the limit.
            return await Task.Run(() => probe.RunAsync(context, linked.Token), CancellationToken.None).WaitAsync(limit, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.TimedOut(logger, probe.Point, limit.TotalSeconds);
            return [CheckLine.Failed(probe.Point, string.Create(CultureInfo.InvariantCulture, $"pas de réponse en {limit.TotalSeconds:0} s"), "le service ne répond pas : vérifiez la connexion à Internet et l'adresse configurée, puis relancez la vérification.")];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, probe.Point, ex);
            return [CheckLine.Failed(probe.Point, "vérification impossible (" + ex.GetType().Name + ")", "relancez la vérification ; si cela se répète, voyez le journal du bot.")];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Pre-live check: {Ok} ok, {Warnings} warnings, {Failed} failed")]
        public static partial void Ran(ILogger logger, int ok, int warnings, int failed);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Pre-live check: {Point} gave no answer within {Seconds} s")]
        public static partial void TimedOut(ILogger logger, string point, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Pre-live check: {Point} failed")]
        public static partial void ProbeFailed(ILogger logger, string point, Exception exception);
    }
}
