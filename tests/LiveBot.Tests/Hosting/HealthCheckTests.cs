using System.Net;
using System.Text.Json;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Storage;
using LiveBot.Hosting;
using LiveBot.Testing;

namespace LiveBot.Tests.Hosting;

public sealed class HealthCheckTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task HealthLive_Running_200Healthy_Issue11()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task HealthReady_Default_200WithEveryCheckHealthy_Issue11()
    {
        await using var bot = await BotHost.StartAsync();

        var (status, body) = await ReadyAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["configuration", "platforms", "storage"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.Equal("local : connected", checks.GetProperty("platforms").GetProperty("description").GetString());
    }

    [Fact]
    public async Task HealthReady_DataFolderNotWritable_503StorageUnhealthy_Issue11()
    {
        await using var bot = await BotHost.StartAsync();
        var data = bot.Service<LiteDbStore>().DataFolder;

        // The folder gone and a file in its place: no write can land there, even for root.
        Directory.Move(data, data + "-moved");
        await File.WriteAllTextAsync(data, "not a folder");
        try
        {
            var (status, body) = await ReadyAsync(bot);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            var storage = body.GetProperty("checks").GetProperty("storage");
            Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
            Assert.StartsWith("dossier de données non accessible en écriture", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(bot.Folder, body.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(data);
            Directory.Move(data + "-moved", data);
        }

        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(bot)).Status);
    }

    [Fact]
    public async Task HealthReady_BrokenModeratorFile_503ConfigurationUnhealthy_Issue11()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string> { ["commands.json"] = """{ "commands": [] }""" });
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Service<ModeratorFile<CommandSet>>().Rejected += _ => rejected.TrySetResult();

        await File.WriteAllTextAsync(Path.Combine(bot.ConfigDir, "commands.json"), """{ "commands": [ { "name": "x", "reply": "y", "permission": "chef" } ] }""");
        await rejected.Task.WaitAsync(Patience);

        var (status, body) = await ReadyAsync(bot);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var configuration = body.GetProperty("checks").GetProperty("configuration");
        Assert.Equal("Unhealthy", configuration.GetProperty("status").GetString());
        Assert.Contains("commands.json", configuration.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task HealthReady_TwitchNotConnected_503PlatformsUnhealthy_Issue11()
    {
        // Twitch enabled toward a port where nothing listens: the bot runs, but is not ready.
        var closed = new Uri("http://127.0.0.1:1/");
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Twitch:Enabled"] = "true",
            ["Twitch:Login"] = "livebot",
            ["Twitch:OAuthToken"] = "oauth:abcdefghijklmnopqrstuvwxyz0123",
            ["Twitch:ServerUri"] = "ws://127.0.0.1:1/",
            ["Twitch:AuthBaseUri"] = closed.ToString(),
            ["Twitch:Channels:0"] = "chan",
        });

        var (status, body) = await ReadyAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var platforms = body.GetProperty("checks").GetProperty("platforms");
        Assert.Equal("Unhealthy", platforms.GetProperty("status").GetString());
        Assert.StartsWith("twitch : ", platforms.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task Healthz_AfterHealthChecks_KeepsItsOwnDocument_Issue11()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.Http.GetAsync("health/ready");

        using var document = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        Assert.Equal("ok", document.RootElement.GetProperty("status").GetString());
        Assert.True(document.RootElement.TryGetProperty("platforms", out _));
        Assert.False(document.RootElement.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task HealthProbe_BotRunning_Exit0_Issue11()
    {
        await using var bot = await BotHost.StartAsync();
        var output = new StringWriter();

        var code = await HealthProbeCommand.RunAsync(["--url", bot.BaseAddress.ToString()], output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("200 ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthProbe_NothingListening_Exit1_Issue11()
    {
        var output = new StringWriter();

        var code = await HealthProbeCommand.RunAsync(["--url", "http://127.0.0.1:1"], output, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("ne répond pas", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080;https://+:8443", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:9000/", "http://127.0.0.1:9000/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    public void HealthProbeBaseAddress_Urls_FirstLoopbackAddress_Issue11(string? urls, string expected)
    {
        Assert.Equal(new Uri(expected), HealthProbeCommand.BaseAddress(urls));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(BotHost bot)
    {
        using var response = await bot.Http.GetAsync("health/ready");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
