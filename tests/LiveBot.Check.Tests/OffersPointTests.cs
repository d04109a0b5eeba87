using LiveBot.Check.Probes;
using LiveBot.Offers.Tests.Mirror;
using LiveBot.Offers.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Check.Tests;

/// <summary>The offers' point against the fake APIs: a real search with the key, the mirror, France Travail's token.</summary>
public sealed class OffersPointTests : IDisposable
{
    private readonly CheckRun _run = new();

    [Fact]
    public async Task Check_ApiAlternanceAnswers_OffersOkWithLatencyAndCounts_Issue11()
    {
        await using var api = await FakeApiAlternance.StartAsync();
        api.SearchBody = """{"jobs":[{},{}],"recruiters":[{}]}""";

        var result = await _run.RunAsync(Settings(api));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"^✓ Offres : API Alternance répond en \d+ ms \(2 offres, 1 entreprises\)$", result.Line("✓", OffersProbe.Name));
        Assert.Contains("pas encore de copie locale", result.Line("⚠", OffersProbe.MirrorName), StringComparison.Ordinal);
        var search = Assert.Single(api.Api.Requests, r => r.Path == FakeApiAlternance.SearchPath);
        Assert.Equal("Bearer " + FakeApiAlternance.Key, search.Authorization);
    }

    [Fact]
    public async Task Check_ApiAlternanceKeyRefused_OffersFailedSayingWhichKey_Issue11()
    {
        await using var api = await FakeApiAlternance.StartAsync();

        var result = await _run.RunAsync(Settings(api, key: "wrong-key"));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Offres : API Alternance refuse les identifiants (401)", result.Line("✗", OffersProbe.Name));
        Assert.Contains("Offers:ApiAlternance:ApiKey", result.FixAfter("✗", OffersProbe.Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ApiAlternanceDown_OffersFailed_Issue11()
    {
        await using var api = await FakeUpstream.StartAsync((app, _) => app.MapGet("/api/job/v1/search", () => Results.StatusCode(503)));

        var result = await _run.RunAsync(new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = api.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = "k",
            ["Offers:ApiAlternance:Mirror"] = "false",
        });

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Offres : API Alternance ne répond pas normalement (503)", result.Line("✗", OffersProbe.Name));
    }

    [Fact]
    public async Task Check_ApiAlternanceHangs_FailedAfterProbeTimeoutInsteadOfHanging_Issue11()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero));
        await using var api = await FakeUpstream.StartAsync((app, upstream) => app.MapGet("/api/job/v1/search", upstream.Hang));
        api.Hanging = () => time.Advance(TimeSpan.FromSeconds(20));

        var result = await _run.RunAsync(
            new Dictionary<string, string?>
            {
                ["Offers:Source"] = "ApiAlternance",
                ["Offers:ApiAlternance:BaseUri"] = api.BaseUri + "api/",
                ["Offers:ApiAlternance:ApiKey"] = "k",
                ["Offers:ApiAlternance:Mirror"] = "false",
            },
            time);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Offres : pas de réponse en 20 s", result.Line("✗", OffersProbe.Name));
        Assert.Contains("✓ Port", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FranceTravailTokenAndSearch_BothOk_Issue11()
    {
        await using var api = await FakeUpstream.StartAsync((app, _) =>
        {
            app.MapPost("/token", () => Results.Json(new { access_token = "ft-token", expires_in = 1499, token_type = "Bearer" }));
            app.MapGet("/offres/search", (HttpContext c) => c.Request.Headers.Authorization == "Bearer ft-token" ? Results.Json(new { resultats = Array.Empty<object>() }, statusCode: 206) : Results.StatusCode(401));
        });

        var result = await _run.RunAsync(FranceTravail(api));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("✓ France Travail, jeton : obtenu (valable 24 min)", result.Line("✓", OffersProbe.TokenName));
        Assert.Matches(@"^✓ Offres : France Travail répond en \d+ ms \(recherche acceptée\)$", result.Line("✓", OffersProbe.Name));
        Assert.Contains(api.Requests, r => r.Path == "/token" && r.Form!.Contains("grant_type=client_credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_FranceTravailCredentialsRefused_TokenFailed_Issue11()
    {
        await using var api = await FakeUpstream.StartAsync((app, _) =>
            app.MapPost("/token", () => Results.Json(new { error = "invalid_client", error_description = "Client authentication failed" }, statusCode: 401)));

        var result = await _run.RunAsync(FranceTravail(api));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ France Travail, jeton : le serveur de jetons de France Travail refuse les identifiants (401)", result.Line("✗", OffersProbe.TokenName));
        Assert.Contains("Offers:FranceTravail:ClientId", result.FixAfter("✗", OffersProbe.TokenName), StringComparison.Ordinal);
    }

    public void Dispose() => _run.Dispose();

    private Dictionary<string, string?> Settings(FakeApiAlternance api, string key = FakeApiAlternance.Key) => new()
    {
        ["Offers:Source"] = "ApiAlternance",
        ["Offers:ApiAlternance:BaseUri"] = api.Api.BaseUri + "api/",
        ["Offers:ApiAlternance:ApiKey"] = key,
    };

    private static Dictionary<string, string?> FranceTravail(FakeUpstream api) => new()
    {
        ["Offers:Source"] = "FranceTravail",
        ["Offers:FranceTravail:TokenUri"] = api.BaseUri + "token",
        ["Offers:FranceTravail:BaseUri"] = api.BaseUri.ToString(),
        ["Offers:FranceTravail:ClientId"] = "id",
        ["Offers:FranceTravail:ClientSecret"] = "secret",
    };
}
