using LiveBot.Check.Probes;
using LiveBot.Twitch.Tests.Fakes;

namespace LiveBot.Check.Tests;

/// <summary>The Twitch points against the fake Twitch (oauth2/validate, oauth2/token, IRC over WebSocket).</summary>
public sealed class TwitchPointTests : IAsyncLifetime, IDisposable
{
    private readonly CheckRun _run = new();
    private FakeTwitchServer _twitch = null!;

    public async Task InitializeAsync() => _twitch = await FakeTwitchServer.StartAsync();

    public async Task DisposeAsync() => await _twitch.DisposeAsync();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Check_GoodTokenModerator_EveryTwitchLineOkWithModes_Issue11()
    {
        _twitch.ModeratorChannels["chan"] = 0;
        _twitch.Rooms["chan"] = new FakeRoom(Slow: 30);

        var result = await _run.RunAsync(Settings());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("✓ Twitch, jeton : valide, expire dans 3 h 53 min", result.Line("✓", TwitchTokenProbe.TokenName));
        Assert.Equal("✓ Twitch, droits : chat:read chat:edit", result.Line("✓", TwitchTokenProbe.ScopesName));
        Assert.Equal("✓ Twitch, compte : livebot", result.Line("✓", TwitchTokenProbe.LoginName));
        Assert.Contains("connecté en tant que livebot", result.Line("✓", TwitchChatProbe.Name), StringComparison.Ordinal);
        Assert.Equal("✓ Twitch #chan : rejoint, le bot est modérateur (100 messages / 30 s) ; modes : mode lent 30 s", result.Line("✓", "Twitch #chan"));
        Assert.Equal("✓ Plateformes : Twitch activé", result.Line("✓", PlatformsProbe.Name));
        Assert.Contains(_twitch.Received, r => r.Line == "JOIN #chan");
        Assert.Empty(_twitch.Privmsgs);
    }

    [Fact]
    public async Task Check_NotModerator_WarningTwentyMessagesPerThirtySecondsExitCode0_Issue11()
    {
        var result = await _run.RunAsync(Settings());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("⚠ Twitch #chan : rejoint, le bot n'est pas modérateur : 20 messages / 30 s seulement ; aucun mode restrictif", result.Line("⚠", "Twitch #chan"));
        Assert.Contains("/mod livebot", result.FixAfter("⚠", "Twitch #chan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NotModeratorInSubscribersOnlyRoom_FailedBotCannotWrite_Issue11()
    {
        _twitch.Rooms["chan"] = new FakeRoom(SubsOnly: true, FollowersOnly: 10);

        var result = await _run.RunAsync(Settings());

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Twitch #chan : rejoint, mais le bot ne pourra pas écrire ; modes : followers depuis 10 min seulement, abonnés seulement", result.Line("✗", "Twitch #chan"));
    }

    [Fact]
    public async Task Check_BadTokenWithoutRefresh_TokenFailedWithWhatToDo_Issue11()
    {
        var result = await _run.RunAsync(Settings(token: "revokedtoken"));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Twitch, jeton : refusé par Twitch (oauth2/validate : 401)", result.Line("✗", TwitchTokenProbe.TokenName));
        Assert.Contains("Twitch:OAuthToken", result.FixAfter("✗", TwitchTokenProbe.TokenName), StringComparison.Ordinal);
        Assert.Contains("Login authentication failed", result.Line("✗", TwitchChatProbe.Name), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ExpiredTokenWithRefresh_RenewedWarningAndChatJoins_Issue11()
    {
        _twitch.AcceptedRefreshToken = "refresh-1";

        var result = await _run.RunAsync(Settings(token: "expiredtoken", refresh: "refresh-1"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.StartsWith("⚠ Twitch, jeton : expiré ou révoqué, renouvelé avec le refresh token", result.Line("⚠", TwitchTokenProbe.TokenName), StringComparison.Ordinal);
        Assert.Equal("✓ Twitch, renouvellement : identifiants de renouvellement acceptés", result.Line("✓", TwitchTokenProbe.RefreshName));
        Assert.Contains(_twitch.Received, r => r.Line == "PASS oauth:" + _twitch.RefreshedAccessToken);
        Assert.StartsWith("⚠ Twitch #chan : rejoint", result.Line("⚠", "Twitch #chan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenWithoutChatEdit_ScopesFailed_Issue11()
    {
        _twitch.ValidateScopes = ["chat:read", "user:read:email"];

        var result = await _run.RunAsync(Settings());

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Twitch, droits : il manque chat:edit (droits du jeton : chat:read user:read:email)", result.Line("✗", TwitchTokenProbe.ScopesName));
        Assert.Contains("chat:read chat:edit", result.FixAfter("✗", TwitchTokenProbe.ScopesName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenOfAnotherAccount_LoginFailed_Issue11()
    {
        var settings = Settings();
        settings["Twitch:Login"] = "autre_compte";

        var result = await _run.RunAsync(settings);

        Assert.Equal("✗ Twitch, compte : le jeton est celui de livebot, pas de Twitch:Login autre_compte", result.Line("✗", TwitchTokenProbe.LoginName));
    }

    [Fact]
    public async Task Check_RefreshCredentialsRefused_RefreshFailed_Issue11()
    {
        var result = await _run.RunAsync(Settings(refresh: "not-accepted"));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Equal("✗ Twitch, renouvellement : Twitch refuse le renouvellement du jeton", result.Line("✗", TwitchTokenProbe.RefreshName));
    }

    [Fact]
    public async Task Check_ShortTokenWithoutRefresh_RefreshFailedSayingWhenItExpires_Issue11()
    {
        _twitch.ValidateExpiresIn = 3_600;

        var result = await _run.RunAsync(Settings());

        Assert.Equal("✗ Twitch, renouvellement : impossible sans Twitch:ClientId, ClientSecret et RefreshToken, et le jeton expire dans 1 h 00 min", result.Line("✗", TwitchTokenProbe.RefreshName));
    }

    [Fact]
    public async Task Check_LongTokenWithoutRefresh_RefreshWarning_Issue11()
    {
        var result = await _run.RunAsync(Settings());

        Assert.StartsWith("⚠ Twitch, renouvellement : pas d'identifiants de renouvellement", result.Line("⚠", TwitchTokenProbe.RefreshName), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(string token = FakeTwitchServer.GoodToken, string? refresh = null)
    {
        var settings = _twitch.BotSettings(token).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        if (refresh is not null)
        {
            settings["Twitch:ClientId"] = "client";
            settings["Twitch:ClientSecret"] = "secret";
            settings["Twitch:RefreshToken"] = refresh;
        }

        return settings;
    }
}
