using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Irc;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch;

/// <summary>
/// The bot in Twitch chat over IRC-over-WebSocket. <see cref="ExecuteAsync"/> owns the connection:
/// connect, log in, join (paced), read, keep alive, and reconnect with backoff; one connection at a time.
/// Chat lines go to the <see cref="ChatInbox"/>; replies come back through <see cref="EnqueueAsync"/>
/// into the <see cref="TwitchOutbox"/>.
/// </summary>
public sealed partial class TwitchChatClient : BackgroundService, IChatPlatform, IOutboxTransport
{
    public const string AuthFailedError = "twitch: authentication failed";

    public static readonly TimeSpan KeepAliveSilence = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AuthRetryInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly TwitchOptions _options;
    private readonly ChatInbox _inbox;
    private readonly TwitchAuthClient _auth;
    private readonly TimeProvider _time;
    private readonly ILogger<TwitchChatClient> _logger;
    private readonly TwitchOutbox _outbox;
    private readonly SlidingWindow _joins = new(TwitchLimits.JoinWindow + TwitchLimits.SafetyMargin);
    private readonly SemaphoreSlim _joinLock = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _joined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _channelNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _channelLookup;
    private readonly RecentIds _seen = new(20_000);
    private readonly IReadOnlyList<string> _channels;
    private readonly string _login;
    private volatile string _state = PlatformStates.Stopped;
    private volatile string? _error;
    private volatile Connection? _connection;
    private string _token;
    private string? _refreshToken;
    private long _in;
    private long _connections;
    private long _malformed;

    public TwitchChatClient(IOptions<TwitchOptions> options, ChatInbox inbox, TwitchAuthClient auth, TimeProvider time, ILogger<TwitchChatClient> logger)
    {
        _options = options.Value;
        _inbox = inbox;
        _auth = auth;
        _time = time;
        _logger = logger;
        _outbox = new TwitchOutbox(time, logger, _options.MaxReplyAge);
        _login = _options.Login.Trim().ToLowerInvariant();
        _token = TwitchOptions.BareToken(_options.OAuthToken);
        _refreshToken = _options.RefreshToken;
        _channels = _options.Channels.Select(TwitchOptions.NormalizeChannel).Where(c => c.Length > 0).Distinct().ToList();
        foreach (var channel in _channels)
        {
            _channelNames[channel] = channel;
        }

        _channelLookup = _channelNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => TwitchMessageReader.PlatformName;

    public int MaxMessageLength => TwitchLimits.MaxMessageLength;

    public SendLimit SendLimit => new(
        _outbox.PrivilegedChannels.Count > 0 ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages, TwitchLimits.Window);

    public IReadOnlyCollection<string> ConnectedChannels => _joined.Keys.ToList();

    /// <summary>Current state (connecting, connected, reconnecting, auth_failed, stopped).</summary>
    public string State => _state;

    /// <summary>The outbox (tests and health read its figures).</summary>
    public TwitchOutbox Outbox => _outbox;

    /// <summary>WebSocket connections opened so far.</summary>
    public long ConnectionCount => Interlocked.Read(ref _connections);

    /// <summary>Raised when the state changes (tests await it instead of sleeping).</summary>
    public event Action<string>? StateChanged;

    /// <summary>Raised when a channel's JOIN is confirmed.</summary>
    public event Action<string>? Joined;

    /// <summary>Raised after any change a test may wait for (state, joins, what USERSTATE said).</summary>
    public event Action? Changed;

    bool IOutboxTransport.IsConnected => _connection is { LoggedIn: true };

    public PlatformHealth GetHealth()
    {
        var details = new Dictionary<string, object?>
        {
            ["pending"] = _outbox.PendingCount,
            ["merged"] = _outbox.MergedCount,
            ["moderatorIn"] = _outbox.PrivilegedChannels.Order(StringComparer.Ordinal).ToList(),
            ["blockedChannels"] = _outbox.BlockedChannels.ToDictionary(
                kv => kv.Key, kv => (object)new { reason = kv.Value.Reason, until = kv.Value.Until }),
            ["pausedUntil"] = _outbox.PausedUntil,
            ["connections"] = ConnectionCount,
            ["malformedLines"] = Interlocked.Read(ref _malformed),
        };
        return new PlatformHealth(Name, _state)
        {
            Channels = _joined.Keys.Order(StringComparer.Ordinal).ToList(),
            MessagesIn = Interlocked.Read(ref _in),
            MessagesOut = _outbox.SentCount,
            DroppedReplies = _outbox.DroppedCount,
            Error = _error,
            Details = details,
        };
    }

    public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_outbox.TryEnqueue(message));

