using System.Net;
using System.Net.Http.Headers;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Testing;

namespace LiveBot.Dashboard.Tests;

/// <summary>One bot for the class: every read and write of the dashboard needs the token.</summary>
public sealed class BotFixture : IAsyncLifetime
{
    public BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await DashboardBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

public sealed class DashboardAuthTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "api/questions" },
        { "GET", "api/questions?status=pending" },
        { "GET", "api/questions/export.csv" },
        { "GET", "events" },
        { "POST", "api/questions/1/approve" },
        { "POST", "api/questions/1/onair" },
        { "POST", "api/questions/1/answered" },
        { "POST", "api/questions/1/hide" },
        { "POST", "api/questions/1/restore" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_WithoutToken_Returns401(string method, string path)
    {
        using var response = await fixture.Bot.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Jeton manquant ou invalide", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_WrongToken_Returns401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardBot.Token + "x");
        request.Headers.Add("Cookie", DashboardToken.CookieName + "=nope");

        using var response = await fixture.Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task Read_WithToken_Returns200(string how)
    {
        using var response = await fixture.Bot.Http.SendAsync(WithToken(HttpMethod.Get, "api/questions", how));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"counters\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task Write_WithToken_PassesAuthAndReaches404ForUnknownQuestion(string how)
    {
        using var response = await fixture.Bot.Http.SendAsync(WithToken(HttpMethod.Post, "api/questions/999999/approve", how));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Question #999999 introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresenterPage_WithoutToken_Returns401FrenchPageWithCsp()
    {
        using var response = await fixture.Bot.Http.GetAsync("");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lien affiché dans le terminal au démarrage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStrictCsp(response);
    }

    [Fact]
    public async Task PresenterPage_QueryToken_SetsHttpOnlyStrictCookieAndDropsTokenFromAddress()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Bot.BaseAddress };

        using var response = await client.GetAsync("?token=" + DashboardBot.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DashboardToken.CookieName + "=" + DashboardBot.Token + ";", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PresenterPage_WrongQueryToken_Returns401AndNoCookie()
    {
        using var response = await fixture.Bot.Http.GetAsync("?token=faux");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("cookie")]
    public async Task PresenterPage_WithToken_ServesPageWithStrictCsp(string how)
    {
        using var response = await fixture.Bot.Http.SendAsync(WithToken(HttpMethod.Get, "", how));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/assets/dashboard.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("Chat de test", html, StringComparison.Ordinal);
        AssertStrictCsp(response);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlay_WithoutToken_ServesPageWithCsp()
    {
        using var response = await fixture.Bot.Http.GetAsync("overlay?theme=light");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/assets/overlay.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStrictCsp(response);
    }

    [Fact]
    public async Task LocalChat_FromPage_StaysReachableWithoutToken()
    {
        var replies = await fixture.Bot.SayAsync("!aide");

        Assert.NotEmpty(replies);
    }

    private static HttpRequestMessage WithToken(HttpMethod method, string path, string how)
    {
        var request = new HttpRequestMessage(method, how == "query" ? path + (path.Contains('?') ? "&" : "?") + "token=" + DashboardBot.Token : path);
        if (how == "bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardBot.Token);
        }
        else if (how == "cookie")
        {
            request.Headers.Add("Cookie", DashboardToken.CookieName + "=" + DashboardBot.Token);
        }

        return request;
    }

    private static void AssertStrictCsp(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
