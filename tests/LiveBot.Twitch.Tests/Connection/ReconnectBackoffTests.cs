using LiveBot.Twitch.Connection;

namespace LiveBot.Twitch.Tests.Connection;

public sealed class ReconnectBackoffTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(3, 4, 8)]
    [InlineData(10, 30, 60)]
    [InlineData(1000, 30, 60)]
    public void Delay_Attempt_StaysBetweenHalfAndCapWithinOneToSixtySeconds(int attempt, double min, double max)
    {
        Assert.Equal(min, TwitchConnection.ReconnectBackoff(() => 0).Delay(attempt).TotalSeconds);
        Assert.Equal(max, TwitchConnection.ReconnectBackoff(() => 1).Delay(attempt).TotalSeconds);
        Assert.InRange(TwitchConnection.ReconnectBackoff().Delay(attempt).TotalSeconds, min, max);
    }
}
