using LiveBot.Core.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveBot.Core.Health;

/// <summary>
/// Ready only while every moderators' file is valid as last read (a broken edit keeps the last good version
/// running, but the organisers must fix it). Settings are validated at start: a bad one stops the bot.
/// </summary>
public sealed class ConfigurationHealthCheck(ConfigStatusRegistry config) : IHealthCheck
{
    public const string Name = "configuration";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var broken = config.Snapshot().Where(kv => kv.Value != ConfigStatusRegistry.Ok).Select(kv => Path.GetFileName(kv.Key)).ToList();
        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy("configuration valide")
            : new HealthCheckResult(context.Registration.FailureStatus, "fichier(s) invalide(s) : " + string.Join(", ", broken) + " (détail sur /healthz)"));
    }
}