    async ValueTask<bool> IOutboxTransport.SendAsync(string line, CancellationToken cancellationToken)
    {
        var connection = _connection;
        return connection is { LoggedIn: true } && await connection.SendAsync(line, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var outbox = _outbox.RunAsync(this, stop.Token);
        var validation = ValidateHourlyAsync(stop.Token);
        try
        {
            await ConnectLoopAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(outbox, validation).ContinueWith(_ => { }, TaskScheduler.Default);
            SetState(PlatformStates.Stopped);
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        SetState(PlatformStates.Connecting);
        if (await ValidateAsync(cancellationToken) == TokenStatus.Invalid && !await TryRefreshAsync(cancellationToken))
        {
            await AuthFailedAsync(cancellationToken);
        }

        var attempt = 0;
        var refreshedSinceFailure = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await RunConnectionAsync(cancellationToken);
            Log.Disconnected(_logger, outcome.End);
            if (outcome.End == SessionEnd.AuthFailed)
            {
                if (!refreshedSinceFailure && await TryRefreshAsync(cancellationToken))
                {
                    refreshedSinceFailure = true;
                    continue;
                }

                await AuthFailedAsync(cancellationToken);
                continue;
            }

            if (outcome.LoggedIn)
            {
                attempt = 0;
                refreshedSinceFailure = false;
            }

            var delay = Backoff(attempt++);
            Log.Reconnecting(_logger, delay.TotalSeconds);
            var wait = Task.Delay(delay, _time, cancellationToken);
            SetState(PlatformStates.Reconnecting, _error); // after the timer exists: tests on fake time advance on this
            await wait;
        }
    }

    /// <summary>Exponential backoff with jitter: between half and all of min(60 s, 2^attempt s), at least 1 s.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var cap = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10)));
        var seconds = cap * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromSeconds(Math.Max(MinBackoff.TotalSeconds, seconds));
    }

    private async Task AuthFailedAsync(CancellationToken cancellationToken)
    {
        Log.AuthFailed(_logger, AuthRetryInterval.TotalMinutes);
        var wait = Task.Delay(AuthRetryInterval, _time, cancellationToken);
        SetState(PlatformStates.AuthFailed, AuthFailedError); // after the timer exists: tests on fake time advance on this
        await wait;
    }

    private async Task<SessionOutcome> RunConnectionAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connection = new Connection(socket);
        Interlocked.Increment(ref _connections);
        Task? keepAlive = null;
        Task? joins = null;
        try
        {
            using (var timeout = new CancellationTokenSource(ConnectTimeout, _time))
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(session.Token, timeout.Token))
            {
                await socket.ConnectAsync(_options.ServerUri, connect.Token);
            }

