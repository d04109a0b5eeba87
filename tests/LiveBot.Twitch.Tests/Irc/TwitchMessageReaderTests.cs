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
    [InlineData("@badges=vip/1;mod=0 :tmi.twitch.tv USERSTATE #chan", false)]
    [InlineData("@badges=broadcaster/1 :tmi.twitch.tv USERSTATE #chan", true)]
    [InlineData("@badges=subscriber/0;mod=0 :tmi.twitch.tv USERSTATE #chan", false)]
    public void IsPrivileged_UserState_DetectsModeratorAndBroadcasterNotVip_Issue11(string line, bool expected)
    {
        Assert.True(IrcMessage.TryParse(line, out var irc));

        Assert.Equal(expected, TwitchMessageReader.IsPrivileged(irc));
    }

    /// <summary>A reply made with Twitch's reply button, as Twitch sends it (tags from recorded traffic, ids shortened).</summary>
    public const string ReplyLine = @"@badge-info=;badges=;color=#1E90FF;display-name=Cohpy;emotes=;first-msg=0;flags=;id=6b13e51b-7ecb-43b5-ba5b-2bb5288df696;mod=0;reply-parent-display-name=Retoon;reply-parent-msg-body=Bonjour\sà\stous;reply-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df695;reply-parent-user-id=37940952;reply-parent-user-login=retoon;reply-thread-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df695;reply-thread-parent-user-login=retoon;returning-chatter=0;room-id=456;subscriber=0;tmi-sent-ts=1700000000123;turbo=0;user-id=12345;user-type= :cohpy!cohpy@cohpy.tmi.twitch.tv PRIVMSG #chan :@Retoon !aide";

    [Fact]
    public void ToChatMessage_ReplyButton_StripsMentionAndKeepsParentId_Issue11()
    {
        var message = Read(ReplyLine);

        Assert.Equal("!aide", message.Text);
        Assert.Equal("6b13e51b-7ecb-43b5-ba5b-2bb5288df695", message.ReplyParentId);
        Assert.Equal("Cohpy", message.DisplayName);
    }

    [Theory]
    [InlineData("reply-parent-display-name=Retoon;reply-parent-msg-id=p1;reply-parent-user-login=retoon", "@retoon   !aide", "!aide")]
    [InlineData("reply-parent-display-name=Retoon;reply-parent-msg-id=p1;reply-parent-user-login=retoon", "@Alice !aide", "@Alice !aide")]
    [InlineData("reply-parent-display-name=Riot\\sGames;reply-parent-msg-id=p1;reply-parent-user-login=riotgames", "@riotgames !question ça marche ?", "!question ça marche ?")]
    [InlineData("reply-parent-display-name=Retoon;reply-parent-msg-id=p1;reply-parent-user-login=retoon", "!aide @Retoon", "!aide @Retoon")]
    [InlineData("reply-parent-display-name=Retoon;reply-parent-user-login=retoon", "@Retoon !aide", "@Retoon !aide")]
    [InlineData("id=x", "@Retoon !aide", "@Retoon !aide")]
    public void ToChatMessage_ReplyTags_StripOnlyTheParentsMention_Issue11(string tags, string text, string expected)
    {
        var message = Read($"@{tags} :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :{text}");

        Assert.Equal(expected, message.Text);
        Assert.Equal(tags.Contains("reply-parent-msg-id", StringComparison.Ordinal) ? "p1" : null, message.ReplyParentId);
    }

    [Fact]
    public void ToChatMessage_EscapedDisplayName_ComparedWithLoginOnceUnescaped_Issue11()
    {
        // "Riot Games" is not the login with other capitals: the login is used, never the escaped form.
        Assert.Equal("riotgames", Read(@"@display-name=Riot\sGames;id=1 :riotgames!riotgames@x PRIVMSG #c :hi").DisplayName);

        // Unescaped, "Foo\" is "Foo": the login with other capitals, shown as such.
        Assert.Equal("Foo", Read(@"@display-name=Foo\;id=1 :foo!foo@x PRIVMSG #c :hi").DisplayName);
        Assert.Equal("FooBar", Read(@"@display-name=Foo\Bar;id=1 :foobar!foobar@x PRIVMSG #c :hi").DisplayName);
    }

    [Theory]
    [InlineData("badges=moderator/1;badges=subscriber/6", ChatRole.Subscriber)]
    [InlineData("badges=subscriber/6;badges=broadcaster/1", ChatRole.Broadcaster)]
    [InlineData("badges=;mod=1;mod=0", ChatRole.Viewer)]
    [InlineData("badges=vip/1;mod=0;mod=1", ChatRole.Moderator)]
    public void ToChatMessage_RepeatedBadgesKey_LastValueWins_Issue11(string tags, ChatRole expected)
    {
        // The community vectors (msg-split.yaml, "Duplicate tags") keep the final occurrence; so does IrcMessage.GetTag.
        var line = $"@{tags};id=x :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :hello";
        Assert.True(IrcMessage.TryParse(line, out var irc));

        Assert.Equal(expected, Read(line).Role);
        Assert.Equal(expected, TwitchMessageReader.RoleOf(irc));
    }

    private static ChatMessage Read(string line)
    {
        Assert.True(IrcMessage.TryParse(line, out var irc));
        return TwitchMessageReader.ToChatMessage(irc, Now) ?? throw new InvalidOperationException("null");
    }
}
