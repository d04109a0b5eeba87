using LiveBot.Check.Probes;
using LiveBot.YouTube.Tests;
using LiveBot.YouTube.Tests.Fake;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Check.Tests;

/// <summary>The YouTube points against the fake YouTube Data API and token endpoint, on one fake clock.</summary>
public sealed class YouTubePointTests : IAsyncLifetime, IDisposable
{
    private readonly CheckRun _run = new();
    private readonly FakeTimeProvider _time = new(YouTubeTestBot.Start);
    private FakeYouTubeServer _youtube = null!;

    public async Task InitializeAsync() => _youtube = await FakeYouTubeServer.StartAsync(_time);

    public async Task DisposeAsync() => await _youtube.DisposeAsync();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Check_LiveOn_AuthScopeLiveStreamAndQuotaOk_Issue11()
    {
        _youtube.StartLive("chat-1", "video-1");

        var result = await _run.RunAsync(Settings(("YouTube:Transport", "Stream")), _time);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("✓ YouTube, autorisation : refresh token accepté par Google", result.Line("✓", YouTubeProbe.AuthName));
        Assert.Equal("✓ YouTube, droits : https://www.googleapis.com/auth/youtube.force-ssl", result.Line("✓", YouTubeProbe.ScopeName));
        Assert.Equal("✓ YouTube, direct : « Live apprentissage » (chat chat-1)", result.Line("✓", YouTubeProbe.LiveName));
        Assert.Equal("✓ YouTube, lecture en flux : liveChatMessages.streamList répond", result.Line("✓", YouTubeProbe.StreamName));
        Assert.Equal("✓ YouTube, quota : 6 unités dépensées aujourd'hui sur 10000", result.Line("✓", YouTubeProbe.QuotaName));
        Assert.Equal(0, _youtube.CallsOf("liveChatMessages.insert"));
    }

    [Fact]
    public async Task Check_NoLiveYet_WarningNoLiveExitCode0_Issue11()
    {
        var result = await _run.RunAsync(Settings(), _time);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("⚠ YouTube, direct : pas encore de direct", result.Line("⚠", YouTubeProbe.LiveName));
        Assert.Contains("le bot le trouve tout seul", result.FixAfter("⚠", YouTubeProbe.LiveName), StringComparison.Ordinal);
        Assert.DoesNotContain(YouTubeProbe.StreamName, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RefreshTokenRevoked_AuthorizationFailedWithLoginCommand_Issue11()
    {
        var result = await _run.RunAsync(Settings(("YouTube:RefreshToken", "revoked")), _time);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ YouTube, autorisation : refresh token refusé par Google (invalid_grant)", result.Line("✗", YouTubeProbe.AuthName));
        Assert.Contains("youtube-login", result.FixAfter("✗", YouTubeProbe.AuthName), StringComparison.Ordinal);
        Assert.Equal(0, _youtube.CallsOf("liveBroadcasts.list"));
    }

    [Fact]
    public async Task Check_QuotaSpent_LiveAndQuotaFailed_Issue11()
    {
        _youtube.DailyBudget = 0;
        _youtube.StartLive();

        var result = await _run.RunAsync(Settings(), _time);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("quotaExceeded", result.Line("✗", YouTubeProbe.LiveName), StringComparison.Ordinal);
        Assert.StartsWith("✗ YouTube, quota : épuisé jusqu'à 08:00 (heure de Paris)", result.Line("✗", YouTubeProbe.QuotaName), StringComparison.Ordinal);
        Assert.Contains("heure du Pacifique", result.FixAfter("✗", YouTubeProbe.QuotaName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ApiDown_LiveFailed_Issue11()
    {
        _youtube.Fail("liveBroadcasts.list", 503, "backendError");

        var result = await _run.RunAsync(Settings(), _time);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ YouTube, direct : YouTube ne répond pas normalement (503 backendError)", result.Line("✗", YouTubeProbe.LiveName));
    }

    [Fact]
    public async Task Check_StreamEndpointMissing_StreamWarningPollingFallback_Issue11()
    {
        _youtube.StartLive();
        _youtube.StreamUnavailableStatus = 404;

        var result = await _run.RunAsync(Settings(("YouTube:Transport", "Stream")), _time);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("le bot lira par sondage", result.Line("⚠", YouTubeProbe.StreamName), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["YouTube:Enabled"] = "true",
            ["YouTube:ClientId"] = FakeYouTubeServer.ClientId,
            ["YouTube:ClientSecret"] = FakeYouTubeServer.ClientSecret,
            ["YouTube:RefreshToken"] = FakeYouTubeServer.RefreshToken,
            ["YouTube:ApiBaseUri"] = _youtube.BaseUri.ToString(),
            ["YouTube:TokenUri"] = _youtube.TokenUri.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
