using LiveBot.Offers.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Offers.Tests.Sources;

/// <summary>
/// France Travail allows 10 calls a second per client id (token calls included): the source's limiter holds
/// the 11th call until the next second, never retries a 429 and makes no call before its Retry-After. On fake
/// time, against a loopback fake of the token and search endpoints.
/// </summary>
public sealed class FranceTravailLimiterTests
{
    private const string TokenPath = "/connexion/oauth2/access_token";
    private const string SearchPath = "/partenaire/offresdemploi/v2/offres/search";
    private const string Page = """
        {"resultats":[{"id":"190ALT1","intitule":"Apprenti boulanger (H/F)","lieuTravail":{"libelle":"69 - LYON 03","latitude":45.7597,"longitude":4.8422},
          "romeCode":"D1102","entreprise":{"nom":"MAISON DUPONT"}}]}
        """;

    private static readonly string[] Cities =
        ["Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille", "Rennes", "Reims"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Search_TwelveCallsInOneSecond_TheLastThreeWaitForTheNextSecond_Issue10()
    {
        await using var upstream = await StartAsync(_ => false);
        await using var services = Build(upstream);
        var source = services.GetRequiredService<FranceTravailSource>();
        var limiter = services.GetRequiredKeyedService<CallLimiter>(FranceTravailSource.LimiterKey);
        await using var calls = new PendingCalls();

        var searches = Cities.Select(city => calls.Track(source.SearchAsync(Query(city), calls.Token))).ToList();

        // One token call and nine searches in the first second; three searches wait on the (fake) clock. The
        // server counts a request when it arrives, before its answer is back: wait for the searches themselves.
        await Eventually.Holds(() => searches.Count(s => s.IsCompleted) == 9 && limiter.Waiting == 3);
        Assert.Equal(10, upstream.Requests.Count);
        Assert.Equal(1, upstream.Count(TokenPath));
        _time.Advance(TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(searches).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(12, upstream.Count(SearchPath));
        Assert.All(results, r => Assert.Equal("Apprenti boulanger (H/F)", Assert.Single(r.Items).Title));
    }

    [Fact]
    public async Task Search_TooManyRequests_NoRetryAndNoCallBeforeRetryAfter_Issue10()
    {
        var searches = 0;
        await using var upstream = await StartAsync(_ => Interlocked.Increment(ref searches) == 1);
        await using var services = Build(upstream);
        var source = services.GetRequiredService<FranceTravailSource>();
        var limiter = services.GetRequiredKeyedService<CallLimiter>(FranceTravailSource.LimiterKey);
        await using var calls = new PendingCalls();

        // The 429 is not retried (a retry would wait for Retry-After on the fake clock and never end here).
        await Assert.ThrowsAsync<OfferSourceException>(() => source.SearchAsync(Query("Lyon"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, upstream.Count(SearchPath));
        Assert.Equal(_time.GetUtcNow().AddSeconds(1), limiter.BlockedUntil);

        var next = calls.Track(source.SearchAsync(Query("Bron"), calls.Token));
        await Eventually.Holds(() => limiter.Waiting == 1);
        _time.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Equal(1, upstream.Count(SearchPath));
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Single((await next.WaitAsync(TimeSpan.FromSeconds(30))).Items);
        Assert.Equal(2, upstream.Count(SearchPath));
    }

    private static OfferQuery Query(string place) =>
        new(OfferKind.Offers, ["D1102"], TestData.Data.Places.Resolve(place)!, 30, 3);

    /// <summary>The token endpoint and a search that answers 429 (Retry-After: 1, shorter than the 1.5 s attempt timeout) when <paramref name="refuse"/> says so.</summary>
    private static Task<FakeUpstream> StartAsync(Func<HttpContext, bool> refuse)
    {
        var tokens = 0;
        return FakeUpstream.StartAsync((app, _) =>
        {
            app.MapPost(TokenPath, () => Results.Json(new { access_token = $"token-{Interlocked.Increment(ref tokens)}", expires_in = 1499, token_type = "Bearer" }));
            app.MapGet(SearchPath, (HttpContext context) =>
            {
                if (refuse(context))
                {
                    context.Response.Headers.RetryAfter = "1";
                    return Results.Json(new { message = "Too Many Requests" }, statusCode: 429);
                }

                context.Response.Headers["Content-Range"] = "offres 0-0/1";
                return Results.Text(Page, "application/json", statusCode: 206);
            });
        });
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeUpstream upstream) =>
        OffersServices.Build(
            new Dictionary<string, string?>
            {
                ["Offers:Source"] = "FranceTravail",
                ["Offers:FranceTravail:TokenUri"] = upstream.BaseUri + "connexion/oauth2/access_token?realm=%2Fpartenaire",
                ["Offers:FranceTravail:BaseUri"] = upstream.BaseUri + "partenaire/offresdemploi/v2/",
                ["Offers:FranceTravail:ClientId"] = "id-1",
                ["Offers:FranceTravail:ClientSecret"] = "secret-1",
            },
            _time);
}
