using LiveBot.Offers.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveBot.Offers.Tests.Sources;

public sealed class FranceTravailSourceTests
{
    private const string TokenPath = "/connexion/oauth2/access_token";
    private const string SearchPath = "/partenaire/offresdemploi/v2/offres/search";

    private const string Page = """
        {"resultats":[
          {"id":"190ALT1","intitule":"Apprenti boulanger (H/F)","dateCreation":"2025-06-10T09:12:00.000Z",
           "lieuTravail":{"libelle":"69 - LYON 03","latitude":45.7597,"longitude":4.8422,"codePostal":"69003","commune":"69383"},
           "romeCode":"D1102","romeLibelle":"Boulanger / Boulangère","entreprise":{"nom":"MAISON DUPONT"},
           "typeContrat":"CDD","natureContrat":"Contrat apprentissage","alternance":true,
           "origineOffre":{"origine":"1","urlOrigine":"https://candidat.francetravail.fr/offres/recherche/detail/190ALT1"}},
          {"id":"190ALT2","intitule":"Apprentie pâtissière","dateCreation":"2025-06-11T09:12:00.000Z",
           "lieuTravail":{"libelle":"69 - VILLEURBANNE"},"romeCode":"D1104"},
          {"intitule":"sans id"}
        ],"filtresPossibles":[]}
        """;

