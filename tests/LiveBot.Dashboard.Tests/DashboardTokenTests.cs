using System.Net;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Dashboard.Tests;

public sealed class DashboardTokenTests
{
    [Fact]
    public async Task Start_EmptyTokenSetting_GeneratesTokenUnderDataPrintedInUrlAndAccepted()
    {
        await using var bot = await BotHost.StartAsync();

        var file = Path.Combine(bot.Folder, "data", DashboardToken.FileName);
        var token = (await File.ReadAllTextAsync(file)).Trim();
        var url = bot.Service<DashboardLinks>().PresenterPageUrl(bot.BaseAddress.ToString());
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync("api/questions");

        Assert.True(token.Length >= 40, token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bot.BaseAddress.ToString().TrimEnd('/') + "/?token=" + token, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void LoadOrCreate_SecondStart_KeepsTheSameToken()
    {
        var folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = DashboardToken.LoadOrCreate(folder, NullLogger.Instance);
            var second = DashboardToken.LoadOrCreate(folder, NullLogger.Instance);

            Assert.Equal(first, second);
            Assert.NotEqual(first, DashboardToken.LoadOrCreate(Path.Combine(folder, "autre"), NullLogger.Instance));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Generate_TwoCalls_DifferUrlSafeTokens()
    {
        var a = DashboardToken.Generate();
        var b = DashboardToken.Generate();

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.All(a, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080")]
    [InlineData("http://[::]:8080/", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    public void Origin_WildcardAddress_BecomesLoopback(string address, string expected) =>
        Assert.Equal(expected, DashboardLinks.Origin(address));

    [Fact]
    public async Task Start_EmptyOverlayKey_GeneratedOwnerOnlyAndPrintedInTheOverlayAddress_Issue13()
    {
        await using var bot = await BotHost.StartAsync();

        var file = Path.Combine(bot.Folder, "data", OverlayKey.FileName);
        var url = bot.Service<DashboardLinks>().OverlayUrl("http://0.0.0.0:5080");
        var key = (await File.ReadAllTextAsync(file)).Trim();

        Assert.Equal("http://127.0.0.1:5080/overlay?key=" + key, url);
        Assert.NotEqual(bot.Service<DashboardToken>().Value, key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Start_ConfiguredToken_UsedAndNoFileWritten()
    {
        await using var bot = await DashboardBot.StartAsync();

        Assert.Equal(DashboardBot.Token, bot.Service<DashboardToken>().Value);
        Assert.False(File.Exists(Path.Combine(bot.Folder, "data", DashboardToken.FileName)));
    }
}
