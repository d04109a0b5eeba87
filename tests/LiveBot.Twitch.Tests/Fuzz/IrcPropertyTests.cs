using System.Text;
using CsCheck;
using LiveBot.Testing;
using LiveBot.Testing.Twitch;
using LiveBot.Core.Text;
using LiveBot.Twitch.Irc;

namespace LiveBot.Twitch.Tests.Fuzz;

/// <summary>Issue 13: property tests (CsCheck, seeded, single thread) of everything that reads Twitch's IRC.</summary>
public sealed class IrcPropertyTests
{
    private const string Tricky = "@:;=,! #.\\/sabcPRIVMSG01\u0001\u00e9\U0001F389\u202e\u200b\uFFFE\uFFFF\uFDD0\0\t\r";

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char[Tricky].Array[0, 30].Select(c => new string(c)),
        Gen.Char.Array[0, 12].Select(c => new string(c)),
        Gen.Char[(char)0xD800, (char)0xDFFF].Select(c => c.ToString()),
        Gen.OneOf("PRIVMSG", "CLEARCHAT", "CLEARMSG", "USERNOTICE", "NOTICE", "PING", "RECONNECT", "001", "#chan", ":", "@", "=", ";", "\\s", "\\"));

    private static readonly Gen<string> Tags = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Select(Gen.OneOf("id", "user-id", "display-name", "badges", "mod", "tmi-sent-ts", "reply-parent-msg-id", "reply-parent-user-login", "target-msg-id", "ban-duration", "msg-id"), Piece)
            .Select(t => t.Item1 + "=" + t.Item2).Array[0, 8].Select(t => "@" + string.Join(';', t) + " "));

    /// <summary>Lines shaped like Twitch's (tags, prefix, command, parameters) with hostile pieces anywhere.</summary>
    private static readonly Gen<string> Lines = Gen.OneOf(
        Gen.Select(Tags, Piece, Gen.OneOf("PRIVMSG", "CLEARCHAT", "CLEARMSG", "USERNOTICE", "NOTICE", "PING", "001", "X"), Piece, Piece)
            .Select(t => $"{t.Item1}:{t.Item2}!u@h.tmi.twitch.tv {t.Item3} #{t.Item4} :{t.Item5}"),
        Piece.Array[0, 10].Select(p => string.Concat(p)));

    [Fact]
    public void TryParse_HostileLines_NeverThrowsAndChatTextValid_Issue13()
    {
        Property.Check(Lines, 4_000, line =>
        {
            if (!IrcMessage.TryParse(line, out var message))
            {
                return;
            }

            Assert.False(message.Command.IsEmpty);
            Assert.True(message.GetParams().Count <= IrcMessage.MaxParams);
            _ = message.GetTags();
            _ = TwitchMessageReader.RoleOf(message);
            if (TwitchMessageReader.ToChatMessage(message, DateTimeOffset.UnixEpoch) is { } chat)
            {
                Assert.True(UnicodeText.IsValid(chat.Text));
                Assert.True(UnicodeText.IsValid(chat.DisplayName));
            }
        });
    }

    [Fact]
    public void TryReadLine_RandomChunks_NeverThrowsLinesWhole_Issue13()
    {
        var chunks = Gen.OneOf(
            Gen.Byte.Array[1, 3_000],
            Lines.Select(l => Encoding.UTF8.GetBytes(l + "\r\n")),
            Gen.OneOf("\r"u8.ToArray(), "\n"u8.ToArray(), new byte[] { 0xF0, 0x9F }, new byte[] { 0xFF, 0xFE })).Array[1, 40];

        Property.Check(chunks, 300, list =>
        {
            var buffer = new IrcLineBuffer();
            foreach (var chunk in list.Append("\r\nPING :still-here\r\n"u8.ToArray()))
            {
                IrcFeed.Feed(buffer, chunk, line =>
                {
                    Assert.DoesNotContain('\n', line.ToString());
                    _ = IrcMessage.TryParse(line, out _);
                });
            }
        });
    }
}
