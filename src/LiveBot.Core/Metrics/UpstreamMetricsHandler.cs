namespace LiveBot.Core.Metrics;

/// <summary>
/// Outermost handler of an HTTP client: times each call as the bot sees it (retries of a resilience handler
/// included) and records its outcome in <see cref="UpstreamMetrics"/>. Changes nothing of the call.
/// </summary>
public sealed class UpstreamMetricsHandler(UpstreamMetrics metrics, string source, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.Record(source, UpstreamMetrics.OutcomeOf((int)response.StatusCode), time.GetElapsedTime(start));
            return response;
        }
        catch (Exception ex)
        {
            // A cancelled call is counted as a timeout: HttpClient's own timeout and the caller's deadline
            // both arrive as a cancelled token (the bot stopping mid-call is the rare exception).
            metrics.Record(source, ex is OperationCanceledException or TimeoutException ? UpstreamMetrics.Timeout : UpstreamMetrics.Error, time.GetElapsedTime(start));
            throw;
        }
    }
}
