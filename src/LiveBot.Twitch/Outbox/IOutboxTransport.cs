namespace LiveBot.Twitch.Outbox;

/// <summary>Where the outbox writes its lines: the live connection (or a fake in tests).</summary>
public interface IOutboxTransport
{
    /// <summary>True while a logged-in connection exists.</summary>
    bool IsConnected { get; }

    /// <summary>Writes one IRC line; false when it could not (connection gone): the outbox keeps the message.</summary>
    ValueTask<bool> SendAsync(string line, CancellationToken cancellationToken);
}
