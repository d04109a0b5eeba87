using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Questions;

/// <summary>
/// Deletes questions older than <c>Questions:RetentionDays</c>, with who voted for them (many viewers are
/// minors): at start, then every <c>Questions:PurgeInterval</c> of <see cref="TimeProvider"/> time.
/// </summary>
public sealed partial class QuestionRetentionService(QuestionQueue queue, TimeProvider time, ILogger<QuestionRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(queue.Options.PurgeInterval, time);
        do
        {
            try
            {
                queue.PurgeExpired();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PurgeFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Question retention purge failed; next try at the next interval")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
