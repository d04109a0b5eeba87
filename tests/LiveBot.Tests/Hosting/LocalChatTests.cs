using LiveBot.Chat.Local;
using LiveBot.Core.Chat;
using LiveBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveBot.Tests.Hosting;

public sealed class LocalChatTests
{
    [Fact]
    public async Task PostChat_Aide_ListsCommands()
    {
        await using var bot = await BotHost.StartAsync();

        var replies = await bot.SayAsync("!aide");

        var reply = Assert.Single(replies);
        Assert.StartsWith("Commandes : !aide", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_UnknownRole_Returns400WithReason()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsJsonAsync("api/chat", new { user = "alice", text = "!aide", roles = new[] { "roi" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Rôle inconnu « roi »", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Default_ReportsLocalConnectedAndCommandsOk()
    {
        await using var bot = await BotHost.StartAsync();

        using var document = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        var root = document.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        var local = Assert.Single(root.GetProperty("platforms").EnumerateArray(), p => p.GetProperty("name").GetString() == "local");
        Assert.Equal("connected", local.GetProperty("state").GetString());
        Assert.Equal("ok", root.GetProperty("config").GetProperty("commands").GetString());
    }

    [Theory]
    [InlineData("{bad", "JSON invalide (ligne 1, colonne 2)")]
    [InlineData("[1,2]", "JSON invalide")]
    [InlineData("{\"user\":\"alice\",\"text\":null}", "Corps attendu")]
    [InlineData("{\"user\":\"alice\",\"text\":\"!aide\",\"roles\":[1]}", "JSON invalide")]
    [InlineData("", "Corps attendu")]
    public async Task PostChat_BrokenBody_400WithFrenchReason(string body, string reason)
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsync("api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_TextPlainContentType_StillAnswered()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsync("api/chat", new StringContent("{\"user\":\"alice\",\"text\":\"!aide\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostChat_HugeBody_400WithoutReadingItAll()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsync("api/chat", new StringContent(new string('a', 5_000_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Corps trop long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_ModeratorRoleWithoutToken_401()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsJsonAsync("api/chat", new { user = "mallory", text = "!aide", roles = new[] { "moderator" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("demande le jeton des présentateurs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChat_ModeratorRoleWithToken_Answered()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.NotEmpty(await bot.SayAsync("!aide", "modo", "moderator"));
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task PostChat_FromAnotherSite_403(string header, string value)
    {
        await using var bot = await BotHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = new StringContent("{\"user\":\"a\",\"text\":\"!aide\"}") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostChat_SameOriginBrowser_Answered()
    {
        await using var bot = await BotHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = new StringContent("{\"user\":\"a\",\"text\":\"!aide\"}") };
        request.Headers.TryAddWithoutValidation("Origin", bot.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostChat_InvisibleUserName_400()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.Http.PostAsJsonAsync("api/chat", new { user = "\u200B\u200B", text = "!aide" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("true", null, null, false)]
    [InlineData(null, "true", null, false)]
    [InlineData("true", null, "true", true)]
    [InlineData(null, null, "false", false)]
    public void AddLocalChat_EnabledUnset_OnOnlyWithoutARealPlatform(string? twitch, string? youtube, string? local, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twitch:Enabled"] = twitch,
            ["YouTube:Enabled"] = youtube,
            ["LocalChat:Enabled"] = local,
            ["LocalChat:Console"] = "false",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);

        services.AddLocalChat(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(expected, provider.GetRequiredService<IOptions<LocalChatOptions>>().Value.IsOn);
        Assert.Equal(expected, services.Any(d => d.ServiceType == typeof(IChatPlatform)));
    }
}
