using LiveBot.Offers.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveBot.Offers.Tests.Sources;

public sealed class ApiAlternanceSourceTests
{
    private const string SearchPath = "/api/job/v1/search";

    private const string Body = """
        {"jobs":[
          {"identifier":{"id":"far","partner_label":"France Travail"},
           "workplace":{"name":"MAISON LOIN","location":{"geopoint":{"type":"Point","coordinates":[4.90,45.78]}}},
           "apply":{"url":"https://labonnealternance.apprentissage.beta.gouv.fr/far"},
           "offer":{"title":"Boulanger H/F","rome_codes":["D1102"],"publication":{"creation":"2025-06-02T08:00:00.000Z"},"status":"Active"}},
          {"identifier":{"id":"6687165396d52b5e01b40954"},
           "workplace":{"siret":"13002526500013","name":"BOULANGERIE DU RHONE","size":"1-9",
             "location":{"address":"12 RUE DE LA REPUBLIQUE 69002 LYON","geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}}},
           "apply":{"url":"https://labonnealternance.apprentissage.beta.gouv.fr/near"},
           "contract":{"start":"2025-09-01T00:00:00.000Z","duration":24,"type":["Apprentissage"],"remote":"onsite"},
           "offer":{"title":"Boulanger / Boulangère","rome_codes":["D1102"],"publication":{"creation":"2025-06-01T08:00:00.000Z"},"status":"Active"}},
          {"identifier":{"id":null},"workplace":{"name":"SANS ID"},"offer":{"title":"Sans identifiant"}},
          {"identifier":{"id":"filled"},"workplace":{"name":"POURVUE","location":{"geopoint":{"coordinates":[4.8292,45.7699]}}},"offer":{"title":"Déjà pourvue","status":"Filled"}}
        ],
        "recruiters":[
          {"identifier":{"id":"r1"},"workplace":{"name":"FOURNIL DE LA SAONE","location":{"geopoint":{"type":"Point","coordinates":[4.8300,45.7700]}}},"apply":{"url":"https://labonnealternance.apprentissage.beta.gouv.fr/r1"}},
          {"identifier":{"id":"r2"},"workplace":{"name":null}}
        ],
        "warnings":[{"code":"FRANCE_TRAVAIL_API_ERROR","message":"upstream partner down"}]}
        """;

