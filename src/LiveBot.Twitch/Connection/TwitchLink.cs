using LiveBot.Twitch.Outbox;

namespace LiveBot.Twitch.Connection;

/// <summary>The logged-in socket of the moment, if any: what the outbox writes to.</summary>
public sealed class TwitchLink : IOutboxTransport
{
    private volatile IrcSocket? _current;

    /// <summary>Raised once a connection is logged in (the outbox may send again).</summary>
    public event Action? Up;

    public bool IsConnected => _current is { LoggedIn: true };

    public async ValueTask<bool> SendAsync(string line, CancellationToken cancellationToken)
    {
        var socket = _current;
        return socket is { LoggedIn: true } && await socket.SendAsync(line, cancellationToken);
    }

    /// <summary>The connection logged in on <paramref name="socket"/>.</summary>
    public void Attach(IrcSocket socket)
    {
        _current = socket;
        Up?.Invoke();
    }

    /// <summary>The connection ended.</summary>
    public void Detach() => _current = null;
}
