using LiveBot.Core.Timing;
using LiveBot.Questions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Reporting.Recording;

/// <summary>
/// Every <see cref="ReportOptions.FlushInterval"/>: reads the platforms' counters and writes the counts;
/// every <c>Questions:PurgeInterval</c> (and at start): deletes what is older than <c>Questions:RetentionDays</c>.
/// Writes the last counts at stop.
/// </summary>
public sealed partial class ReportRecordingService(
    LiveStatsRecorder recorder,
    PlatformSampler sampler,
    QuestionStats questions,
    ReportStore store,
    IOptions<ReportOptions> options,
    IOptions<QuestionsOptions> retention,
    TimeProvider time,
    ILogger<ReportRecordingService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Tick(purge: false);
    }

    /// <summary>Deletes report data older than the retention; returns how many documents went.</summary>
    public int Purge() => store.PurgeBefore(time.GetUtcNow() - TimeSpan.FromDays(retention.Value.RetentionDays));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GC.KeepAlive(questions); // subscribed to the queue from its construction
        var nextPurge = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        do
        {
            var purge = time.GetUtcNow() >= nextPurge;
            if (purge)
            {
                nextPurge = time.GetUtcNow() + retention.Value.PurgeInterval;
            }

            Tick(purge);
        }
        while (await timer.TickOrStopAsync(stoppingToken));
    }

    private void Tick(bool purge)
    {
        try
        {
            sampler.Sample();
            recorder.Flush();
            if (purge && Purge() is var removed and > 0)
            {
                Log.Purged(logger, removed, retention.Value.RetentionDays);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FlushFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Report counts not written; kept for the next try")]
        public static partial void FlushFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Report retention: {Count} documents older than {Days} days deleted")]
        public static partial void Purged(ILogger logger, int count, int days);
    }
}
