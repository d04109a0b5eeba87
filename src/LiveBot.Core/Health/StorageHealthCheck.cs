using LiveBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveBot.Core.Health;

/// <summary>
/// Ready only while the data folder takes a write: a small probe file is written there and deleted (a full
/// disk, a read-only volume or a folder gone makes the bot not ready). Says no path: the endpoint is public.
/// </summary>
public sealed class StorageHealthCheck(LiteDbStore store) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(store.DataFolder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            // Owner-only like every file of the data folder (issue 13), even for the instant it exists.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly.Mode;
            }

            await using (var stream = new FileStream(probe, options))
            {
                await stream.WriteAsync(new byte[] { 0x4C, 0x42 }, cancellationToken);
            }

            File.Delete(probe);
            return HealthCheckResult.Healthy("dossier de données accessible en écriture");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "dossier de données non accessible en écriture (" + ex.GetType().Name + ")");
        }
    }
}
