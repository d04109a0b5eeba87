namespace LiveBot.Core.Timing;

public static class PeriodicTimerExtensions
{
    /// <summary>
    /// Waits for the timer's next tick; false when the timer was disposed or <paramref name="cancellationToken"/>
    /// was cancelled (the host stopping), so a background loop ends quietly instead of throwing.
    /// </summary>
    public static async Task<bool> TickOrStopAsync(this PeriodicTimer timer, CancellationToken cancellationToken)
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
}
