using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary><c>Offers:Source = Demo</c>: the embedded catalogue, built on first use.</summary>
public sealed class DemoOfferSource(PlaceResolver places, JobCatalog jobs, IOptions<OffersOptions> options, TimeProvider time) : IOfferSource
{
    private readonly Lazy<DemoCatalogue> _catalogue = new(() =>
    {
        var demo = options.Value.Demo;
        return new DemoCatalogue(places, jobs, demo.Offers, demo.Companies, demo.Seed);
    });

    public string Name => "Demo";

    public bool IsDemo => true;

    public DemoCatalogue Catalogue => _catalogue.Value;

    public Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Catalogue.Search(query, time.GetUtcNow()));
}
