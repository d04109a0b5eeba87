using Microsoft.Extensions.Hosting;

namespace LiveBot.Core.Configuration;

/// <summary>
/// Checks every moderators' file twice a second. Polling rather than FileSystemWatcher: editors that save
/// by rename and bind-mounted folders in containers both defeat change notifications.
/// </summary>
public sealed class ModeratorFilesWatcher(IEnumerable<IModeratorFile> files) : BackgroundService
{
    /// <summary>File checks use the real clock: they watch the disk, not the stream's time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var file in files)
                {
                    file.CheckForChanges();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
