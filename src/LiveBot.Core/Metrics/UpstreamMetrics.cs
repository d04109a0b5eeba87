using System.Diagnostics.Metrics;

namespace LiveBot.Core.Metrics;

/// <summary>
/// Calls to the services the bot depends on (offer APIs, Twitch's token endpoint…), by source: calls by
/// outcome, failures by reason, and the latency histogram. Fed by <see cref="UpstreamMetricsHandler"/>.
/// </summary>
public sealed class UpstreamMetrics : IMetricInstruments
{
    public const string Ok = "ok";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string Throttled = "throttled";
    public const string Timeout = "timeout";
    public const string Error = "error";

    private static readonly double[] Buckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _calls;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    public UpstreamMetrics(LiveBotMeter meter)
    {
        var m = meter.Meter;
        _calls = m.CreateCounter<long>("livebot_upstream_calls", "{call}", "Appels aux services extérieurs, par source et issue.");
        _failures = m.CreateCounter<long>("livebot_upstream_failures", "{call}", "Appels échoués, par source et raison.");
        _duration = m.CreateHistogram("livebot_upstream_duration", "s", "Durée des appels aux services extérieurs, par source.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Records one call of <paramref name="source"/> that ended with <paramref name="outcome"/> (<see cref="Ok"/>…).</summary>
    public void Record(string source, string outcome, TimeSpan elapsed)
    {
        var sourceTag = new KeyValuePair<string, object?>("source", source);
        _calls.Add(1, sourceTag, new("outcome", outcome));
        if (outcome != Ok)
        {
            _failures.Add(1, sourceTag, new("reason", outcome));
        }

        _duration.Record(elapsed.TotalSeconds, sourceTag);
    }

    /// <summary>The outcome of an HTTP status: 2xx/3xx ok, 429 throttled, other 4xx client error, 5xx server error.</summary>
    public static string OutcomeOf(int status) => status switch
    {
        < 400 => Ok,
        429 => Throttled,
        < 500 => ClientError,
        _ => ServerError,
    };

    /// <summary>
    /// A short source name from an HTTP client's name: "LiveBot.Offers.FranceTravail" -> "offers_francetravail",
    /// "TwitchAuthClient" -> "twitchauth".
    /// </summary>
    public static string SourceOf(string? clientName)
    {
        var name = string.IsNullOrWhiteSpace(clientName) ? "http" : clientName.Trim();
        if (name.StartsWith("LiveBot.", StringComparison.Ordinal))
        {
            name = name["LiveBot.".Length..];
        }

        if (name.EndsWith("Client", StringComparison.Ordinal) && name.Length > "Client".Length)
        {
            name = name[..^"Client".Length];
        }

        return name.Replace('.', '_').ToLowerInvariant();
    }
}
