using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Tests.Fakes;

namespace LiveBot.Twitch.Tests.Auth;

/// <summary>The real <see cref="TwitchAuthClient"/> against the fake server's oauth2/validate.</summary>
public sealed class TwitchAuthClientTests
{
    [Fact]
    public async Task ValidateAsync_GoodToken_ReturnsLoginScopesAndExpiry_Issue11()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.ValidateExpiresIn = 5_520;
        using var http = new HttpClient();

        var result = await new TwitchAuthClient(http).ValidateAsync(server.AuthBaseUri, FakeTwitchServer.GoodToken, CancellationToken.None);

        Assert.Equal(TokenStatus.Valid, result.Status);
        Assert.Equal(FakeTwitchServer.Login, result.Login);
        Assert.Equal(5_520, result.ExpiresIn);
        Assert.Equal(["chat:read", "chat:edit"], result.Scopes);
        Assert.Equal("123", result.UserId);
        Assert.True(result.HasScopes("chat:read", "chat:edit"));
    }

    [Fact]
    public async Task ValidateAsync_MissingScope_HasScopesIsFalse_Issue11()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.ValidateScopes = ["chat:read"];
        using var http = new HttpClient();

        var result = await new TwitchAuthClient(http).ValidateAsync(server.AuthBaseUri, FakeTwitchServer.GoodToken, CancellationToken.None);

        Assert.Equal(["chat:read"], result.Scopes);
        Assert.False(result.HasScopes("chat:read", "chat:edit"));
    }

    [Fact]
    public async Task ValidateAsync_BadToken_InvalidWithoutScopes_Issue11()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        using var http = new HttpClient();

        var result = await new TwitchAuthClient(http).ValidateAsync(server.AuthBaseUri, "nope", CancellationToken.None);

        Assert.Equal(TokenStatus.Invalid, result.Status);
        Assert.Empty(result.Scopes);
    }
}
