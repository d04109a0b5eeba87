using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LiveBot.Core.Chat;
using LiveBot.Dashboard;
using LiveBot.Hosting;
using LiveBot.Testing;
using LiveBot.Twitch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LiveBot.Tests.Hosting;

public sealed partial class MetricsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Metrics_NoToken_401_Issue11()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Jeton manquant ou invalide", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("livebot_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WrongToken_401_Issue11()
    {
        await using var bot = await BotHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "pas-le-bon-jeton-du-tout-0123456789");

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_PublicTrue_OpenWithoutToken_Issue11()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Metrics:Public"] = "true" });

        using var response = await bot.Http.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("livebot_chat_lines_total", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterLocalChat_CountsByPlatformCommandAndStatus_Issue11()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!aide", "alice");
        await bot.SayAsync("!aide", "bob");
        await bot.SayAsync("bonjour tout le monde", "carol");
        await bot.SayAsync("!question Quel salaire pour un apprenti boulanger la première année ?", "dave");
        await bot.SayAsync("!offres boulanger Lyon", "erin");

        var samples = await ScrapeAsync(bot);

        Assert.Equal(5, Value(samples, "livebot_chat_lines_total", ("platform", "local")));
        Assert.Equal(2, Value(samples, "livebot_commands_total", ("platform", "local"), ("command", "aide"), ("answered", "true")));
        Assert.Equal(1, Value(samples, "livebot_commands_total", ("command", "question"), ("answered", "true")));
        Assert.Equal(4, Value(samples, "livebot_replies_sent_total", ("platform", "local")));
        Assert.Equal(0, Value(samples, "livebot_replies_merged_total", ("platform", "local")));
        Assert.Equal(0, Value(samples, "livebot_replies_dropped_total", ("platform", "local"), ("reason", "other")));
        Assert.Equal(1, Value(samples, "livebot_platform_connected", ("platform", "local")));
        Assert.Equal(1, Value(samples, "livebot_questions", ("status", "approved")));
        Assert.Equal(0, Value(samples, "livebot_questions", ("status", "pending")));
        Assert.Equal(1, Value(samples, "livebot_offer_requests_total", ("platform", "local"), ("kind", "offres")));
        Assert.Equal(0, Value(samples, "livebot_event_stream_clients", ("stream", "presenter")));
        Assert.Equal(0, Value(samples, "livebot_event_stream_clients", ("stream", "overlay")));

        // Runtime and ASP.NET Core instrumentation are on (the chat posts above were HTTP requests).
        Assert.Contains(samples, s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal) || s.Name.StartsWith("process_runtime_dotnet_", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "/api/chat");

        // Aggregates only: no viewer's name in any label.
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v is "alice" or "bob" or "carol" or "dave" or "erin"));
    }

    [Fact]
    public async Task Metrics_TwoBotsInOneProcess_EachScrapesOnlyItsOwn_Issue11()
    {
        await using var busy = await BotHost.StartAsync();
        await using var quiet = await BotHost.StartAsync();
        await busy.SayAsync("!aide", "alice");
        await busy.SayAsync("!aide", "bob");

        var samples = await ScrapeAsync(quiet);

        Assert.Equal(0, Value(samples, "livebot_chat_lines_total", ("platform", "local")));
        Assert.DoesNotContain(samples, s => s.Name == "livebot_commands_total");
        Assert.Single(samples, s => s.Name == "livebot_chat_lines_total");
        Assert.Equal(2, Value(await ScrapeAsync(busy), "livebot_chat_lines_total", ("platform", "local")));
    }

    [Fact]
    public async Task Metrics_TwitchTokenRefused_UpstreamCallFailureAndLatency_Issue11()
    {
        // Twitch's id service on loopback, answering the token check as Twitch does for a bad token.
        await using var idService = await StartIdServiceAsync();
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Twitch:Enabled"] = "true",
            ["Twitch:Login"] = "livebot",
            ["Twitch:OAuthToken"] = "oauth:abcdefghijklmnopqrstuvwxyz0123",
            ["Twitch:ServerUri"] = "ws://127.0.0.1:1/",
            ["Twitch:AuthBaseUri"] = idService.Address.ToString(),
            ["Twitch:Channels:0"] = "chan",
        });
        await WaitForStateAsync(bot.Service<TwitchChatClient>().Status, PlatformStates.AuthFailed);

        var samples = await ScrapeAsync(bot);

        Assert.True(Value(samples, "livebot_upstream_calls_total", ("source", "twitchauth"), ("outcome", "client_error")) >= 1);
        Assert.True(Value(samples, "livebot_upstream_failures_total", ("source", "twitchauth"), ("reason", "client_error")) >= 1);
        Assert.True(Value(samples, "livebot_upstream_duration_seconds_count", ("source", "twitchauth")) >= 1);
        Assert.Contains(samples, s => s.Name == "livebot_upstream_duration_seconds_bucket" && s.Labels.GetValueOrDefault("le") == "0.5");
        Assert.Equal(0, Value(samples, "livebot_platform_connected", ("platform", "twitch")));
    }

    private static async Task<IReadOnlyList<Sample>> ScrapeAsync(BotHost bot)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Service<DashboardToken>().Value);
        using var response = await bot.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Prometheus' text format: <c>name{a="b",…} value [timestamp]</c>, comments skipped.</summary>
    private static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, "ligne illisible : " + line);
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    private static double Value(IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels)
    {
        var matching = samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        Assert.True(matching.Count > 0, $"{name} {string.Join(",", labels)} absent");
        return matching.Sum(s => s.Value);
    }

    private static async Task WaitForStateAsync(PlatformStatus status, string state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        status.Changed += () =>
        {
            if (status.State == state)
            {
                reached.TrySetResult();
            }
        };
        if (status.State == state)
        {
            return;
        }

        await reached.Task.WaitAsync(Patience);
    }

    private static async Task<IdService> StartIdServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/oauth2/validate", () => Results.Json(new { status = 401, message = "invalid access token" }, statusCode: StatusCodes.Status401Unauthorized));
        await app.StartAsync();
        return new IdService(app, new Uri(LiveBotApp.Addresses(app).First().TrimEnd('/') + "/"));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    private sealed record IdService(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
