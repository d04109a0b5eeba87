using System.ComponentModel.DataAnnotations;

namespace LiveBot.Twitch.Tests;

public sealed class TwitchOptionsTests
{
    [Fact]
    public void Validate_Disabled_AcceptsEmptySection()
    {
        Assert.Empty(Errors(new TwitchOptions()));
    }

    [Fact]
    public void Validate_EnabledWithoutLoginOrToken_NamesBothKeys()
    {
        var errors = Errors(new TwitchOptions { Enabled = true });

        Assert.Contains(errors, e => e.Contains("Twitch:Login", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Twitch:OAuthToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadChannelAndServer_AreRejected()
    {
        var errors = Errors(new TwitchOptions
        {
            Enabled = true,
            Login = "livebot",
            OAuthToken = "oauth:abc",
            Channels = ["ok_chan", "pas bon"],
            ServerUri = new Uri("http://127.0.0.1/"),
        });

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validate_MoreThanHundredChannels_IsRejected()
    {
        var options = new TwitchOptions { Enabled = true, Login = "livebot", OAuthToken = "abc", Channels = Enumerable.Range(0, 101).Select(i => "c" + i).ToList() };

        Assert.Single(Errors(options));
    }

    [Theory]
    [InlineData("oauth:abc", "abc")]
    [InlineData("OAUTH:abc ", "abc")]
    [InlineData("abc", "abc")]
    public void BareToken_WithOrWithoutPrefix_ReturnsTheToken(string token, string expected)
    {
        Assert.Equal(expected, TwitchOptions.BareToken(token));
    }

    private static List<string> Errors(TwitchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
    }
}
