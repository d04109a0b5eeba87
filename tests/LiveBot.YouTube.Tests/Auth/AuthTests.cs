namespace LiveBot.YouTube.Tests.Auth;

public sealed class AuthTests
{
    [Fact]
    public async Task Token_Expires_RefreshedByClockBeforeCalls()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.TokenLifetimeSeconds = 600;
        });

        await t.RunForAsync(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(2));

        Assert.InRange(t.Fake.TokenRequests, 3, 8);
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Token_RevokedServerSide_401ThenRefreshAndRetry()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"));
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        Assert.Equal(1, t.Fake.TokenRequests);

        t.Fake.RevokeAccessTokens();
        t.Fake.Say("chat-1", "Lou", "!merci");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);

        Assert.Equal(2, t.Fake.TokenRequests);
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Token_RefreshRefused_AuthFailedOnHealthThenRecovers()
    {
        await using var t = await YouTubeTestBot.StartAsync(f =>
        {
            f.StartLive("chat-1");
            f.Fail("token", 400, "invalid_grant", times: 2);
        });

        await t.DriveUntilAsync(() => t.Fake.TokenRequests >= 1);
        var health = await t.YouTubeHealthAsync();
        Assert.Equal("auth_failed", health.GetProperty("state").GetString());
        Assert.Contains("youtube-login", health.GetProperty("error").GetString(), StringComparison.Ordinal);

        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));
        Assert.Equal("connected", (await t.YouTubeHealthAsync()).GetProperty("state").GetString());
    }
}
