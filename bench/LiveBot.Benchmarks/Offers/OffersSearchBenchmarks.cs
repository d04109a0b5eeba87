using BenchmarkDotNet.Attributes;
using LiveBot.Offers;
using LiveBot.Offers.Places;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;

namespace LiveBot.Benchmarks.Offers;

/// <summary>
/// The Demo source at the size of the real catalogue (41,000 offers, 575,000 companies): one search, and
/// the understanding of one request. <c>--filter '*OffersSearch*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class OffersSearchBenchmarks
{
    private DemoCatalogue _catalogue = null!;
    private OfferRequestParser _parser = null!;
    private OfferQuery _bakerLyon = null!;
    private OfferQuery _bakerLyonCompanies = null!;
    private OfferQuery _itParis = null!;
    private OfferQuery _rareCantal = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var data = OffersData.Load();
        _catalogue = new DemoCatalogue(data.Places, data.Jobs, 41_000, 575_000, 2026, TimeProvider.System.GetUtcNow());
        _parser = new OfferRequestParser(data.Places, data.Jobs);
        Place Where(string name) => data.Places.Resolve(name)!;
        _bakerLyon = new OfferQuery(OfferKind.Offers, ["D1102"], Where("Lyon"), 30, 3);
        _bakerLyonCompanies = _bakerLyon with { Kind = OfferKind.Companies };
        _itParis = new OfferQuery(OfferKind.Companies, ["M1805", "M1810", "M1801", "M1802"], Where("Paris"), 60, 3);
        _rareCantal = new OfferQuery(OfferKind.Offers, ["A1204"], Where("Cantal"), 60, 3);
        _now = DateTimeOffset.UnixEpoch;
    }

    [Benchmark]
    public OfferResults OffersBakerLyon30Km() => _catalogue.Search(_bakerLyon, _now);

    [Benchmark]
    public OfferResults CompaniesBakerLyon30Km() => _catalogue.Search(_bakerLyonCompanies, _now);

    [Benchmark]
    public OfferResults CompaniesItParis60KmFourCodes() => _catalogue.Search(_itParis, _now);

    [Benchmark]
    public OfferResults OffersRareJobCantal60Km() => _catalogue.Search(_rareCantal, _now);

    [Benchmark]
    public OfferRequest ParseBoulangereASaintEtienne() => _parser.Parse("boulangère à St-Étienne");

    [Benchmark]
    public OfferRequest ParseTypoAndArrondissement() => _parser.Parse("coifeur Paris 15e");

    [Benchmark]
    public OfferRequest ParseTitleWithTypoIssue12() => _parser.Parse("préparatrice de comandes Roissy");

    [Benchmark]
    public OfferRequest ParseDiplomaRegionIssue12() => _parser.Parse("bts ndrc idf");

    [Benchmark]
    public OfferRequest ParseLongLineIssue12() => _parser.Parse("je cherche une alternance agent de sécurité à Lille");
}
