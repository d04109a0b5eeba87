using LiveBot.Twitch.Irc;

namespace LiveBot.Testing.Twitch;

/// <summary>What a test does with each complete line the buffer gives back.</summary>
public delegate void IrcLineReader(ReadOnlySpan<char> line);

/// <summary>Feeds bytes to an <see cref="IrcLineBuffer"/> as the socket does (fuzz and property tests).</summary>
public static class IrcFeed
{
    /// <summary>
    /// Copies <paramref name="bytes"/> into <paramref name="buffer"/> as much at a time as it offers, and after
    /// each copy hands every complete line to <paramref name="read"/>, as TwitchConnection's receive loop does.
    /// </summary>
    public static void Feed(IrcLineBuffer buffer, ReadOnlySpan<byte> bytes, IrcLineReader read)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var memory = buffer.GetWriteMemory();
            var count = Math.Min(bytes.Length - offset, memory.Length);
            bytes.Slice(offset, count).CopyTo(memory.Span);
            buffer.Advance(count);
            offset += count;
            while (buffer.TryReadLine(out var line))
            {
                read(line);
            }
        }
    }
}
