using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Polls;

/// <summary>
/// Closes the open poll when its time is up, on <see cref="TimeProvider"/> time; a poll whose time passed while
/// the bot was stopped closes as soon as it starts again.
/// </summary>
public sealed partial class PollTimerService : BackgroundService
{
    private readonly PollBox _polls;
    private readonly TimeProvider _time;
    private readonly ILogger<PollTimerService> _logger;
    private readonly SemaphoreSlim _changed = new(0);

    public PollTimerService(PollBox polls, TimeProvider time, ILogger<PollTimerService> logger)
    {
        _polls = polls;
        _time = time;
        _logger = logger;
        _polls.Changed += OnChanged;
    }

    public override void Dispose()
    {
        _polls.Changed -= OnChanged;
        _changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.Failed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task StepAsync(CancellationToken stoppingToken)
    {
        if (_polls.Current is not { ClosesAt: { } closesAt } open)
        {
            await _changed.WaitAsync(stoppingToken);
            return;
        }

        var wait = closesAt - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _polls.Close(open.Id, PollCloseReason.Timer);
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, _time, cancel.Token);
        if (_time.GetUtcNow() >= closesAt)
        {
            await cancel.CancelAsync();
            return; // Time moved while the timer was being set: look again.
        }

        await Task.WhenAny(delay, _changed.WaitAsync(cancel.Token));
        await cancel.CancelAsync();
    }

    private void OnChanged(PollChange change)
    {
        if (change.Kind != PollChange.Voted)
        {
            _changed.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The poll timer failed; it tries again in 5 seconds")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
