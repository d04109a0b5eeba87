using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Hosting;

namespace LiveBot.Core.Commands;

/// <summary>
/// Posts the timers of commands.json to every connected chat, each in a chat only when that chat had
/// at least <see cref="TimerDefinition.MinChatLines"/> lines since the timer last spoke there.
/// </summary>
public sealed class TimerService(
    ModeratorFile<CommandSet> commandsFile,
    PlatformRegistry platforms,
    ChatActivity activity,
    TimeProvider time) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _lastRun = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Timer, string Platform, string Channel), long> _linesAtLastPost = [];

    /// <summary>Checks every timer once; called every second by the service, and directly by tests.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var timer in commandsFile.Current.Timers)
        {
            if (!timer.Enabled)
            {
                continue;
            }

            if (!_lastRun.TryGetValue(timer.Name, out var last))
            {
                _lastRun[timer.Name] = now; // First interval starts now, not at the Unix epoch.
                continue;
            }

            if (now - last < timer.Interval)
            {
                continue;
            }

            _lastRun[timer.Name] = now;
            foreach (var platform in platforms.All)
            {
                if (timer.Platforms is { } only && !only.Contains(platform.Name))
                {
                    continue;
                }

                foreach (var channel in platform.ConnectedChannels)
                {
                    var key = (timer.Name, platform.Name, channel);
                    var lines = activity.Lines(platform.Name, channel);
                    if (lines - _linesAtLastPost.GetValueOrDefault(key) < timer.MinChatLines)
                    {
                        continue;
                    }

                    _linesAtLastPost[key] = lines;
                    var text = ReplyText.Sanitize(ReplyTemplate.Render(timer.Message, v => v switch
                    {
                        "platform" => platform.Name,
                        "channel" => channel,
                        _ => null,
                    }));
                    if (text.Length > 0)
                    {
                        await platform.EnqueueAsync(new OutgoingMessage(platform.Name, channel, text, now), cancellationToken);
                    }
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
