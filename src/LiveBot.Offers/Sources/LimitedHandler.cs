using System.Net;

namespace LiveBot.Offers.Sources;

/// <summary>
/// Puts every attempt of an HTTP client (retries included: it sits inside the resilience handler) through
/// a <see cref="CallLimiter"/>, and holds further calls when the API answers 429 with Retry-After.
/// </summary>
public sealed class LimitedHandler(CallLimiter limiter, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            limiter.BlockUntil(time.GetUtcNow() + ApiAlternanceSource.RetryAfter(response, time));
        }

        return response;
    }
}
