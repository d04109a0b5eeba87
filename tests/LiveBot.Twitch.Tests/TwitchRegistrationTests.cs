using LiveBot.Core.Chat;
using LiveBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Tests;

public sealed class TwitchRegistrationTests
{
    [Fact]
    public async Task AddTwitchChat_Disabled_RegistersNoPlatformAndNoClient()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Null(bot.Service<PlatformRegistry>().Find("twitch"));
        Assert.Null(bot.App.Services.GetService<TwitchChatClient>());
    }

    [Fact]
    public async Task AddTwitchChat_Enabled_RegistersOneClientAsPlatformAndHostedService()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Twitch:Enabled"] = "true",
            ["Twitch:Login"] = "livebot",
            ["Twitch:OAuthToken"] = "abc",
            ["Twitch:ServerUri"] = "ws://127.0.0.1:9/",
            ["Twitch:AuthBaseUri"] = "http://127.0.0.1:9/",
        });

        var client = bot.Service<TwitchChatClient>();
        Assert.Same(client, bot.Service<PlatformRegistry>().Find("twitch"));
        Assert.Contains(bot.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => ReferenceEquals(s, client));
        Assert.Equal(500, client.MaxMessageLength);
    }

    [Fact]
    public async Task Start_EnabledWithoutLogin_FailsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Twitch:Enabled"] = "true",
            ["Twitch:OAuthToken"] = "abc",
        }));

        Assert.Contains("Twitch:Login", error.Message, StringComparison.Ordinal);
    }
}
