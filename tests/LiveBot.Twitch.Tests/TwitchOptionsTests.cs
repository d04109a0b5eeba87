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

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(3, 4, 8)]
    [InlineData(10, 30, 60)]
    [InlineData(1000, 30, 60)]
    public void Backoff_Attempt_StaysBetweenHalfAndCapWithinOneToSixtySeconds(int attempt, double min, double max)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = TwitchChatClient.Backoff(attempt).TotalSeconds;
            Assert.InRange(delay, min, max);
        }
    }

    [Theory]
    [InlineData("You are timed out for 599 more seconds.", 600)]
    [InlineData("You are timed out.", 600)]
    [InlineData("You are timed out for 99999999999 more seconds.", 600)]
    public void TimeoutLength_NoticeText_ReadsTheSeconds(string text, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), TwitchChatClient.TimeoutLength(text));
    }

    private static List<string> Errors(TwitchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
    }
}