            await _joins.WaitAndAddAsync(TwitchLimits.JoinsPerWindow, _time, _joinLock, session.Token);
            await connection.SendAsync("CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", session.Token);
            await connection.SendAsync("PASS oauth:" + _token, session.Token);
            await connection.SendAsync("NICK " + _login, session.Token);
            connection.LastActivity = _time.GetUtcNow();
            keepAlive = KeepAliveAsync(connection, session);
            var end = await ReadLoopAsync(connection, session, () => joins = JoinAllAsync(connection, session.Token), cancellationToken);
            return new SessionOutcome(end, connection.LoggedIn);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong with this connection, the loop reconnects: the bot never stops on it.
            Log.ConnectionError(_logger, ex.GetType().Name, ex.Message);
            return new SessionOutcome(connection.KeepAliveTimedOut ? SessionEnd.KeepAliveTimeout : SessionEnd.Error, connection.LoggedIn);
        }
        finally
        {
            _connection = null;
            _joined.Clear();
            await session.CancelAsync();
            socket.Abort();
            foreach (var task in new[] { keepAlive, joins })
            {
                if (task is not null)
                {
                    await task.ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
    }

    private async Task<SessionEnd> ReadLoopAsync(Connection connection, CancellationTokenSource session, Action startJoins, CancellationToken cancellationToken)
    {
        var buffer = new IrcLineBuffer();
        while (true)
        {
            var result = await connection.Socket.ReceiveAsync(buffer.GetWriteMemory(), session.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return SessionEnd.Closed;
            }

            buffer.Advance(result.Count);
            connection.LastActivity = _time.GetUtcNow();
            while (true)
            {
                LineOutcome outcome;
                try
                {
                    outcome = HandleNextLine(buffer, connection);
                }
                catch (Exception ex)
                {
                    // One bad line never ends the read loop.
                    Interlocked.Increment(ref _malformed);
                    Log.LineFailed(_logger, ex);
                    continue;
                }

                if (outcome.Kind == LineKind.None)
                {
                    break;
                }

                switch (outcome.Kind)
                {
                    case LineKind.Chat:
                        Interlocked.Increment(ref _in);
                        await _inbox.PublishAsync(outcome.Message!, cancellationToken);
                        break;
                    case LineKind.Send:
                        await connection.SendAsync(outcome.Line!, session.Token);
                        break;
                    case LineKind.Welcome:
                        _connection = connection;
                        SetState(PlatformStates.Connected, null);
                        Log.LoggedIn(_logger, _login);
                        startJoins();
                        _outbox.Wake();
                        break;
                    case LineKind.Reconnect:
                        return SessionEnd.ReconnectRequested;
                    case LineKind.AuthFailed:
                        return SessionEnd.AuthFailed;
                }
            }
        }
    }

    /// <summary>Reads and handles the next buffered line synchronously (spans do not cross awaits).</summary>
    private LineOutcome HandleNextLine(IrcLineBuffer buffer, Connection connection)
    {
        while (buffer.TryReadLine(out var line))
        {
            if (!IrcMessage.TryParse(line, out var message))
            {
                Interlocked.Increment(ref _malformed);
                continue;
            }

            var outcome = Handle(message, connection);
            if (outcome.Kind != LineKind.None)
            {
                return outcome;
            }
        }

        return default;
    }

    private LineOutcome Handle(in IrcMessage message, Connection connection)
    {
        var command = message.Command;
        if (command.SequenceEqual("PRIVMSG"))
        {
            var chat = TwitchMessageReader.ToChatMessage(message, _time.GetUtcNow(), ChannelName);
            if (chat is null || chat.Login == _login || !_seen.Add(chat.Id))
            {
                return default;
            }

            return new LineOutcome(LineKind.Chat, chat, null);
        }

        if (command.SequenceEqual("PING"))
        {
            return new LineOutcome(LineKind.Send, null, "PONG :" + message.LastParam.ToString());
        }

        if (command.SequenceEqual("PONG"))
        {
            connection.PongReceived = true;
            return default;
        }

        if (command.SequenceEqual("001"))
        {
            connection.LoggedIn = true;
            return new LineOutcome(LineKind.Welcome, null, null);
        }

        if (command.SequenceEqual("RECONNECT"))
        {
            return new LineOutcome(LineKind.Reconnect, null, null);
        }

        if (command.SequenceEqual("NOTICE"))
        {
            return HandleNotice(message);
        }

        if (command.SequenceEqual("USERSTATE"))
        {
            var channel = Channel(message.Param(0));
            if (channel is not null)
            {
                _outbox.SetPrivileged(channel, TwitchMessageReader.IsPrivileged(message));
                Changed?.Invoke();
            }

            return default;
        }

        if (command.SequenceEqual("JOIN") || command.SequenceEqual("PART"))
        {
            var channel = Channel(message.Param(0));
            if (channel is not null && message.Nick.Equals(_login, StringComparison.OrdinalIgnoreCase))
            {
                if (command[0] == 'J')
                {
                    _joined[channel] = 0;
                    Log.JoinedChannel(_logger, channel);
                    Joined?.Invoke(channel);
                    Changed?.Invoke();
                }
                else
                {
                    _joined.TryRemove(channel, out _);
                }
            }
        }

        return default;
    }

    private LineOutcome HandleNotice(in IrcMessage message)
    {
        var text = message.LastParam;
        var msgId = message.GetTag("msg-id") ?? string.Empty;
        if (msgId.Length == 0
            && (text.Contains("Login authentication failed", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Improperly formatted auth", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Login unsuccessful", StringComparison.OrdinalIgnoreCase)))
        {
            return new LineOutcome(LineKind.AuthFailed, null, null);
        }

        var channel = Channel(message.Param(0));
        var now = _time.GetUtcNow();
        switch (msgId)
        {
            case "msg_ratelimit":
                _outbox.Pause(TwitchLimits.RateLimitPause);
                break;
            case "msg_banned" when channel is not null:
                _outbox.Block(channel, "banned", now + TimeSpan.FromHours(1));
                break;
            case "msg_channel_suspended" when channel is not null:
                _outbox.Block(channel, "channel_suspended", now + TimeSpan.FromHours(1));
                break;
            case "msg_timedout" when channel is not null:
                _outbox.Block(channel, "timedout", now + TimeoutLength(text));
                break;
            default:
                Log.Notice(_logger, channel ?? "*", msgId, Printable(text));
                break;
        }

        return default;
    }

    /// <summary>"You are timed out for 599 more seconds." -> 599 s (10 minutes when no number is found).</summary>
    public static TimeSpan TimeoutLength(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyInRange('0', '9');
        if (start >= 0)
        {
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (int.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 1_209_600)
            {
                return TimeSpan.FromSeconds(seconds + 1);
            }
        }

        return TimeSpan.FromMinutes(10);
    }

    private static string Printable(ReadOnlySpan<char> text)
    {
        var cut = text.Length > 200 ? text[..200] : text;
        return ReplyText.Sanitize(cut.ToString());
    }

    private string ChannelName(ReadOnlySpan<char> name) =>
        _channelLookup.TryGetValue(name, out var cached) ? cached : name.ToString().ToLowerInvariant();

    private string? Channel(ReadOnlySpan<char> target) =>
        target.Length > 1 && target[0] == '#' ? ChannelName(target[1..]) : null;

    private async Task JoinAllAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var channel in _channels)
            {
                await _joins.WaitAndAddAsync(TwitchLimits.JoinsPerWindow, _time, _joinLock, cancellationToken);
                await connection.SendAsync("JOIN #" + channel, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection ended: the next one joins again.
        }
    }

    /// <summary>After 60 s without a line, PING; no PONG within 10 s ends the connection.</summary>
    private async Task KeepAliveAsync(Connection connection, CancellationTokenSource session)
    {
        try
        {
            while (!session.IsCancellationRequested)
            {
                var due = connection.LastActivity + KeepAliveSilence;
                var now = _time.GetUtcNow();
                if (due > now)
                {
                    await Task.Delay(due - now, _time, session.Token);
                    continue;
                }

                connection.PongReceived = false;
                var timeout = Task.Delay(PongTimeout, _time, session.Token);
                await connection.SendAsync("PING :livebot", session.Token);
                await timeout;
                if (!connection.PongReceived)
                {
                    Log.KeepAliveTimeout(_logger, PongTimeout.TotalSeconds);
                    connection.KeepAliveTimedOut = true;
                    connection.Socket.Abort();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task ValidateHourlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ValidationInterval, _time, cancellationToken);
                try
                {
                    if (await ValidateAsync(cancellationToken) == TokenStatus.Invalid && !await TryRefreshAsync(cancellationToken))
                    {
                        SetState(_state, AuthFailedError);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ValidationFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<TokenStatus> ValidateAsync(CancellationToken cancellationToken)
    {
        var result = await _auth.ValidateAsync(_options.AuthBaseUri, _token, cancellationToken);
        Log.Validated(_logger, result.Status, result.ExpiresIn);
        if (result.Login is { } login && !login.Equals(_login, StringComparison.OrdinalIgnoreCase))
        {
            Log.LoginMismatch(_logger, login, _login);
        }

        return result.Status;
    }

    private async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.ClientId) || string.IsNullOrWhiteSpace(_options.ClientSecret) || string.IsNullOrWhiteSpace(_refreshToken))
        {
            return false;
        }

        var refreshed = await _auth.RefreshAsync(_options.AuthBaseUri, _options.ClientId, _options.ClientSecret, _refreshToken, cancellationToken);
        if (refreshed is null)
        {
            Log.RefreshFailed(_logger);
            return false;
        }

        _token = TwitchOptions.BareToken(refreshed.AccessToken);
        _refreshToken = refreshed.RefreshToken;
        if (_error == AuthFailedError)
        {
            _error = null;
        }

        Log.Refreshed(_logger);
        return true;
    }

    private void SetState(string state, string? error = null)
    {
        _error = error;
        if (_state == state)
        {
            return;
        }

        _state = state;
        StateChanged?.Invoke(state);
        Changed?.Invoke();
    }

    public override void Dispose()
    {
        _joinLock.Dispose();
        base.Dispose();
    }

    private enum LineKind
    {
        None,
        Chat,
        Send,
        Welcome,
        Reconnect,
        AuthFailed,
    }

    private readonly record struct LineOutcome(LineKind Kind, ChatMessage? Message, string? Line);

    private enum SessionEnd
    {
        Closed,
        Error,
        ReconnectRequested,
        KeepAliveTimeout,
        AuthFailed,
    }

    private readonly record struct SessionOutcome(SessionEnd End, bool LoggedIn);

    /// <summary>One WebSocket: a single writer at a time (ClientWebSocket allows one pending send).</summary>
    private sealed class Connection(ClientWebSocket socket)
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public ClientWebSocket Socket => socket;

        public volatile bool LoggedIn;
        public volatile bool PongReceived;
        public volatile bool KeepAliveTimedOut;
        private long _lastActivityTicks;

        public DateTimeOffset LastActivity
        {
            get => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _lastActivityTicks, value.UtcTicks);
        }

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
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: logged in as {Login}")]
        public static partial void LoggedIn(ILogger logger, string login);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: joined #{Channel}")]
        public static partial void JoinedChannel(ILogger logger, string channel);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch connection ended: {Reason}")]
        public static partial void Disconnected(ILogger logger, SessionEnd reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: reconnecting in {Seconds:0.0} s")]
        public static partial void Reconnecting(ILogger logger, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch connection error {ErrorType}: {Error}")]
        public static partial void ConnectionError(ILogger logger, string errorType, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Twitch: authentication failed. Check Twitch:OAuthToken (scopes chat:read chat:edit) and Twitch:Login; next try in {Minutes} minutes")]
        public static partial void AuthFailed(ILogger logger, double minutes);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: no PONG within {Seconds} s, reconnecting")]
        public static partial void KeepAliveTimeout(ILogger logger, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: a chat line could not be handled")]
        public static partial void LineFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch NOTICE in {Channel} ({MsgId}): {Text}")]
        public static partial void Notice(ILogger logger, string channel, string msgId, string text);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch token validation: {Status}, expires in {ExpiresIn} s")]
        public static partial void Validated(ILogger logger, TokenStatus status, long? expiresIn);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: the token belongs to {TokenLogin}, not to Twitch:Login {Login}")]
        public static partial void LoginMismatch(ILogger logger, string tokenLogin, string login);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: hourly token validation failed")]
        public static partial void ValidationFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: access token refreshed")]
        public static partial void Refreshed(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: token refresh failed")]
        public static partial void RefreshFailed(ILogger logger);
    }
}
