using System.Text.Json.Nodes;
using System.Web;
using LiveBot.YouTube.Auth;
using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests.Auth;

public sealed class LoginTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Login_BrowserComesBackWithCode_RefreshTokenStoredInUserSecrets()
    {
        await using var fake = await FakeYouTubeServer.StartAsync(TimeProvider.System);
        var secrets = Path.Combine(_folder, "secrets.json");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(secrets, """{ "Twitch:AccessToken": "keep-me" }""");
        var output = new UrlWriter();
        var options = new YouTubeOptions { ClientId = FakeYouTubeServer.ClientId, ClientSecret = FakeYouTubeServer.ClientSecret, TokenUri = fake.TokenUri.ToString() };

        var login = YouTubeLogin.RunAsync(options, secrets, output, CancellationToken.None);
        var url = new Uri(await output.Url.WaitAsync(TimeSpan.FromSeconds(20)));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal(FakeYouTubeServer.ClientId, query["client_id"]);
        Assert.Contains("youtube", query["scope"], StringComparison.Ordinal);
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(query["redirect_uri"] + "?code=" + Uri.EscapeDataString(FakeYouTubeServer.AuthorizationCode));

        Assert.Equal(0, await login.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("LiveBot est", page, StringComparison.Ordinal);
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(secrets))!;
        Assert.Equal(FakeYouTubeServer.LoginRefreshToken, stored[YouTubeLogin.SecretKey]!.GetValue<string>());
        Assert.Equal("keep-me", stored["Twitch:AccessToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_UserDenies_NonZeroAndNothingStored()
    {
        await using var fake = await FakeYouTubeServer.StartAsync(TimeProvider.System);
        var secrets = Path.Combine(_folder, "secrets.json");
        var output = new UrlWriter();
        var options = new YouTubeOptions { ClientId = FakeYouTubeServer.ClientId, ClientSecret = FakeYouTubeServer.ClientSecret, TokenUri = fake.TokenUri.ToString() };

        var login = YouTubeLogin.RunAsync(options, secrets, output, CancellationToken.None);
        var query = HttpUtility.ParseQueryString(new Uri(await output.Url.WaitAsync(TimeSpan.FromSeconds(20))).Query);
        using var browser = new HttpClient();
        await browser.GetStringAsync(query["redirect_uri"] + "?error=access_denied");

        Assert.Equal(1, await login.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(File.Exists(secrets));
    }

    [Fact]
    public async Task Login_NoClientId_ExplainsAndFails()
    {
        var output = new UrlWriter();

        var exit = await YouTubeLogin.RunAsync(new YouTubeOptions(), Path.Combine(_folder, "secrets.json"), output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("ClientId", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Captures the output and hands over the address the user is asked to open.</summary>
    private sealed class UrlWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Url => _url.Task;

        public override Task WriteLineAsync(string? value)
        {
            if (value?.StartsWith("http", StringComparison.Ordinal) == true)
            {
                _url.TrySetResult(value);
            }

            return base.WriteLineAsync(value);
        }
    }
}
