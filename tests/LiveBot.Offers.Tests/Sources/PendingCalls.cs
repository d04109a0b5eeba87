namespace LiveBot.Offers.Tests.Sources;

/// <summary>
/// Searches a test starts and may leave waiting on the fake clock when it fails midway. The services'
/// disposal waits for unfinished resilience-pipeline calls on the pipeline's clock, which a fake clock never
/// moves: a failed test would hang the run instead of failing. Declared after the services (so disposed
/// before them), this cancels what is left and waits for it to end.
/// </summary>
internal sealed class PendingCalls : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _calls = [];

    public CancellationToken Token => _stop.Token;

    public Task<T> Track<T>(Task<T> call)
    {
        _calls.Add(call);
        return call;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_calls).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // Cancelled or failed calls: the test's own assertions say what went wrong.
        }

        _stop.Dispose();
    }
}
