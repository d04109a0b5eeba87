using LiveBot.Testing;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Tests.Fakes;

namespace LiveBot.Twitch.Tests.Auth;

/// <summary>A refreshed token survives a restart, in an owner-only file of the data folder (issue 11).</summary>
public sealed class TwitchTokenFileTests
{
    [Fact]
    public async Task Restart_AfterRefresh_UsesTheSavedTokenNotTheExpiredOne_Issue11()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.AcceptedRefreshToken = "myrefresh";
        var settings = RefreshSettings(server, "expiredtoken");
        string saved;
        await using (var first = await BotHost.StartAsync(settings: settings))
        {
            await server.WaitForJoinAsync("chan");
            var path = Path.Combine(first.Folder, "data", TwitchTokenFile.FileName);
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            saved = await File.ReadAllTextAsync(path);
            Assert.Contains(server.RefreshedAccessToken, saved, StringComparison.Ordinal);
            Assert.DoesNotContain("expiredtoken", saved, StringComparison.Ordinal);
        }

        // The same data folder on the next start (the refresh token was rotated: "myrefresh" no longer works).
        server.AcceptedRefreshToken = "nextrefresh";
        var folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        await File.WriteAllTextAsync(Path.Combine(folder, "data", TwitchTokenFile.FileName), saved);
        await using var second = await BotHost.StartAsync(settings: settings, folder: folder);

        await server.WaitForJoinAsync("chan", connection: 2);
        Assert.Equal(1, server.RefreshCount);
        Assert.Equal("PASS oauth:" + server.RefreshedAccessToken, server.Received.Last(r => r.Command == "PASS").Line);
        Assert.DoesNotContain(server.Received, r => r.Line == "PASS oauth:expiredtoken");
        Assert.True(second.Service<TwitchTokens>().UsesSavedToken);
    }

    [Fact]
    public void Load_ConfiguredTokenChangedSinceTheRefresh_IgnoresTheFile_Issue11()
    {
        var folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var file = new TwitchTokenFile(Path.Combine(folder, TwitchTokenFile.FileName));
            Assert.True(file.Save("livebot", "oldtoken", "refreshed", "rt", DateTimeOffset.UnixEpoch));

            Assert.Equal("refreshed", file.Load("livebot", "oldtoken")?.AccessToken);
            Assert.Null(file.Load("livebot", "newtoken"));
            Assert.Null(file.Load("autrebot", "oldtoken"));

            File.WriteAllText(file.Path, "{ pas du json");
            Assert.Null(file.Load("livebot", "oldtoken"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> RefreshSettings(FakeTwitchServer server, string token)
    {
        var settings = server.BotSettings(token);
        settings["Twitch:ClientId"] = "client";
        settings["Twitch:ClientSecret"] = "secret";
        settings["Twitch:RefreshToken"] = "myrefresh";
        return settings;
    }
}
