using LiveBot.Core.Chat;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveBot.Core.Health;

/// <summary>
/// Ready only while every enabled platform is connected. A platform that waits for its live (YouTube before the
/// broadcast starts) or is connected but reports an error makes it <see cref="HealthStatus.Degraded"/>
/// (still ready: the bot works and says so); connecting, reconnecting, stopped or refused credentials: not ready.
/// </summary>
public sealed class PlatformsHealthCheck(PlatformRegistry platforms) : IHealthCheck
{
    public const string Name = "platforms";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = HealthStatus.Healthy;
        var parts = new List<string>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var platform in platforms.All)
        {
            var health = platform.GetHealth();
            data[health.Name] = health.State;
            var own = health.State switch
            {
                PlatformStates.Connected when health.Error is null => HealthStatus.Healthy,
                PlatformStates.Connected or PlatformStates.Waiting => HealthStatus.Degraded,
                _ => context.Registration.FailureStatus,
            };
            parts.Add(health.Name + " : " + health.State);
            status = own < status ? own : status;
        }

        var description = parts.Count == 0 ? "aucune plateforme activée" : string.Join(", ", parts);
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }
}
