using System.Text;

namespace LiveBot.Twitch.Irc;

/// <summary>
/// Cuts the bytes of WebSocket frames into lines. A frame may hold several lines and a line may span
/// frames. Invalid UTF-8 becomes U+FFFD; a line longer than <see cref="MaxLineBytes"/> is skipped whole.
/// Decoded lines live in a reused buffer: the span of one line is valid until the next call.
/// </summary>
public sealed class IrcLineBuffer
{
    /// <summary>Twitch lines stay far below this (tags included); anything longer is garbage.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int MinFree = 4096;
    private byte[] _bytes = new byte[16 * 1024];
    private char[] _chars = new char[4096];
    private int _start;
    private int _end;
    private bool _discarding;

    /// <summary>Lines skipped because they were longer than <see cref="MaxLineBytes"/>.</summary>
    public long OversizedLines { get; private set; }

    /// <summary>Room to receive into; call <see cref="Advance"/> with the count received.</summary>
    public Memory<byte> GetWriteMemory()
    {
        if (_bytes.Length - _end < MinFree)
        {
            var unread = _end - _start;
            if (unread + MinFree > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, unread + MinFree));
            }

            Buffer.BlockCopy(_bytes, _start, _bytes, 0, unread);
            _start = 0;
            _end = unread;
        }

        return _bytes.AsMemory(_end);
    }

    public void Advance(int count) => _end += count;

    /// <summary>Forgets everything buffered (a new connection starts clean).</summary>
    public void Reset()
    {
        _start = _end = 0;
        _discarding = false;
    }

    /// <summary>The next complete line without CR LF (empty lines skipped), or false when none is complete.</summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var unread = _bytes.AsSpan(_start, _end - _start);
            var newline = unread.IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (unread.Length > MaxLineBytes)
                {
                    // Keep reading, but drop this line up to its end.
                    _discarding = true;
                    OversizedLines++;
                    _start = _end = 0;
                }

                line = default;
                return false;
            }

            var raw = unread[..newline];
            _start += newline + 1;
            if (_discarding || raw.Length > MaxLineBytes)
            {
                if (!_discarding)
                {
                    OversizedLines++;
                }

                _discarding = false;
                continue;
            }

            if (raw.Length > 0 && raw[^1] == (byte)'\r')
            {
                raw = raw[..^1];
            }

            if (raw.IsEmpty)
            {
                continue;
            }

            var needed = Encoding.UTF8.GetMaxCharCount(raw.Length);
            if (_chars.Length < needed)
            {
                _chars = new char[Math.Max(needed, _chars.Length * 2)];
            }

            var count = Encoding.UTF8.GetChars(raw, _chars);
            line = _chars.AsSpan(0, count);
            return true;
        }
    }
}