    [Fact]
    public async Task Search_Jobs_BearerKeyAndGeoJsonOrderNearestFirst()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () => Results.Text(Body, "application/json")));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, outcome.Status);
        Assert.False(outcome.IsDemo);
        Assert.Equal(2, outcome.Results.Total);
        var first = outcome.Results.Items[0];
        Assert.Equal("Boulanger / Boulangère", first.Title);
        Assert.Equal("BOULANGERIE DU RHONE", first.Company);
        Assert.InRange(first.DistanceKm!.Value, 0.3, 1.5);
        Assert.StartsWith("Lyon", first.City, StringComparison.Ordinal);
        Assert.Equal("https://labonnealternance.apprentissage.beta.gouv.fr/near", first.Url);
        var request = Assert.Single(upstream.Requests);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Equal("D1102", request.Query["romes"]);
        Assert.Equal("45.76993", request.Query["latitude"]);
        Assert.Equal("4.82922", request.Query["longitude"]);
        Assert.Equal("30", request.Query["radius"]);
    }

    [Fact]
    public async Task Search_Companies_RecruitersWithAName()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () => Results.Text(Body, "application/json")));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Companies), CancellationToken.None);

        var item = Assert.Single(outcome.Results.Items);
        Assert.Equal("FOURNIL DE LA SAONE", item.Title);
        Assert.Equal(1, outcome.Results.Total);
    }

    [Fact]
    public async Task Search_Unauthorized_UnavailableWithoutRetry()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () =>
            Results.Json(new { statusCode = 401, error = "Unauthorized", message = "Clé invalide SECRET-DETAIL" }, statusCode: 401)));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
        Assert.Equal(1, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_ServerError_RetriedThenUnavailable()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () => Results.Text("boom", statusCode: 500)));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
        Assert.Equal(3, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_NotJson_Unavailable()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () => Results.Text("<html>maintenance</html>", "text/html")));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
    }

    [Fact]
    public async Task Search_SlowAfterAnAnswer_TimesOutAndServesTheCachedAnswer()
    {
        var calls = 0;
        await using var upstream = await FakeUpstream.StartAsync((app, fake) => app.MapGet(SearchPath, async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Body);
                return;
            }

            await fake.Hang(context);
        }));
        // No freshness: every search goes upstream, the cache only serves when the API fails.
        await using var services = Build(upstream, ("Offers:CacheTtl", "00:00:00"), ("Offers:Timeout", "00:00:02"));
        var search = services.Search();
        var first = await search.SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        var second = await search.SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, second.Status);
        Assert.Equal(SearchStatus.Found, first.Status);
        Assert.True(second.Stale);
        Assert.Equal(first.Results, second.Results);
        Assert.True(services.Search().IsDegraded);
    }

    [Fact]
    public async Task Search_SlowWithNothingCached_Unavailable()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, fake) => app.MapGet(SearchPath, fake.Hang));
        await using var services = Build(upstream, ("Offers:Timeout", "00:00:00.200"));

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
    }

    [Fact]
    public async Task Search_TwiceWithinTtl_OneUpstreamCall()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, () => Results.Text(Body, "application/json")));
        await using var services = Build(upstream);

        await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);
        var again = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, again.Status);
        Assert.Equal(1, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_Issue5RaidOfIdenticalMisses_OneUpstreamCall()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await StartGatedAsync(arrived, gate);
        await using var services = Build(upstream);
        var search = services.Search();

        var raid = Enumerable.Range(0, 20).Select(_ => search.SearchAsync(Query(OfferKind.Offers), CancellationToken.None)).ToList();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        gate.SetResult();
        var outcomes = await Task.WhenAll(raid).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(outcomes, o => Assert.Equal(SearchStatus.Found, o.Status));
        Assert.Equal(1, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_Issue5OneAskerGivesUp_OthersStillGetTheSharedAnswer()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await StartGatedAsync(arrived, gate);
        await using var services = Build(upstream);
        var search = services.Search();
        using var impatient = new CancellationTokenSource();

        var first = search.SearchAsync(Query(OfferKind.Offers), impatient.Token);
        var second = search.SearchAsync(Query(OfferKind.Offers), CancellationToken.None);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await impatient.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(SearchStatus.Found, (await second.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(1, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_NothingAt30Km_WidensOnceTo60()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, (HttpRequest request) =>
            Results.Text(request.Query["radius"] == "60" ? Body : """{"jobs":[],"recruiters":[]}""", "application/json")));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query(OfferKind.Offers), CancellationToken.None);

        Assert.True(outcome.Widened);
        Assert.Equal(60, outcome.RadiusKm);
        Assert.Equal(SearchStatus.Found, outcome.Status);
        Assert.Equal(["30", "60"], upstream.Requests.Select(r => r.Query["radius"]));
    }

    internal static OfferQuery Query(OfferKind kind) =>
        new(kind, ["D1102"], TestData.Data.Places.Resolve("Lyon")!, 30, 3);

    /// <summary>The offers on an <see cref="OffersClock"/>: no timeout fires because the machine is busy (Issue 9).</summary>
    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeUpstream upstream, params (string Key, string Value)[] extra) =>
        Build(upstream, new OffersClock().TimingOut(upstream), extra);

    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeUpstream upstream, TimeProvider time, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = upstream.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = "test-key",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return OffersServices.Build(settings, time);
    }

    /// <summary>A fake search that says when a call arrived and answers only once <paramref name="gate"/> opens.</summary>
    private static Task<FakeUpstream> StartGatedAsync(TaskCompletionSource arrived, TaskCompletionSource gate) =>
        FakeUpstream.StartAsync((app, _) => app.MapGet(SearchPath, async context =>
        {
            arrived.TrySetResult();
            await gate.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Body);
        }));
}
