using LiveBot.Dashboard;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Recording;

namespace LiveBot.Reporting;

/// <summary>
/// The presenter page's "Statistiques" tab: after each write of the counts (every
/// <c>Report:FlushInterval</c> while the chat is active), a <c>stats</c> event on the presenters' event
/// stream with the timeline of the last hours and the top jobs and places. The page never polls; a page
/// that connects gets the last one with its snapshot.
/// </summary>
public sealed partial class LiveStatsFeed(
    LiveStatsRecorder recorder,
    ReportBuilder builder,
    DashboardFeed feed,
    TimeProvider time,
    ILogger<LiveStatsFeed> logger) : IHostedService
{
    /// <summary>How far back the live tab looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(4);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recorder.Flushed += Publish;
        Publish();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Flushed -= Publish;
        return Task.CompletedTask;
    }

    /// <summary>Builds and sends the live statistics now.</summary>
    public void Publish()
    {
        try
        {
            var now = time.GetUtcNow();
            var report = builder.Build(now - Window, now, flush: false);
            feed.PublishPresenter("stats", new
            {
                from = report.From,
                to = report.To,
                totals = report.Totals,
                timeline = report.Timeline,
                onAir = report.OnAir,
                jobs = report.Jobs.Take(10),
                places = report.Places.Take(10),
                answeredShare = report.AnsweredShare,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PublishFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Live statistics could not be sent to the presenter page")]
        public static partial void PublishFailed(ILogger logger, Exception exception);
    }
}
