using System.Text;
using LiveBot.Twitch.Irc;

namespace LiveBot.Twitch.Tests.Irc;

public sealed class IrcMessageTests
{
    public static TheoryData<SplitCase> SplitCases()
    {
        var data = new TheoryData<SplitCase>();
        foreach (var split in TestVectorReader.ReadSplitCases(Path.Combine(AppContext.BaseDirectory, "TestData", "msg-split.yaml")))
        {
            data.Add(split);
        }

        return data;
    }

    [Fact]
    public void ReadSplitCases_CommunityVectors_AreAllLoaded()
    {
        Assert.True(SplitCases().Count >= 35);
    }

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void TryParse_CommunityVector_SplitsIntoExpectedAtoms(SplitCase expected)
    {
        Assert.True(IrcMessage.TryParse(expected.Input, out var message));

        Assert.Equal(expected.Verb, message.Command.ToString());
        Assert.Equal(expected.Source, message.HasSource ? message.Source.ToString() : null);
        Assert.Equal(expected.Params, message.GetParams());
        Assert.Equal(expected.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), message.GetTags().OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void TryParse_TwitchPrivmsg_ReadsTagsSourceChannelAndText()
    {
        const string line = "@badge-info=subscriber/8;badges=subscriber/6,moderator/1;color=#0000FF;display-name=Foo;emotes=;first-msg=0;flags=;id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=1;room-id=456;subscriber=1;tmi-sent-ts=1700000000123;turbo=0;user-id=789;user-type=mod :foo!foo@foo.tmi.twitch.tv PRIVMSG #chan :!offres boulanger Lyon";

        Assert.True(IrcMessage.TryParse(line, out var message));

        Assert.True(message.IsCommand("PRIVMSG"));
        Assert.Equal("foo", message.Nick.ToString());
        Assert.Equal("#chan", message.Param(0).ToString());
        Assert.Equal("!offres boulanger Lyon", message.LastParam.ToString());
        Assert.Equal("885196de-cb67-427a-baa8-82f9b0fcd05f", message.GetTag("id"));
        Assert.Equal(string.Empty, message.GetTag("emotes"));
        Assert.Null(message.GetTag("absent"));
    }

    [Theory]
    [InlineData(@"a\:b", "a;b")]
    [InlineData(@"a\sb", "a b")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"a\rb\nc", "a\rb\nc")]
    [InlineData(@"a\xb", "axb")]
    [InlineData(@"ab\", "ab")]
    [InlineData(@"\\\\", @"\\")]
    [InlineData("", "")]
    public void Unescape_TagValue_FollowsIrcv3(string raw, string expected)
    {
        Assert.Equal(expected, IrcTags.Unescape(raw));
    }

    [Theory]
    [InlineData("a;b c\\d\r\n")]
    [InlineData("885196de-cb67-427a-baa8-82f9b0fcd05f")]
    public void Escape_ThenUnescape_RoundTrips(string value)
    {
        Assert.Equal(value, IrcTags.Unescape(IrcTags.Escape(value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@a=b")]
    [InlineData("@a=b ")]
    [InlineData(":source")]
    [InlineData(":source   ")]
    [InlineData("@a=b :source")]
    [InlineData("@")]
    [InlineData(":")]
    public void TryParse_LineWithoutCommand_ReturnsFalse(string line)
    {
        Assert.False(IrcMessage.TryParse(line, out _));
    }

    [Fact]
    public void TryParse_TenKilobyteLine_KeepsTheWholeTrailing()
    {
        var text = new string('a', 10_240);
        var line = "@id=1 :u!u@u.tmi.twitch.tv PRIVMSG #chan :" + text;

        Assert.True(IrcMessage.TryParse(line, out var message));

        Assert.Equal(text.Length, message.LastParam.Length);
    }

    [Fact]
    public void TryParse_MoreThanFifteenParams_KeepsFifteen()
    {
        var line = "CMD " + string.Join(' ', Enumerable.Range(1, 30));

        Assert.True(IrcMessage.TryParse(line, out var message));

        Assert.Equal(IrcMessage.MaxParams, message.ParamCount);
        Assert.Equal("15", message.LastParam.ToString());
    }

    [Fact]
    public void TryReadLine_SeveralLinesAcrossFrames_CutsAtCrLf()
    {
        var buffer = new IrcLineBuffer();
        Write(buffer, "PING :a\r\nPRIVMSG #c :hel");
        Write(buffer, "lo\r\n\r\nPING :b\r\n");

        var lines = ReadAll(buffer);

        Assert.Equal(["PING :a", "PRIVMSG #c :hello", "PING :b"], lines);
    }

    [Fact]
    public void TryReadLine_InvalidUtf8_BecomesReplacementCharacter()
    {
        var buffer = new IrcLineBuffer();
        var bytes = Encoding.UTF8.GetBytes("PRIVMSG #c :caf").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0x0D, 0x0A }).ToArray();
        bytes.CopyTo(buffer.GetWriteMemory());
        buffer.Advance(bytes.Length);

        var line = Assert.Single(ReadAll(buffer));

        Assert.True(IrcMessage.TryParse(line, out var message));
        Assert.StartsWith("caf\uFFFD", message.LastParam.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadLine_LineOverTheLimit_IsSkippedAndTheNextOneRead()
    {
        var buffer = new IrcLineBuffer();
        var huge = new string('x', IrcLineBuffer.MaxLineBytes + 10);
        foreach (var chunk in huge.Chunk(3000))
        {
            Write(buffer, new string(chunk));
            Assert.Empty(ReadAll(buffer));
        }

        Write(buffer, "\r\nPING :ok\r\n");

        Assert.Equal(["PING :ok"], ReadAll(buffer));
        Assert.Equal(1, buffer.OversizedLines);
    }

    [Fact]
    public void TryReadLine_TenKilobyteLine_IsRead()
    {
        var buffer = new IrcLineBuffer();
        var line = "PRIVMSG #c :" + new string('é', 5_000);
        foreach (var chunk in Encoding.UTF8.GetBytes(line + "\r\n").Chunk(1000))
        {
            chunk.CopyTo(buffer.GetWriteMemory());
            buffer.Advance(chunk.Length);
        }

        Assert.Equal([line], ReadAll(buffer));
    }

    private static void Write(IrcLineBuffer buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes.CopyTo(buffer.GetWriteMemory());
        buffer.Advance(bytes.Length);
    }

    private static List<string> ReadAll(IrcLineBuffer buffer)
    {
        var lines = new List<string>();
        while (buffer.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
