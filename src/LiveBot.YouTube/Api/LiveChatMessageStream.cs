using Google.Apis;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube.Api;

/// <summary>
/// The body of <c>GET youtube/v3/liveChat/messages/stream</c> (REST server streaming): one JSON array whose
/// elements, <see cref="LiveChatMessageListResponse"/> objects, arrive one by one (<c>[{…}</c>, <c>,{…}</c>, …
/// <c>]</c>). Each element is cut out of the bytes as soon as its closing brace arrives, then read by the
/// same serializer as a polled page. Untrusted: an element larger than <see cref="MaxElementBytes"/> or
/// anything but an array of objects is a <see cref="FormatException"/>.
/// </summary>
public sealed class LiveChatMessageStream(HttpResponseMessage response, Stream body, ISerializer serializer) : IAsyncDisposable
{
    public const int MaxElementBytes = 8 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MemoryStream _element = new();
    private int _position;
    private int _length;
    private bool _started;
    private int _depth;
    private bool _inString;
    private bool _escape;

    /// <summary>The server closed the array (<c>]</c>): a clean end, not a drop.</summary>
    public bool Completed { get; private set; }

    /// <summary>
    /// The next response, or null when the stream ended (<see cref="Completed"/> tells a clean end from a
    /// drop). <paramref name="read"/> fills the buffer from the body (the caller adds its timeout).
    /// </summary>
    public async ValueTask<LiveChatMessageListResponse?> ReadNextAsync(Func<Stream, Memory<byte>, ValueTask<int>> read)
    {
        while (!Completed)
        {
            if (_position == _length)
            {
                _length = await read(body, _buffer);
                _position = 0;
                if (_length == 0)
                {
                    return null;
                }
            }

            if (Scan() is { } json)
            {
                return serializer.Deserialize<LiveChatMessageListResponse>(json)
                    ?? throw new FormatException("stream element is null");
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await body.DisposeAsync();
        response.Dispose();
        await _element.DisposeAsync();
    }

    /// <summary>Consumes buffered bytes until an element is complete (its text) or the buffer is empty (null).</summary>
    private string? Scan()
    {
        while (_position < _length)
        {
            var b = _buffer[_position++];
            if (_depth == 0)
            {
                if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                {
                    continue;
                }

                if (!_started)
                {
                    _started = b == (byte)'[' ? true : throw new FormatException("stream does not start with '['");
                    continue;
                }

                switch (b)
                {
                    case (byte)',':
                        continue;
                    case (byte)']':
                        Completed = true;
                        return null;
                    case (byte)'{':
                        _depth = 1;
                        _element.SetLength(0);
                        _element.WriteByte(b);
                        continue;
                    default:
                        throw new FormatException("stream element is not an object");
                }
            }

            if (_element.Length >= MaxElementBytes)
            {
                throw new FormatException("stream element too large");
            }

            _element.WriteByte(b);
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                }
                else if (b == (byte)'\\')
                {
                    _escape = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--_depth == 0)
                    {
                        return System.Text.Encoding.UTF8.GetString(_element.GetBuffer(), 0, (int)_element.Length);
                    }

                    break;
            }
        }

        return null;
    }
}
