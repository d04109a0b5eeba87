using LiveBot.Core.Timing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Storage;

/// <summary>
/// One kind of data viewers leave behind (questions, polls...): <paramref name="PurgeExpired"/> deletes what is
/// older than its retention and returns how many records went; it runs at start, then every
/// <paramref name="Interval"/>.
/// </summary>
public sealed record RetentionPurge(string Name, TimeSpan Interval, Func<int> PurgeExpired);

/// <summary>Runs every registered <see cref="RetentionPurge"/> on its own <see cref="TimeProvider"/> timer.</summary>
public sealed partial class RetentionService(IEnumerable<RetentionPurge> purges, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(purges.Select(purge => RunAsync(purge, stoppingToken)));

    private async Task RunAsync(RetentionPurge purge, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(purge.Interval, time);
        do
        {
            try
            {
                var removed = purge.PurgeExpired();
                if (removed > 0)
                {
                    Log.Purged(logger, purge.Name, removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PurgeFailed(logger, purge.Name, ex);
            }
        }
        while (await timer.TickOrStopAsync(cancellationToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge of {Name}: {Count} records deleted")]
        public static partial void Purged(ILogger logger, string name, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge of {Name} failed; next try at the next interval")]
        public static partial void PurgeFailed(ILogger logger, string name, Exception exception);
    }
}

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Adds one purge to the shared <see cref="RetentionService"/> (registered once).</summary>
    public static IServiceCollection AddRetentionPurge(this IServiceCollection services, Func<IServiceProvider, RetentionPurge> purge)
    {
        services.AddSingleton(purge);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionService>());
        return services;
    }
}
