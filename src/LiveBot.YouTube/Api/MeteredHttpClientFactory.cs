using Google.Apis.Http;
using LiveBot.Core.Metrics;

namespace LiveBot.YouTube.Api;

/// <summary>
/// Google's HTTP client factory with the bot's <see cref="UpstreamMetricsHandler"/> under the client's own
/// pipeline, so the Data API (<c>youtube</c>) and its token endpoint (<c>youtubeauth</c>) are counted in the
/// same <c>livebot_upstream_…</c> instruments as the other outside services: every request sent, a 401
/// retried after a token refresh included; a streamList until its answer's headers.
/// </summary>
public sealed class MeteredHttpClientFactory(UpstreamMetrics metrics, string source, TimeProvider time) : HttpClientFactory
{
    /// <summary>Source name of the YouTube Data API calls.</summary>
    public const string DataApi = "youtube";

    /// <summary>Source name of the calls to Google's token endpoint.</summary>
    public const string TokenEndpoint = "youtubeauth";

    protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) =>
        new UpstreamMetricsHandler(metrics, source, time) { InnerHandler = base.CreateHandler(args) };
}
