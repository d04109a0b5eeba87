using System.Text;
using BenchmarkDotNet.Attributes;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Irc;

namespace LiveBot.Benchmarks.Twitch;

/// <summary>
/// The Twitch read path on 1,000 real-looking PRIVMSG lines (~400 bytes each, one buffer as frames
/// bring them): plain line splitting (the floor), splitting + UTF-8 decoding, the same plus IRCv3
/// parsing and routing on the command (what every line costs), and the full turn into a
/// <see cref="ChatMessage"/> (what a chat line costs before it reaches the pipeline).
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- --filter '*IrcParser*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class IrcParserBenchmarks
{
    public const int Lines = 1_000;

    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private readonly IrcLineBuffer _buffer = new();
    private readonly char[] _chars = new char[8192];
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = TwitchLines.Buffer(Lines);

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int SplitLines()
    {
        var rest = _bytes.AsSpan();
        var count = 0;
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return count;
            }

            count += newline;
            rest = rest[(newline + 1)..];
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int SplitAndDecode()
    {
        var rest = _bytes.AsSpan();
        var count = 0;
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return count;
            }

            count += Encoding.UTF8.GetChars(rest[..(newline - 1)], _chars);
            rest = rest[(newline + 1)..];
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseAndRoute()
    {
        _buffer.Reset();
        var rest = _bytes.AsSpan();
        var routed = 0;
        while (!rest.IsEmpty)
        {
            rest = Feed(rest);
            while (_buffer.TryReadLine(out var line))
            {
                if (!IrcMessage.TryParse(line, out var message))
                {
                    continue;
                }

                var command = message.Command;
                if (command.SequenceEqual("PRIVMSG"))
                {
                    // Route: channel, message id and author's badges, the text, all as views of the line.
                    var id = 0;
                    foreach (var tag in message.EnumerateTags())
                    {
                        if (tag.Name.SequenceEqual("id") || tag.Name.SequenceEqual("badges"))
                        {
                            id += tag.RawValue.Length;
                        }
                    }

                    routed += id + message.Param(0).Length + message.LastParam.Length;
                }
                else if (command.SequenceEqual("PING"))
                {
                    routed++;
                }
            }
        }

        return routed;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseToChatMessage()
    {
        _buffer.Reset();
        var rest = _bytes.AsSpan();
        var total = 0;
        while (!rest.IsEmpty)
        {
            rest = Feed(rest);
            while (_buffer.TryReadLine(out var line))
            {
                if (IrcMessage.TryParse(line, out var message) && message.IsCommand("PRIVMSG")
                    && TwitchMessageReader.ToChatMessage(message, Now, static _ => "apprentissage_live") is { } chat)
                {
                    total += chat.Text.Length;
                }
            }
        }

        return total;
    }

    /// <summary>Copies one receive's worth into the line buffer, as the read loop does with a frame.</summary>
    private Span<byte> Feed(Span<byte> rest)
    {
        var memory = _buffer.GetWriteMemory();
        var count = Math.Min(memory.Length, rest.Length);
        rest[..count].CopyTo(memory.Span);
        _buffer.Advance(count);
        return rest[count..];
    }
}
