using LiveBot.Offers.Sources;
using LiveBot.Offers.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Offers.Tests.Mirror;

public sealed class LiveSearchLimiterTests
{
    private const string Body = """
        {"jobs":[{"identifier":{"id":null,"partner_label":"Hellowork","partner_job_id":"hw-1"},
          "workplace":{"name":"BOULANGERIE DU RHONE","location":{"address":"12 RUE DE LA REPUBLIQUE 69002 LYON","geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}}},
          "apply":{"url":"https://example.org/hw-1"},"offer":{"title":"Boulanger","rome_codes":["D1102"],"status":"Active"}}],
         "recruiters":[{"identifier":{"id":"r1"},"workplace":{"name":"FOURNIL DE LA SAONE","location":{"geopoint":{"type":"Point","coordinates":[4.8300,45.7700]}}}}]}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Search_DistinctSearchesOverTheLimit_WaitForTheNextMinute_Issue10()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(FakeApiAlternance.SearchPath, () => Results.Text(Body, "application/json")));
        await using var services = Build(upstream, ("Offers:ApiAlternance:RequestsPerMinute", "3"));
        var source = services.GetRequiredService<ApiAlternanceSource>();
        var places = new[] { "Lyon", "Villeurbanne", "Vénissieux", "Bron", "Caluire-et-Cuire" };
        await using var calls = new PendingCalls();

        var searches = places.Select(p => calls.Track(source.SearchAsync(Query(OfferKind.Offers, p), calls.Token))).ToList();
        await Eventually.Holds(() => searches.Count(s => s.IsCompleted) == 3 && source.Limiter.Waiting == 2);
        Assert.Equal(3, upstream.Count(FakeApiAlternance.SearchPath));
        _time.Advance(TimeSpan.FromSeconds(60));
        var results = await Task.WhenAll(searches).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, upstream.Count(FakeApiAlternance.SearchPath));
        Assert.All(results, r => Assert.Equal("Boulanger", r.Items[0].Title));
        Assert.Equal("https://example.org/hw-1", results[0].Items[0].Url);
    }

    [Fact]
    public async Task Search_OffresThenEntreprises_OneCallServesBoth_Issue10()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(FakeApiAlternance.SearchPath, () => Results.Text(Body, "application/json")));
        await using var services = Build(upstream);
        var source = services.GetRequiredService<ApiAlternanceSource>();

        var offers = await source.SearchAsync(Query(OfferKind.Offers, "Lyon"), CancellationToken.None);
        var companies = await source.SearchAsync(Query(OfferKind.Companies, "Lyon"), CancellationToken.None);

        Assert.Equal("Boulanger", Assert.Single(offers.Items).Title);
        Assert.Equal("FOURNIL DE LA SAONE", Assert.Single(companies.Items).Title);
        Assert.Equal(1, upstream.Count(FakeApiAlternance.SearchPath));
    }

    [Fact]
    public async Task Search_TooManyRequests_NoRetryAndNoCallBeforeRetryAfter_Issue10()
    {
        var calls = 0;
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(FakeApiAlternance.SearchPath, (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = "30";
                return Results.Json(new { statusCode = 429, error = "Too Many Requests" }, statusCode: 429);
            }

            return Results.Text(Body, "application/json");
        }));
        await using var services = Build(upstream);
        var source = services.GetRequiredService<ApiAlternanceSource>();
        await using var pending = new PendingCalls();

        await Assert.ThrowsAsync<OfferSourceException>(() => source.SearchAsync(Query(OfferKind.Offers, "Lyon"), CancellationToken.None));
        var next = pending.Track(source.SearchAsync(Query(OfferKind.Offers, "Bron"), pending.Token));
        await Eventually.Holds(() => source.Limiter.Waiting == 1);
        Assert.Equal(1, upstream.Count(FakeApiAlternance.SearchPath));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Single((await next.WaitAsync(TimeSpan.FromSeconds(30))).Items);
        Assert.Equal(2, upstream.Count(FakeApiAlternance.SearchPath));
    }

    [Fact]
    public async Task Search_SlowApi_AttemptTimesOutAfterFiveSecondsThenRetries_Issue10()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, fake) => app.MapGet(FakeApiAlternance.SearchPath, fake.Hang));
        await using var services = Build(upstream);
        var source = services.GetRequiredService<ApiAlternanceSource>();
        await using var calls = new PendingCalls();

        var search = calls.Track(source.SearchAsync(Query(OfferKind.Offers, "Lyon"), calls.Token));
        await Eventually.Holds(() => upstream.Count(FakeApiAlternance.SearchPath) == 1);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, upstream.Count(FakeApiAlternance.SearchPath));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.Holds(() => upstream.Count(FakeApiAlternance.SearchPath) == 2);
        _time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.Holds(() => upstream.Count(FakeApiAlternance.SearchPath) == 3);
        _time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<OfferSourceException>(() => search.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static OfferQuery Query(OfferKind kind, string place) =>
        new(kind, ["D1102"], TestData.Data.Places.Resolve(place)!, 30, 3);

    private ServiceProvider Build(FakeUpstream upstream, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = upstream.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = FakeApiAlternance.Key,
            ["Offers:ApiAlternance:Mirror"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return OffersServices.Build(settings, _time);
    }
}
