using System.Net.WebSockets;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Irc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Connection;

/// <summary>
/// The connection to Twitch chat, one at a time: connect, log in, join (paced), read, keep alive, and
/// reconnect with backoff. Lines go through the <see cref="IrcDispatcher"/>; chat lines to the
/// <see cref="ChatInbox"/>; the logged-in socket is handed to the <see cref="TwitchLink"/> the outbox writes to.
/// </summary>
public sealed partial class TwitchConnection(
    IOptions<TwitchOptions> options,
    TwitchChatState state,
    TwitchTokens tokens,
    IrcDispatcher dispatcher,
    JoinPacer joins,
    TwitchLink link,
    ChatInbox inbox,
    TimeProvider time,
    ILogger<TwitchConnection> logger)
{
    /// <summary>What <c>/healthz</c> says while Twitch refuses the token.</summary>
    public const string AuthFailedError = "twitch : authentification refusée (vérifiez Twitch:OAuthToken et Twitch:Login)";

    public static readonly TimeSpan AuthRetryInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly Backoff _backoff = ReconnectBackoff();
    private long _connections;

    /// <summary>Waits between reconnects: 1 s, 2 s, 4 s… up to 60 s, each between half and all of that, at least 1 s.</summary>
    public static Backoff ReconnectBackoff(Func<double>? jitter = null) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), floor: TimeSpan.FromSeconds(1), jitter);

    /// <summary>WebSocket connections opened so far.</summary>
    public long ConnectionCount => Interlocked.Read(ref _connections);

    /// <summary>Connects and reconnects until <paramref name="cancellationToken"/> ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        state.Status.Set(PlatformStates.Connecting);
        if (!await tokens.EnsureValidAsync(cancellationToken))
        {
            await AuthFailedAsync(cancellationToken);
        }

        var refreshedSinceFailure = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (end, loggedIn) = await RunSessionAsync(cancellationToken);
            Log.Disconnected(logger, end);
            if (end == SessionEnd.AuthFailed)
            {
                if (!refreshedSinceFailure && await tokens.TryRefreshAsync(cancellationToken))
                {
                    refreshedSinceFailure = true;
                    continue;
                }

                await AuthFailedAsync(cancellationToken);
                continue;
            }

            if (loggedIn)
            {
                _backoff.Reset();
                refreshedSinceFailure = false;
            }

            var delay = _backoff.Next();
            Log.Reconnecting(logger, delay.TotalSeconds);
            var wait = Task.Delay(delay, time, cancellationToken);
            state.Status.Set(PlatformStates.Reconnecting, state.Status.Error);
            await wait;
        }
    }

    private async Task AuthFailedAsync(CancellationToken cancellationToken)
    {
        Log.AuthFailed(logger, AuthRetryInterval.TotalMinutes);
        var wait = Task.Delay(AuthRetryInterval, time, cancellationToken);
        state.Status.Set(PlatformStates.AuthFailed, AuthFailedError);
        await wait;
    }

    private async Task<(SessionEnd End, bool LoggedIn)> RunSessionAsync(CancellationToken cancellationToken)
    {
        using var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var socket = new IrcSocket(client);
        Interlocked.Increment(ref _connections);
        Task? keepAlive = null;
        Task? joining = null;
        try
        {
            using (var timeout = new CancellationTokenSource(ConnectTimeout, time))
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(session.Token, timeout.Token))
            {
                await client.ConnectAsync(options.Value.ServerUri, connect.Token);
            }

            await joins.WaitTurnAsync(session.Token);
            await socket.SendAsync("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", session.Token);
            await socket.SendAsync("PASS oauth:" + tokens.AccessToken, session.Token);
            await socket.SendAsync("NICK " + state.Login, session.Token);
            socket.LastActivity = time.GetUtcNow();
            keepAlive = KeepAlive.RunAsync(socket, time, logger, session.Token);
            var end = await ReadAsync(socket, () => joining = JoinAllAsync(socket, session.Token), session.Token, cancellationToken);
            return (end, socket.LoggedIn);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong with this connection, the loop reconnects: the bot never stops on it.
            Log.ConnectionError(logger, ex.GetType().Name, ex.Message);
            return (socket.KeepAliveTimedOut ? SessionEnd.KeepAliveTimeout : SessionEnd.Error, socket.LoggedIn);
        }
        finally
        {
            link.Detach();
            state.ClearJoined();
            await session.CancelAsync();
            client.Abort();
            foreach (var task in new[] { keepAlive, joining })
            {
                if (task is not null)
                {
                    await task.ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
    }

    private async Task<SessionEnd> ReadAsync(IrcSocket socket, Action startJoins, CancellationToken session, CancellationToken cancellationToken)
    {
        var buffer = new IrcLineBuffer();
        while (true)
        {
            var result = await socket.Socket.ReceiveAsync(buffer.GetWriteMemory(), session);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return SessionEnd.Closed;
            }

            buffer.Advance(result.Count);
            socket.LastActivity = time.GetUtcNow();
            while (true)
            {
                IrcOutcome outcome;
                try
                {
                    outcome = NextLine(buffer, socket);
                }
                catch (Exception ex)
                {
                    // One bad line never ends the read loop.
                    state.CountMalformed();
                    Log.LineFailed(logger, ex);
                    continue;
                }

                switch (outcome.Action)
                {
                    case IrcAction.None:
                        break;
                    case IrcAction.Chat:
                        state.CountIn();
                        await inbox.PublishAsync(outcome.Message!, cancellationToken);
                        continue;
                    case IrcAction.Moderation:
                        await inbox.PublishAsync(outcome.Moderation!, cancellationToken);
                        continue;
                    case IrcAction.Send:
                        await socket.SendAsync(outcome.Line!, session);
                        continue;
                    case IrcAction.Welcome:
                        state.Status.Set(PlatformStates.Connected);
                        Log.LoggedInAs(logger, state.Login);
                        startJoins();
                        link.Attach(socket);
                        continue;
                    case IrcAction.Reconnect:
                        return SessionEnd.ReconnectRequested;
                    case IrcAction.AuthFailed:
                        return SessionEnd.AuthFailed;
                }

                break;
            }
        }
    }

    /// <summary>Reads and handles the next buffered line that asks for something; None when the buffer is empty.</summary>
    private IrcOutcome NextLine(IrcLineBuffer buffer, IrcSocket socket)
    {
        while (buffer.TryReadLine(out var line))
        {
            if (!IrcMessage.TryParse(line, out var message))
            {
                state.CountMalformed();
                continue;
            }

            var outcome = dispatcher.Dispatch(message, socket);
            if (outcome.Action != IrcAction.None)
            {
                return outcome;
            }
        }

        return IrcOutcome.None;
    }

    private async Task JoinAllAsync(IrcSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var channel in state.Channels)
            {
                await joins.WaitTurnAsync(cancellationToken);
                await socket.SendAsync("JOIN #" + channel, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection ended: the next one joins again.
        }
    }

    private enum SessionEnd
    {
        Closed,
        Error,
        ReconnectRequested,
        KeepAliveTimeout,
        AuthFailed,
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: logged in as {Login}")]
        public static partial void LoggedInAs(ILogger logger, string login);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch connection ended: {Reason}")]
        public static partial void Disconnected(ILogger logger, SessionEnd reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: reconnecting in {Seconds:0.0} s")]
        public static partial void Reconnecting(ILogger logger, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch connection error {ErrorType}: {Error}")]
        public static partial void ConnectionError(ILogger logger, string errorType, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Twitch: authentication failed. Check Twitch:OAuthToken (scopes chat:read chat:edit) and Twitch:Login; next try in {Minutes} minutes")]
        public static partial void AuthFailed(ILogger logger, double minutes);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: a chat line could not be handled")]
        public static partial void LineFailed(ILogger logger, Exception exception);
    }
}
