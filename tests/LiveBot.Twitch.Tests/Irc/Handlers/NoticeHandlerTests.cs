using LiveBot.Twitch.Irc.Handlers;

namespace LiveBot.Twitch.Tests.Irc.Handlers;

public sealed class NoticeHandlerTests
{
    [Theory]
    [InlineData("You are timed out for 599 more seconds.", 600)]
    [InlineData("You are timed out.", 600)]
    [InlineData("You are timed out for 99999999999 more seconds.", 600)]
    public void TimeoutLength_NoticeText_ReadsTheSeconds(string text, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), NoticeHandler.TimeoutLength(text));
    }
}
