using System.Net.WebSockets;
using System.Text;

namespace LiveBot.Twitch.Connection;

/// <summary>One WebSocket to Twitch chat: a single writer at a time (ClientWebSocket allows one pending send).</summary>
public sealed class IrcSocket(ClientWebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _lastActivityTicks;
    private volatile bool _loggedIn;
    private volatile bool _pongReceived;
    private volatile bool _keepAliveTimedOut;

    public ClientWebSocket Socket => socket;

    /// <summary>Twitch welcomed the login (001).</summary>
    public bool LoggedIn { get => _loggedIn; set => _loggedIn = value; }

    public bool PongReceived { get => _pongReceived; set => _pongReceived = value; }

    public bool KeepAliveTimedOut { get => _keepAliveTimedOut; set => _keepAliveTimedOut = value; }

    /// <summary>When a line last came in.</summary>
    public DateTimeOffset LastActivity
    {
        get => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastActivityTicks, value.UtcTicks);
    }

    /// <summary>Writes one IRC line; false when the socket is no longer open.</summary>
    public async ValueTask<bool> SendAsync(string line, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}
