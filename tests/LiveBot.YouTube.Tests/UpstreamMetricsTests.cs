using LiveBot.Testing;
using LiveBot.YouTube.Api;

namespace LiveBot.YouTube.Tests;

/// <summary>The YouTube Data API and Google's token endpoint in the bot's <c>livebot_upstream_…</c> metrics, read through GET /metrics.</summary>
public sealed class UpstreamMetricsTests
{
    [Fact]
    public async Task Metrics_LiveFoundReadAndAnswered_DataApiCallsCountedAsSourceYouTube_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-m"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf(YouTubeGateway.MessagesList) >= 1);
        t.Fake.Fail(YouTubeGateway.MessagesList, 503, "backendError");
        t.Fake.Say("chat-m", "Emma", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1, max: TimeSpan.FromMinutes(5));

        var samples = await t.Bot.ScrapeAsync();

        var dataApiCalls = t.Fake.CallsOf(YouTubeGateway.LiveBroadcastsList) + t.Fake.CallsOf(YouTubeGateway.MessagesList) + t.Fake.CallsOf(YouTubeGateway.MessagesInsert);
        var youtube = ("source", MeteredHttpClientFactory.DataApi);
        Assert.Equal(dataApiCalls, Sum(samples, "livebot_upstream_calls_total", youtube));
        Assert.Equal(dataApiCalls - 1, Sum(samples, "livebot_upstream_calls_total", youtube, ("outcome", "ok")));
        Assert.Equal(1, Sum(samples, "livebot_upstream_calls_total", youtube, ("outcome", "server_error")));
        Assert.Equal(1, Sum(samples, "livebot_upstream_failures_total", youtube, ("reason", "server_error")));
        Assert.Equal(dataApiCalls, Sum(samples, "livebot_upstream_duration_seconds_count", youtube));
        Assert.True(Sum(samples, "livebot_upstream_calls_total", ("source", MeteredHttpClientFactory.TokenEndpoint), ("outcome", "ok")) >= 1);
    }

    [Fact]
    public async Task Metrics_RefreshTokenRefused_TokenEndpointFailureCountedAsYouTubeAuth_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-m");
            f.Fail("token", 400, "invalid_grant");
        });
        await t.DriveUntilAsync(() => t.Fake.TokenRequests >= 1);

        var samples = await t.Bot.ScrapeAsync();

        var auth = ("source", MeteredHttpClientFactory.TokenEndpoint);
        Assert.Equal(t.Fake.TokenRequests, Sum(samples, "livebot_upstream_calls_total", auth));
        Assert.Equal(1, Sum(samples, "livebot_upstream_failures_total", auth, ("reason", "client_error")));
        Assert.Equal(0, Sum(samples, "livebot_upstream_calls_total", ("source", MeteredHttpClientFactory.DataApi), ("outcome", "ok")));
    }

    private static double Sum(IReadOnlyList<MetricSample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Matching(name, labels).Sum(s => s.Value);
}
