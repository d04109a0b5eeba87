using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Configuration;

/// <summary>
/// Checks every moderators' file twice a second. Polling rather than FileSystemWatcher: editors that save
/// by rename and bind-mounted folders in containers both defeat change notifications. Nothing a file or a
/// reload listener throws stops the watcher (issue 13): it is logged, and the file's previous version stays.
/// </summary>
public sealed partial class ModeratorFilesWatcher(IEnumerable<IModeratorFile> files, ILogger<ModeratorFilesWatcher> logger) : BackgroundService
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
                CheckAll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round of checks; public for tests.</summary>
    public void CheckAll()
    {
        foreach (var file in files)
        {
            try
            {
                file.CheckForChanges();
            }
            catch (Exception ex)
            {
                Log.CheckFailed(logger, file.Name, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Moderators' file {File}: the reload failed; the bot goes on with the version in force")]
        public static partial void CheckFailed(ILogger logger, string file, Exception exception);
    }
}
