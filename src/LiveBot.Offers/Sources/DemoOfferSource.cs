using System.Collections.Concurrent;
using System.Text.Json;
using LiveBot.Offers.Data;
using LiveBot.Offers.Index;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>
/// <c>Offers:Source = Demo</c>: the embedded catalogue, built on first use, plus the shipped sample of
/// API Alternance's export read by the export reader, all in one <see cref="OfferIndex"/>. Catalogues are
/// immutable and depend only on the shared data and their size and seed, so one process builds each at most once.
/// </summary>
public sealed class DemoOfferSource(PlaceResolver places, JobCatalog jobs, IOptions<OffersOptions> options, TimeProvider time) : IOfferSource
{
    public const string SampleResource = "LiveBot.Offers.Data.export-sample.json";

    private static readonly ConcurrentDictionary<(PlaceResolver, JobCatalog, int, int, int), Lazy<DemoCatalogue>> Built = new();

    private readonly Lazy<DemoCatalogue> _catalogue = new(() =>
    {
        var demo = options.Value.Demo;
        return Built.GetOrAdd(
            (places, jobs, demo.Offers, demo.Companies, demo.Seed),
            key => new Lazy<DemoCatalogue>(() =>
            {
                var now = time.GetUtcNow();
                return new DemoCatalogue(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5, now, SampleRecords(now));
            })).Value;
    });

    public string Name => "Demo";

    public bool IsDemo => true;

    public DemoCatalogue Catalogue => _catalogue.Value;

    public Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Catalogue.Search(query, time.GetUtcNow()));

    /// <summary>The shipped sample of the export format, read by <see cref="ExportReader"/>.</summary>
    public static IReadOnlyList<OfferRecord> SampleRecords(DateTimeOffset now)
    {
        var bytes = EmbeddedData.Resource(SampleResource) ?? throw new InvalidOperationException("The export sample is missing from the build");
        using var document = JsonDocument.Parse(bytes);
        var records = new List<OfferRecord>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (ExportReader.TryParse(item, null, now, out var record, out _, out _))
            {
                records.Add(record);
            }
        }

        return records;
    }
}
