using System.Collections.Concurrent;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>
/// <c>Offers:Source = Demo</c>: the embedded catalogue, built on first use. Catalogues are immutable and
/// depend only on the shared data and their size and seed, so one process builds each at most once.
/// </summary>
public sealed class DemoOfferSource(PlaceResolver places, JobCatalog jobs, IOptions<OffersOptions> options, TimeProvider time) : IOfferSource
{
    private static readonly ConcurrentDictionary<(PlaceResolver, JobCatalog, int, int, int), Lazy<DemoCatalogue>> Built = new();

    private readonly Lazy<DemoCatalogue> _catalogue = new(() =>
    {
        var demo = options.Value.Demo;
        return Built.GetOrAdd(
            (places, jobs, demo.Offers, demo.Companies, demo.Seed),
            key => new Lazy<DemoCatalogue>(() => new DemoCatalogue(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5))).Value;
    });

    public string Name => "Demo";

    public bool IsDemo => true;

    public DemoCatalogue Catalogue => _catalogue.Value;

    public Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Catalogue.Search(query, time.GetUtcNow()));
}
