using System.Collections.Concurrent;
using LiveBot.Core.Health;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>How a search ended.</summary>
public enum SearchStatus
{
    /// <summary>Items found (maybe after widening the radius).</summary>
    Found,

    /// <summary>Nothing, even after widening.</summary>
    None,

    /// <summary>The source could not answer and nothing was cached.</summary>
    Unavailable,
}

/// <summary>The outcome of one search as the reply needs it.</summary>
public sealed record SearchOutcome(SearchStatus Status, OfferResults Results, int RadiusKm, bool Widened, bool IsDemo)
{
    /// <summary>True when served from the cache because the source could not answer.</summary>
    public bool Stale { get; init; }
}

/// <summary>
/// The search behind !offres and !entreprises: the configured source, a 10-minute cache keyed by ROME
/// codes, place and radius, one widening to <see cref="OffersOptions.WidenedRadius"/> when nothing is
/// found, and a bounded wait: when the source is down or slow the last cached answer (up to a day old)
/// is used, or the outcome says "unavailable". Never throws for an upstream failure.
/// </summary>
public sealed partial class OfferSearch(
    IOfferSource source,
    OffersData data,
    IOptions<OffersOptions> options,
    TimeProvider time,
    ILogger<OfferSearch> logger) : IHealthSection
{
    /// <summary>How long an answer may still serve when the source is down.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromDays(1);

    private const int MaxCacheEntries = 5_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, SearchOutcome Outcome)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<SearchOutcome>>> _flights = new(StringComparer.Ordinal);
    private long _searches;
    private long _failures;
    private DateTimeOffset? _lastFailure;
    private DateTimeOffset? _lastSuccess;

    public IOfferSource Source => source;

    public string Name => "offers";

    public bool IsDegraded => _lastFailure is { } failure && (_lastSuccess is null || _lastSuccess < failure);

    public async Task<SearchOutcome> SearchAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _searches);
        var key = query.CacheKey;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now - cached.At < options.Value.CacheTtl)
        {
            return cached.Outcome;
        }

        // Single flight: askers of the same uncached search (a raid of "!offres boulanger Lyon") share one
        // upstream call. It runs under its own deadline, not the first asker's token; each asker waits for
        // it only as long as its own token allows.
        var flight = _flights.GetOrAdd(key, static (k, state) => new Lazy<Task<SearchOutcome>>(() => state.Self.FetchAsync(state.Query, k)), (Self: this, Query: query));
        return await flight.Value.WaitAsync(cancellationToken);
    }

    /// <summary>The one upstream search for a cache key (with widening), its outcome cached; never throws for an upstream failure.</summary>
    private async Task<SearchOutcome> FetchAsync(OfferQuery query, string key)
    {
        try
        {
            // Upstream calls get a hard deadline: the chat is never held longer than twice the timeout.
            using var deadline = new CancellationTokenSource(options.Value.Timeout * 2 + TimeSpan.FromSeconds(source.IsDemo ? 0 : 1), time);
            var outcome = await SearchWideningAsync(query, deadline.Token);
            Store(key, outcome);
            _lastSuccess = time.GetUtcNow();
            return outcome;
        }
        catch (Exception ex) when (ex is OfferSourceException or OperationCanceledException)
        {
            Interlocked.Increment(ref _failures);
            _lastFailure = time.GetUtcNow();
            Log.SourceFailed(logger, source.Name, ex.Message);
            if (_cache.TryGetValue(key, out var stale) && time.GetUtcNow() - stale.At < StaleLimit)
            {
                return stale.Outcome with { Stale = true };
            }

            return new SearchOutcome(SearchStatus.Unavailable, OfferResults.Empty, query.RadiusKm, false, source.IsDemo);
        }
        finally
        {
            _flights.TryRemove(key, out _);
        }
    }

    public object Report()
    {
        var report = new Dictionary<string, object?>
        {
            ["source"] = source.Name,
            ["dataLoadMs"] = (long)data.LoadTime.TotalMilliseconds,
            ["searches"] = Interlocked.Read(ref _searches),
            ["failures"] = Interlocked.Read(ref _failures),
            ["cached"] = _cache.Count,
            ["lastFailure"] = _lastFailure,
            ["lastSuccess"] = _lastSuccess,
        };
        if (source is ApiAlternanceSource api)
        {
            if (options.Value.ApiAlternance.Mirror)
            {
                report["mirror"] = api.Mirror.Report();
            }

            report["live"] = new Dictionary<string, object?>
            {
                ["calls"] = api.LiveCalls,
                ["callsLastMinute"] = api.Limiter.InWindow,
                ["perMinute"] = api.Limiter.Permits,
                ["waited"] = api.Limiter.Waits,
                ["waiting"] = api.Limiter.Waiting,
                ["blockedUntil"] = api.Limiter.BlockedUntil,
            };
        }

        return report;
    }

    private async Task<SearchOutcome> SearchWideningAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        var results = await source.SearchAsync(query, cancellationToken);
        if (results.Items.Count > 0)
        {
            return new SearchOutcome(SearchStatus.Found, results, query.RadiusKm, false, source.IsDemo);
        }

        var widened = options.Value.WidenedRadius;
        if (widened <= query.RadiusKm)
        {
            return new SearchOutcome(SearchStatus.None, results, query.RadiusKm, false, source.IsDemo);
        }

        var wider = await source.SearchAsync(query with { RadiusKm = widened }, cancellationToken);
        return new SearchOutcome(wider.Items.Count > 0 ? SearchStatus.Found : SearchStatus.None, wider, widened, true, source.IsDemo);
    }

    private void Store(string key, SearchOutcome outcome)
    {
        if (_cache.Count >= MaxCacheEntries)
        {
            var limit = time.GetUtcNow() - options.Value.CacheTtl;
            foreach (var (oldKey, entry) in _cache)
            {
                if (entry.At < limit)
                {
                    _cache.TryRemove(oldKey, out _);
                }
            }

            if (_cache.Count >= MaxCacheEntries)
            {
                _cache.Clear();
            }
        }

        _cache[key] = (time.GetUtcNow(), outcome);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Offer source {Source} could not answer: {Reason}")]
        public static partial void SourceFailed(ILogger logger, string source, string reason);
    }
}
