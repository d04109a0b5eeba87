using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Offers.Index;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Mirror;
using LiveBot.Offers.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>
/// <c>Offers:Source = ApiAlternance</c>. With the mirror on (the default) and a snapshot loaded, every
/// search is answered from the local index of the daily export. Otherwise (first start, mirror off) it
/// calls <c>GET job/v1/search</c>: at most <see cref="ApiAlternanceOptions.RequestsPerMinute"/> calls a
/// minute (the limiter, shared with the export's link), one call for both kinds (<c>jobs[]</c> answer
/// !offres, <c>recruiters[]</c> !entreprises; askers of the same search share it and its cached answer),
/// a per-attempt timeout of at least 5 s, two retries for server errors and timeouts, none for 429 (the
/// limiter then honours <c>Retry-After</c>). Answers go through the same index and search as the mirror.
/// </summary>
public sealed partial class ApiAlternanceSource(
    IHttpClientFactory httpClients,
    IOptions<OffersOptions> options,
    PlaceResolver places,
    JobCatalog jobs,
    OfferMirror mirror,
    [FromKeyedServices(ApiAlternanceSource.LimiterKey)] CallLimiter limiter,
    TimeProvider time,
    ILogger<ApiAlternanceSource> logger) : IOfferSource
{
    public const string HttpClientName = "LiveBot.Offers.ApiAlternance";
    public const string LimiterKey = "ApiAlternance";
    public static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromSeconds(5);
    private const int MaxBodyBytes = 8 * 1024 * 1024;
    private const int MaxCachedAnswers = 2_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, OfferIndex Answer)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<OfferIndex>>> _flights = new(StringComparer.Ordinal);
    private long _liveCalls;

    public string Name => "ApiAlternance";

    public bool IsDemo => false;

    public OfferMirror Mirror => mirror;

    public CallLimiter Limiter => limiter;

    /// <summary>Calls made to job/v1/search.</summary>
    public long LiveCalls => Interlocked.Read(ref _liveCalls);

    public async Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        if (options.Value.ApiAlternance.Mirror && mirror.Index is { } index)
        {
            return index.Search(query, time.GetUtcNow());
        }

        var key = query.SearchKey;
        if (_answers.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.At < options.Value.CacheTtl)
        {
            return cached.Answer.Search(query, time.GetUtcNow());
        }

        // Both kinds and every asker of this search share one call; each waits only as long as it may.
        var flight = _flights.GetOrAdd(key, static (k, state) => new Lazy<Task<OfferIndex>>(() => state.Self.CallAsync(state.Query, k, state.Token)), (Self: this, Query: query, Token: cancellationToken));
        var answer = await flight.Value.WaitAsync(cancellationToken);
        return answer.Search(query, time.GetUtcNow());
    }

    /// <summary>Retry-After of a 429 (seconds or a date), 60 s when missing, at most an hour.</summary>
    public static TimeSpan RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(60));
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait;
    }

    private async Task<OfferIndex> CallAsync(OfferQuery query, string key, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await CallWithRetriesAsync(query, cancellationToken);
            Store(key, answer);
            return answer;
        }
        finally
        {
            _flights.TryRemove(key, out _);
        }
    }

    private async Task<OfferIndex> CallWithRetriesAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attemptTimeout = settings.Timeout > MinAttemptTimeout ? settings.Timeout : MinAttemptTimeout;
        var diploma = query.DiplomaLevel is { } level ? $"&target_diploma_level={level}" : string.Empty;
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"job/v1/search?romes={string.Join(',', query.Codes)}&latitude={query.Place.Latitude:0.#####}&longitude={query.Place.Longitude:0.#####}&radius={query.RadiusKm}{diploma}");
        var uri = new Uri(settings.ApiAlternance.BaseUri, path);
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt == 2;
            await limiter.AcquireAsync(cancellationToken);
            using var timeout = new CancellationTokenSource(attemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                Interlocked.Increment(ref _liveCalls);
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiAlternance.ApiKey);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    Log.Refused(logger, (int)response.StatusCode);
                    throw new OfferSourceException("API Alternance refused the API key");
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response, time);
                    limiter.BlockUntil(time.GetUtcNow() + wait);
                    Log.TooMany(logger, (int)wait.TotalSeconds);
                    throw new OfferSourceException("API Alternance answered 429");
                }

                if ((int)response.StatusCode >= 500 && !last)
                {
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    Log.Failed(logger, (int)response.StatusCode);
                    throw new OfferSourceException($"API Alternance answered {(int)response.StatusCode}");
                }

                await response.Content.LoadIntoBufferAsync(MaxBodyBytes, linked.Token);
                await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
                using var body = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token);
                return Answer(body.RootElement, query);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!last && ex is HttpRequestException or OperationCanceledException)
            {
                Log.Unreachable(logger, ex.GetType().Name);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException)
            {
                Log.Unreachable(logger, ex.GetType().Name);
                throw new OfferSourceException("API Alternance unreachable", ex);
            }
        }
    }

    /// <summary>The answer's jobs and recruiters, read like export items, in a small index of their own.</summary>
    private OfferIndex Answer(JsonElement body, OfferQuery query)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new OfferSourceException("API Alternance answered something else than an object");
        }

        var builder = new OfferIndexBuilder(places, jobs);
        var now = time.GetUtcNow();
        foreach (var (name, kind) in new[] { ("jobs", OfferKind.Offers), ("recruiters", OfferKind.Companies) })
        {
            if (!body.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var seen = new HashSet<ulong>();
            foreach (var item in items.EnumerateArray().Take(1_000))
            {
                if (ExportReader.TryParse(item, kind, now, out var record, out var id, out _, query.Codes) && (id == 0 || seen.Add(id)))
                {
                    builder.Add(record);
                }
            }
        }

        return builder.Build();
    }

    private void Store(string key, OfferIndex answer)
    {
        if (_answers.Count >= MaxCachedAnswers)
        {
            var limit = time.GetUtcNow() - options.Value.CacheTtl;
            foreach (var (oldKey, entry) in _answers)
            {
                if (entry.At < limit)
                {
                    _answers.TryRemove(oldKey, out _);
                }
            }

            if (_answers.Count >= MaxCachedAnswers)
            {
                _answers.Clear();
            }
        }

        _answers[key] = (time.GetUtcNow(), answer);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "API Alternance refused the API key (HTTP {Status}): check Offers:ApiAlternance:ApiKey")]
        public static partial void Refused(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "API Alternance answered HTTP {Status}")]
        public static partial void Failed(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "API Alternance: too many requests, no call for {Seconds} s")]
        public static partial void TooMany(ILogger logger, int seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "API Alternance unreachable ({Error})")]
        public static partial void Unreachable(ILogger logger, string error);
    }
}
