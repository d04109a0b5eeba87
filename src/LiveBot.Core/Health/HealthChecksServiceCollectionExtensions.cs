using LiveBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Core.Health;

public static class HealthChecksServiceCollectionExtensions
{
    /// <summary>Tag of the checks behind <c>/health/ready</c>; <c>/health/live</c> runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// ASP.NET Core health checks for Docker and orchestrators: storage writable, moderators' files valid, every
    /// enabled platform connected (all tagged <see cref="ReadyTag"/>).
    /// </summary>
    public static IServiceCollection AddLiveBotHealthChecks(this IServiceCollection services)
    {
        services.AddLiveBotStorage();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<ConfigurationHealthCheck>(ConfigurationHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<PlatformsHealthCheck>(PlatformsHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }
}
