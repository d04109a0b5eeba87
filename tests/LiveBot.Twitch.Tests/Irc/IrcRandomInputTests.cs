using System.Text;
using LiveBot.Twitch.Irc;

namespace LiveBot.Twitch.Tests.Irc;

/// <summary>Property checks: whatever arrives, parsing and reading never throw.</summary>
public sealed class IrcRandomInputTests
{
    private const string Alphabet = "@:;= \\!#.abcPRIVMSG01\u0001\u00e9\ud83c\udf89\u202e\0\t";

    [Fact]
    public void TryParse_RandomLines_NeverThrowsAndReadsConsistently()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)];
            }

            var line = new string(chars);
            if (!IrcMessage.TryParse(line, out var message))
            {
                continue;
            }

            Assert.False(message.Command.IsEmpty);
            Assert.DoesNotContain(' ', message.Command.ToString());
            Assert.True(message.GetParams().Count <= IrcMessage.MaxParams);
            _ = message.GetTags();
            _ = message.Nick;
            _ = TwitchMessageReader.RoleOf(message);
            _ = TwitchMessageReader.ToChatMessage(message, DateTimeOffset.UnixEpoch);
        }
    }

    [Fact]
    public void TryReadLine_RandomBytesInRandomChunks_NeverThrowsAndKeepsLinesWhole()
    {
        var random = new Random(5);
        var buffer = new IrcLineBuffer();
        var lines = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var chunk = new byte[random.Next(1, 5_000)];
            random.NextBytes(chunk);
            var memory = buffer.GetWriteMemory();
            var count = Math.Min(chunk.Length, memory.Length);
            chunk.AsSpan(0, count).CopyTo(memory.Span);
            buffer.Advance(count);
            while (buffer.TryReadLine(out var line))
            {
                Assert.DoesNotContain('\n', line.ToString());
                _ = IrcMessage.TryParse(line, out _);
                lines++;
            }
        }

        var tail = "\r\nPING :still-here\r\n"u8.ToArray();
        tail.CopyTo(buffer.GetWriteMemory());
        buffer.Advance(tail.Length);
        var last = string.Empty;
        while (buffer.TryReadLine(out var line))
        {
            last = line.ToString();
        }

        Assert.True(lines > 0);
        Assert.Equal("PING :still-here", last);
    }
}
