using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Polls;

/// <summary>Deletes polls older than the questions' retention, at start then every purge interval of <see cref="TimeProvider"/> time.</summary>
public sealed partial class PollRetentionService(PollBox polls, TimeProvider time, ILogger<PollRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(polls.Options.PurgeInterval, time);
        do
        {
            try
            {
                polls.PurgeExpired();
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
        [LoggerMessage(Level = LogLevel.Error, Message = "Poll retention purge failed; next try at the next interval")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
