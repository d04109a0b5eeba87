using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Connection;

/// <summary>After 60 s without a line, PING; no PONG within 10 s ends the connection.</summary>
public static partial class KeepAlive
{
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(IrcSocket socket, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = socket.LastActivity + Silence;
                var now = time.GetUtcNow();
                if (due > now)
                {
                    await Task.Delay(due - now, time, cancellationToken);
                    continue;
                }

                socket.PongReceived = false;
                var timeout = Task.Delay(PongTimeout, time, cancellationToken);
                await socket.SendAsync("PING :livebot", cancellationToken);
                await timeout;
                if (!socket.PongReceived)
                {
                    Log.KeepAliveTimeout(logger, PongTimeout.TotalSeconds);
                    socket.KeepAliveTimedOut = true;
                    socket.Socket.Abort();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: no PONG within {Seconds} s, reconnecting")]
        public static partial void KeepAliveTimeout(ILogger logger, double seconds);
    }
}