    [Fact]
    public async Task Search_TokenThenSearch_ApprenticeshipFiltersAndArrondissementRule()
    {
        await using var upstream = await StartAsync(context => Partial(context, Page, "offres 0-149/353"));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, outcome.Status);
        Assert.Equal(353, outcome.Results.Total);
        Assert.Equal("Apprenti boulanger (H/F)", outcome.Results.Items[0].Title);
        Assert.Equal("MAISON DUPONT", outcome.Results.Items[0].Company);
        Assert.Equal("Lyon 3e", outcome.Results.Items[0].City);
        var token = Assert.Single(upstream.Requests, r => r.Path == TokenPath);
        Assert.Contains("grant_type=client_credentials", token.Form, StringComparison.Ordinal);
        Assert.Contains("client_id=id-1", token.Form, StringComparison.Ordinal);
        Assert.Contains("scope=api_offresdemploiv2 o2dsoffre", token.Form, StringComparison.Ordinal);
        Assert.Equal("%2Fpartenaire", Uri.EscapeDataString(token.Query["realm"]));
        var search = Assert.Single(upstream.Requests, r => r.Path == SearchPath);
        Assert.Equal("Bearer token-1", search.Authorization);
        Assert.Equal("E2,FS", search.Query["natureContrat"]);
        Assert.Equal("D1102", search.Query["codeROME"]);
        Assert.Equal("69381", search.Query["commune"]);
        Assert.Equal("30", search.Query["distance"]);
    }

    [Fact]
    public async Task Search_FiveCodes_TwoCallsOfAtMostThree()
    {
        await using var upstream = await StartAsync(context => Partial(context, Page, "offres 0-1/2"));
        await using var services = Build(upstream);

        await services.Search().SearchAsync(Query("Lyon 3e", ["D1102", "D1104", "D1101", "D1103", "D1106"]), CancellationToken.None);

        var calls = upstream.Requests.Where(r => r.Path == SearchPath).Select(r => r.Query["codeROME"]).Order().ToList();
        Assert.Equal(["D1102,D1104,D1101", "D1103,D1106"], calls);
        Assert.All(upstream.Requests.Where(r => r.Path == SearchPath), r => Assert.Equal("69383", r.Query["commune"]));
        Assert.Equal(1, upstream.Count(TokenPath));
    }

    [Fact]
    public async Task Search_NoContent_NoneAfterWidening()
    {
        await using var upstream = await StartAsync(context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.None, outcome.Status);
        Assert.True(outcome.Widened);
        Assert.Equal(["30", "60"], upstream.Requests.Where(r => r.Path == SearchPath).Select(r => r.Query["distance"]));
    }

    [Fact]
    public async Task Search_Departement_DepartementParameter()
    {
        await using var upstream = await StartAsync(context => Partial(context, Page, "offres 0-1/2"));
        await using var services = Build(upstream);

        await services.Search().SearchAsync(Query("Bouches-du-Rhône", ["D1102"]), CancellationToken.None);

        var search = upstream.Requests.First(r => r.Path == SearchPath);
        Assert.Equal("13", search.Query["departement"]);
        Assert.False(search.Query.ContainsKey("commune"));
    }

    [Fact]
    public async Task Search_TokenRejectedBySearch_NewTokenOnce()
    {
        var searches = 0;
        await using var upstream = await StartAsync(context =>
        {
            if (Interlocked.Increment(ref searches) == 1)
            {
                context.Response.StatusCode = 401;
                return Task.CompletedTask;
            }

            return Partial(context, Page, "offres 0-1/2");
        });
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, outcome.Status);
        Assert.Equal(2, upstream.Count(TokenPath));
        Assert.Equal("Bearer token-2", upstream.Requests.Last(r => r.Path == SearchPath).Authorization);
    }

    [Fact]
    public async Task Search_TokenEndpointRefuses_Unavailable()
    {
        await using var upstream = await FakeUpstream.StartAsync((app, _) =>
            app.MapPost(TokenPath, () => Results.Json(new { error = "invalid_client", error_description = "Client authentication failed" }, statusCode: 401)));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
        Assert.Equal(0, upstream.Count(SearchPath));
    }

    [Fact]
    public async Task Search_ServerError_Unavailable()
    {
        await using var upstream = await StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("{\"message\":\"Erreur technique interne\"}");
        });
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.Unavailable, outcome.Status);
    }

    [Fact]
    public async Task Search_Companies_EmployersOfTheOffers()
    {
        await using var upstream = await StartAsync(context => Partial(context, Page, "offres 0-1/2"));
        await using var services = Build(upstream);

        var outcome = await services.Search().SearchAsync(Query("Lyon", ["D1102"]) with { Kind = OfferKind.Companies }, CancellationToken.None);

        var company = Assert.Single(outcome.Results.Items);
        Assert.Equal("MAISON DUPONT", company.Title);
    }

    [Fact]
    public async Task Search_SlowAfterAnAnswer_TimesOutAndServesTheCachedAnswer()
    {
        var calls = 0;
        FakeUpstream? self = null;
        await using var upstream = await StartAsync(context => Interlocked.Increment(ref calls) == 1 ? Partial(context, Page, "offres 0-1/2") : self!.Hang(context));
        self = upstream;
        await using var services = Build(upstream, ("Offers:CacheTtl", "00:00:00"), ("Offers:Timeout", "00:00:02"));
        var first = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        var second = await services.Search().SearchAsync(Query("Lyon", ["D1102"]), CancellationToken.None);

        Assert.Equal(SearchStatus.Found, first.Status);
        Assert.True(second.Stale);
        Assert.Equal(first.Results, second.Results);
    }

    private static Task Partial(HttpContext context, string body, string range)
    {
        context.Response.StatusCode = 206;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Content-Range"] = range;
        return context.Response.WriteAsync(body);
    }

    private static Task<FakeUpstream> StartAsync(Func<HttpContext, Task> search)
    {
        var tokens = 0;
        return FakeUpstream.StartAsync((app, _) =>
        {
            app.MapPost(TokenPath, () => Results.Json(new { access_token = $"token-{Interlocked.Increment(ref tokens)}", expires_in = 1499, token_type = "Bearer", scope = "api_offresdemploiv2 o2dsoffre" }));
            app.MapGet(SearchPath, search);
        });
    }

    private static OfferQuery Query(string place, string[] codes) =>
        new(OfferKind.Offers, codes, TestData.Data.Places.Resolve(place)!, 30, 3);

    /// <summary>The offers on an <see cref="OffersClock"/>: no timeout fires because the machine is busy (Issue 9).</summary>
    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeUpstream upstream, params (string Key, string Value)[] extra) =>
        Build(upstream, new OffersClock().TimingOut(upstream), extra);

    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Build(FakeUpstream upstream, TimeProvider time, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Offers:Source"] = "FranceTravail",
            ["Offers:FranceTravail:TokenUri"] = upstream.BaseUri + "connexion/oauth2/access_token?realm=%2Fpartenaire",
            ["Offers:FranceTravail:BaseUri"] = upstream.BaseUri + "partenaire/offresdemploi/v2/",
            ["Offers:FranceTravail:ClientId"] = "id-1",
            ["Offers:FranceTravail:ClientSecret"] = "secret-1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return OffersServices.Build(settings, time);
    }
}
