using System.Net;
using System.Net.Http.Headers;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Questions;
using LiveBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Dashboard.Tests;

/// <summary>Issue 13, security: cross-origin changes, Host allow-list, weak tokens, guessing, headers everywhere.</summary>
public sealed class RequestSecurityTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await DashboardBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task QuestionAction_FromAnotherPageWithCookie_RefusedAndUnchanged_Issue13(string header, string value)
    {
        var id = await _bot.AskAsync("alice", "Comment trouver une entreprise d'accueil ?");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/questions/{id}/hide");
        request.Headers.Add("Cookie", DashboardToken.CookieName + "=" + DashboardBot.Token);
        request.Headers.Add(header, value);

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("autre page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Approved, _bot.Service<QuestionQueue>().Get(id)?.Status);
    }

    [Fact]
    public async Task QuestionAction_OwnOriginWithCookie_Allowed_Issue13()
    {
        var id = await _bot.AskAsync("alice", "Quel salaire pour un apprenti boulanger ?");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/questions/{id}/hide");
        request.Headers.Add("Cookie", DashboardToken.CookieName + "=" + DashboardBot.Token);
        request.Headers.Add("Origin", _bot.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QuestionStatus.Hidden, _bot.Service<QuestionQueue>().Get(id)?.Status);
    }

    [Fact]
    public async Task QuestionAction_CrossOriginWithTokenInHeader_Allowed_Issue13()
    {
        var id = await _bot.AskAsync("alice", "Faut-il le permis pour être plombier ?");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/questions/{id}/hide");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardBot.Token);
        request.Headers.Add("Origin", "http://127.0.0.1:1");

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/polls")]
    [InlineData("PUT", "api/anything/later")]
    [InlineData("DELETE", "api/questions/1")]
    public async Task AnyStateChange_CrossOrigin_RefusedBeforeTheEndpoint_Issue13(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Request_ForeignHostHeader_Refused_Issue13(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        request.Headers.Host = host;

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Request_LoopbackHostHeader_Served_Issue13(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
        request.Headers.Host = host + ":" + _bot.BaseAddress.Port;

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "api/questions")]
    [InlineData("GET", "healthz")]
    [InlineData("POST", "api/chat")]
    [InlineData("GET", "no-such-page")]
    [InlineData("GET", "events")]
    public async Task AnyResponse_ErrorsIncluded_CarriesSecurityHeaders_Issue13(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _bot.Http.SendAsync(request);

        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WrongTokens_Repeated_ThrottledEvenForTheRightOne_Issue13()
    {
        for (var i = 0; i < AuthFailureThrottle.Burst; i++)
        {
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/questions");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i);
            using var refused = await _bot.Http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var right = new HttpRequestMessage(HttpMethod.Get, "api/questions");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardBot.Token);
        using var response = await _bot.Http.SendAsync(right);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(AuthFailureThrottle.Burst, _bot.Service<AuthFailureThrottle>().Failures);
    }

    [Fact]
    public void Throttle_AfterRefillDelay_OneMoreTry_Issue13()
    {
        var time = new FakeTimeProvider();
        var throttle = new AuthFailureThrottle(time, NullLogger<AuthFailureThrottle>.Instance);
        for (var i = 0; i < AuthFailureThrottle.Burst; i++)
        {
            throttle.Failed("10.0.0.1");
        }

        Assert.True(throttle.IsBlocked("10.0.0.1"));
        Assert.False(throttle.IsBlocked("10.0.0.2"));
        time.Advance(AuthFailureThrottle.Refill);
        Assert.False(throttle.IsBlocked("10.0.0.1"));
        throttle.Failed("10.0.0.1");
        Assert.True(throttle.IsBlocked("10.0.0.1"));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0123456789abcde")]
    public async Task Start_ConfiguredTokenUnder16Characters_RefusedInFrench_Issue13(string token)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string> { ["Dashboard:Token"] = token }));

        Assert.Contains("16 caractères au moins", string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }
}
