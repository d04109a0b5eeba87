using LiveBot.Core.Chat;
using LiveBot.Twitch.Irc;

namespace LiveBot.Twitch.Tests.Irc;

public sealed class TwitchMessageReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("badges=;mod=0", ChatRole.Viewer)]
    [InlineData("badges=subscriber/6", ChatRole.Subscriber)]
    [InlineData("badges=founder/0", ChatRole.Subscriber)]
    [InlineData("badges=vip/1,subscriber/12", ChatRole.Vip)]
    [InlineData("badges=subscriber/6,moderator/1", ChatRole.Moderator)]
    [InlineData("badges=;mod=1", ChatRole.Moderator)]
    [InlineData("badges=broadcaster/1,subscriber/0", ChatRole.Broadcaster)]
    [InlineData("mod", ChatRole.Viewer)]
    public void ToChatMessage_Badges_GiveHighestRole(string tags, ChatRole expected)
    {
        var message = Read($"@{tags};id=x :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :hello");

        Assert.Equal(expected, message.Role);
    }

    [Fact]
    public void ToChatMessage_SpecExample_FillsEveryField()
    {
        var message = Read("@badge-info=subscriber/8;badges=subscriber/6,moderator/1;color=#0000FF;display-name=Foo;emotes=;first-msg=0;flags=;id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=1;room-id=456;subscriber=1;tmi-sent-ts=1700000000123;turbo=0;user-id=789;user-type=mod :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :!offres boulanger Lyon");

        Assert.Equal(new ChatMessage("twitch", "chan", "885196de-cb67-427a-baa8-82f9b0fcd05f", "789", "foo", "Foo", ChatRole.Moderator,
            "!offres boulanger Lyon", DateTimeOffset.FromUnixTimeMilliseconds(1700000000123)), message);
        Assert.Equal("twitch:789", message.QualifiedUserId);
    }

    [Fact]
    public void ToChatMessage_SlashMe_StripsActionMarkers()
    {
        var message = Read("@id=1;user-id=2 :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :\u0001ACTION !aide\u0001");

        Assert.Equal("!aide", message.Text);
    }

    [Fact]
    public void ToChatMessage_EscapedDisplayName_IsUnescapedOrFallsBackToLogin()
    {
        Assert.Equal("FooBar", Read("@display-name=FooBar;id=1 :foobar!foobar@x PRIVMSG #c :hi").DisplayName);
        Assert.Equal("foobar", Read("@display-name=\u30C6\u30B9\u30C8;id=1 :foobar!foobar@x PRIVMSG #c :hi").DisplayName);
        Assert.Equal("foobar", Read("@display-name=;id=1 :foobar!foobar@x PRIVMSG #c :hi").DisplayName);
    }

    [Fact]
    public void ToChatMessage_NoTimestampOrId_UsesNowAndAGeneratedId()
    {
        var message = Read(":foo!foo@x PRIVMSG #chan :hi");

        Assert.Equal(Now, message.Time);
        Assert.StartsWith("noid-", message.Id, StringComparison.Ordinal);
        Assert.Equal("foo", message.UserId);
    }

    [Theory]
    [InlineData(":foo!foo@x PRIVMSG chan :hi")]
    [InlineData(":foo!foo@x PRIVMSG #chan")]
    [InlineData("PRIVMSG #chan :hi")]
    [InlineData(":foo!foo@x PRIVMSG # :hi")]
    public void ToChatMessage_MissingChannelSenderOrText_ReturnsNull(string line)
    {
        Assert.True(IrcMessage.TryParse(line, out var irc));

        Assert.Null(TwitchMessageReader.ToChatMessage(irc, Now));
    }

    [Theory]
    [InlineData("@badges=moderator/1;mod=1 :tmi.twitch.tv USERSTATE #chan", true)]
    [InlineData("@badges=vip/1;mod=0 :tmi.twitch.tv USERSTATE #chan", true)]
    [InlineData("@badges=broadcaster/1 :tmi.twitch.tv USERSTATE #chan", true)]
    [InlineData("@badges=subscriber/0;mod=0 :tmi.twitch.tv USERSTATE #chan", false)]
    public void IsPrivileged_UserState_DetectsModeratorVipBroadcaster(string line, bool expected)
    {
        Assert.True(IrcMessage.TryParse(line, out var irc));

        Assert.Equal(expected, TwitchMessageReader.IsPrivileged(irc));
    }

    private static ChatMessage Read(string line)
    {
        Assert.True(IrcMessage.TryParse(line, out var irc));
        return TwitchMessageReader.ToChatMessage(irc, Now) ?? throw new InvalidOperationException("null");
    }
}
