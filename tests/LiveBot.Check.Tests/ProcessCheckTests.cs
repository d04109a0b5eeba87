using System.Diagnostics;
using LiveBot.Check.Probes;
using LiveBot.Hosting;
using LiveBot.Offers.Tests.Mirror;
using LiveBot.Twitch.Tests.Fakes;
using LiveBot.YouTube.Tests;
using LiveBot.YouTube.Tests.Fake;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Check.Tests;

/// <summary><c>livebot check</c> as a real process (the real LiveBot.dll): exit code and printed checklist.</summary>
public sealed class ProcessCheckTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly CheckRun _run = new();

    [Fact]
    public async Task CheckProcess_DemoSetUp_PrintsChecklistExitCode0_Issue11()
    {
        var (exit, output) = await RunProcessAsync(_run.Arguments());

        Assert.Equal(0, exit);
        Assert.Contains("Vérification avant le direct", output, StringComparison.Ordinal);
        Assert.Contains("✓ Configuration : ", output, StringComparison.Ordinal);
        Assert.Contains("⚠ Offres : source Demo", output, StringComparison.Ordinal);
        Assert.Contains("Prêt pour le direct", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckProcess_OffersKeyRefused_FailedLineWithFixExitCode1_Issue11()
    {
        await using var api = await FakeApiAlternance.StartAsync();
        var args = _run.Arguments(new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = api.Api.BaseUri + "api/",
        });

        // The key comes from the environment, as on a server.
        var (exit, output) = await RunProcessAsync(args, ("Offers__ApiAlternance__ApiKey", "not-the-key"));

        Assert.Equal(1, exit);
        Assert.Contains("✗ Offres : API Alternance refuse les identifiants (401)\n    → vérifiez Offers:ApiAlternance:ApiKey", output, StringComparison.Ordinal);
        Assert.Contains("Pas prêt : 1 point à corriger (✗)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckProcess_TwitchAndYouTubeFakesBothEnabled_OkLinesForBothExitCode0_Issue11()
    {
        await using var twitch = await FakeTwitchServer.StartAsync();
        await using var youtube = await FakeYouTubeServer.StartAsync(new FakeTimeProvider(YouTubeTestBot.Start));
        twitch.ModeratorChannels["chan"] = 0;
        youtube.StartLive("chat-both", "video-both");

        var (exit, output) = await RunProcessAsync(_run.Arguments(BothPlatforms(twitch, youtube)));

        Assert.True(exit == 0, output);
        Assert.Contains("✓ Plateformes : Twitch et YouTube activés\n", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {TwitchTokenProbe.TokenName} : valide", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {TwitchTokenProbe.ScopesName} : chat:read chat:edit\n", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {TwitchTokenProbe.LoginName} : livebot\n", output, StringComparison.Ordinal);
        Assert.Contains("✓ Twitch #chan : rejoint, le bot est modérateur", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {YouTubeProbe.AuthName} : refresh token accepté par Google\n", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {YouTubeProbe.LiveName} : « Live apprentissage » (chat chat-both)\n", output, StringComparison.Ordinal);
        Assert.Contains($"✓ {YouTubeProbe.QuotaName} : ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.Contains("Prêt pour le direct", output, StringComparison.Ordinal);
        Assert.Contains(twitch.Received, r => r.Line == "JOIN #chan");
        Assert.Empty(twitch.Privmsgs);
        Assert.Equal(0, youtube.CallsOf("liveChatMessages.insert"));
    }

    [Fact]
    public async Task CheckProcess_BothEnabledYouTubeRefreshTokenRevoked_FailedLineWithFixExitCode1_Issue11()
    {
        await using var twitch = await FakeTwitchServer.StartAsync();
        await using var youtube = await FakeYouTubeServer.StartAsync(new FakeTimeProvider(YouTubeTestBot.Start));
        twitch.ModeratorChannels["chan"] = 0;
        youtube.StartLive("chat-both", "video-both");
        var settings = BothPlatforms(twitch, youtube);
        settings["YouTube:RefreshToken"] = "revoked";

        var (exit, output) = await RunProcessAsync(_run.Arguments(settings));

        Assert.True(exit == 1, output);
        Assert.Contains($"✗ {YouTubeProbe.AuthName} : refresh token refusé par Google (invalid_grant)\n    → ", output, StringComparison.Ordinal);
        Assert.Contains("youtube-login", output, StringComparison.Ordinal);
        Assert.Contains("✓ Twitch #chan : rejoint", output, StringComparison.Ordinal);
        Assert.Contains("Pas prêt : 1 point à corriger (✗)", output, StringComparison.Ordinal);
    }

    public void Dispose() => _run.Dispose();

    private static Dictionary<string, string?> BothPlatforms(FakeTwitchServer twitch, FakeYouTubeServer youtube)
    {
        var settings = twitch.BotSettings().ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        settings["YouTube:Enabled"] = "true";
        settings["YouTube:ClientId"] = FakeYouTubeServer.ClientId;
        settings["YouTube:ClientSecret"] = FakeYouTubeServer.ClientSecret;
        settings["YouTube:RefreshToken"] = FakeYouTubeServer.RefreshToken;
        settings["YouTube:ApiBaseUri"] = youtube.BaseUri.ToString();
        settings["YouTube:TokenUri"] = youtube.TokenUri.ToString();
        return settings;
    }

    private async Task<(int Exit, string Output)> RunProcessAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _run.Folder,
        };
        info.ArgumentList.Add(typeof(LiveBotApp).Assembly.Location);
        info.ArgumentList.Add("check");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal) + await stderr);
    }
}
