using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using LiveBot.Twitch.Irc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Tests.Fakes;

/// <summary>
/// A Twitch chat server on 127.0.0.1 port 0 speaking IRC over WebSocket as documented in
/// specs/twitch-chat.md (login sequence, JOIN echo, 353/366, USERSTATE, ROOMSTATE, PING/PONG, NOTICEs),
/// plus Twitch's oauth2/validate and oauth2/token on the same port. It records every line the bot
/// sends, can inject lines, PING, RECONNECT, abrupt closes, and enforces the send limits.
/// </summary>
public sealed class FakeTwitchServer : IAsyncDisposable
{
    public const string Login = "livebot";
    public const string GoodToken = "goodtoken0123456789";

    /// <summary>Slack on the 1 s per-channel rule when the server runs on the real clock (see <see cref="TwitchLimitChecker"/>).</summary>
    public static readonly TimeSpan RealClockTolerance = TimeSpan.FromMilliseconds(500);

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<ReceivedLine> _received = new();
    private readonly List<(Func<ReceivedLine, bool> Match, TaskCompletionSource<ReceivedLine> Done)> _waiters = [];
    private readonly ConcurrentDictionary<int, ClientConnection> _live = new();
    private readonly List<(int Number, TaskCompletionSource Done)> _connectionWaiters = [];
    private int _connectionCount;
    private int _maxLive;
    private int _loggedIn;
    private int _barriers;
    private readonly List<(int Count, TaskCompletionSource Done)> _validateWaiters = [];

    private FakeTwitchServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        Limits = new TwitchLimitChecker(time, ModeratorChannels.ContainsKey, time == TimeProvider.System ? RealClockTolerance : TimeSpan.Zero);
    }

    /// <summary>Tokens the server accepts (PASS and oauth2/validate).</summary>
    public ConcurrentDictionary<string, byte> ValidTokens { get; } = new(StringComparer.Ordinal) { [GoodToken] = 0 };

    /// <summary>Channels where the bot is moderator (USERSTATE says so, and the limit is 100 / 30 s).</summary>
    public ConcurrentDictionary<string, byte> ModeratorChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels where the bot is VIP (USERSTATE shows vip/1; the limits stay 20 / 30 s and 1 s per channel).</summary>
    public ConcurrentDictionary<string, byte> VipChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Each channel's modes (ROOMSTATE after JOIN, and the refusals a bot that is not moderator meets).</summary>
    public ConcurrentDictionary<string, FakeRoom> Rooms { get; } = new(StringComparer.Ordinal);

    /// <summary>NOTICE lines answered to the next PRIVMSGs instead of accepting them (msg_r9k, msg_suspended...), in order.</summary>
    public ConcurrentQueue<string> RefuseNext { get; } = new();

    /// <summary>msg-ids of the NOTICEs sent for refused PRIVMSGs, in order.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>PRIVMSGs Twitch would have shown in chat (not refused).</summary>
    public int Accepted;

    /// <summary>The refresh token oauth2/token accepts, and the access token it hands out for it.</summary>
    public string? AcceptedRefreshToken { get; set; }

    public string RefreshedAccessToken { get; set; } = "refreshedtoken42";

    public int RefreshCount;

    /// <summary>The scopes oauth2/validate reports for a good token.</summary>
    public string[] ValidateScopes { get; set; } = ["chat:read", "chat:edit"];

    /// <summary>The <c>expires_in</c> oauth2/validate reports for a good token.</summary>
    public long ValidateExpiresIn { get; set; } = 14_000;

    public int ValidateCount;

    /// <summary>True: every login is refused with "Login authentication failed" (a token revoked after validation).</summary>
    public bool RejectLogins { get; set; }

    /// <summary>Tokens that oauth2/validate still accepts but chat refuses (revoked a moment ago).</summary>
    public ConcurrentDictionary<string, byte> RevokedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>False: the server ignores the client's PING (a dead link).</summary>
    public bool AnswerPings { get; set; } = true;

    public TwitchLimitChecker Limits { get; }

    public Uri WebSocketUri { get; private set; } = null!;

    public Uri AuthBaseUri { get; private set; } = null!;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Most connections alive at the same moment (the bot must keep it at 1).</summary>
    public int MaxLiveConnections => Volatile.Read(ref _maxLive);

    public IReadOnlyList<ReceivedLine> Received => _received.ToArray();

    /// <summary>PRIVMSG lines the bot sent.</summary>
    public IReadOnlyList<ReceivedLine> Privmsgs => _received.Where(r => r.Command == "PRIVMSG").ToArray();

    public static async Task<FakeTwitchServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTwitchServer(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Map("/", server.AcceptAsync);
        app.MapGet("/oauth2/validate", (Delegate)server.Validate);
        app.MapPost("/oauth2/token", (Delegate)server.RefreshAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.WebSocketUri = new Uri($"ws://127.0.0.1:{port}/");
        server.AuthBaseUri = new Uri($"http://127.0.0.1:{port}/");
        return server;
    }

    /// <summary>Settings that point a bot at this server.</summary>
    public Dictionary<string, string> BotSettings(string token = GoodToken, params string[] channels)
    {
        var settings = new Dictionary<string, string>
        {
            ["Twitch:Enabled"] = "true",
            ["Twitch:Login"] = Login,
            ["Twitch:OAuthToken"] = token,
            ["Twitch:ServerUri"] = WebSocketUri.ToString(),
            ["Twitch:AuthBaseUri"] = AuthBaseUri.ToString(),
        };
        var list = channels.Length == 0 ? ["chan"] : channels;
        for (var i = 0; i < list.Length; i++)
        {
            settings[$"Twitch:Channels:{i}"] = list[i];
        }

        return settings;
    }

    /// <summary>Completes with the first line (already received or to come) that matches.</summary>
    public Task<ReceivedLine> WaitForLineAsync(Func<ReceivedLine, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<ReceivedLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var existing = _received.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
    }

    /// <summary>Completes when connection number <paramref name="number"/> (1-based) or a later one has logged in.</summary>
    public Task WaitForConnectionAsync(int number)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_connectionWaiters)
        {
            if (Volatile.Read(ref _loggedIn) >= number)
            {
                return Task.CompletedTask;
            }

            _connectionWaiters.Add((number, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Completes when the bot's JOIN of <paramref name="channel"/> on connection <paramref name="connection"/> was answered.</summary>
    public Task<ReceivedLine> WaitForJoinAsync(string channel, int connection = 1) =>
        WaitForLineAsync(r => r.Connection >= connection && r.Line == "JOIN #" + channel);

    /// <summary>Sends a raw line to the live connection.</summary>
    public Task SendLineAsync(string line) => Current().SendAsync(line);

    /// <summary>Sends raw bytes as one text frame (no line end needed; must be valid UTF-8, as RFC 6455 wants).</summary>
    public Task SendRawAsync(byte[] bytes) => Current().SendRawAsync(bytes);

    /// <summary>Sends raw bytes as one binary frame (any bytes: broken UTF-8, NULs, stray CR LF).</summary>
    public Task SendBinaryAsync(byte[] bytes) => Current().SendRawAsync(bytes, WebSocketMessageType.Binary);

    /// <summary>A chat line from <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public Task SayAsync(string channel, string user, string text, string? id = null, string badges = "")
    {
        return SendLineAsync(PrivmsgLine(channel, user, text, id, badges));
    }

    public static string PrivmsgLine(string channel, string user, string text, string? id = null, string badges = "", long userId = 0)
    {
        id ??= Guid.NewGuid().ToString();
        var uid = userId != 0 ? userId : Math.Abs((long)StringComparer.Ordinal.GetHashCode(user)) + 1;
        return $"@badge-info=;badges={badges};color=;display-name={user};emotes=;first-msg=0;flags=;id={id};mod=0;room-id=456;subscriber=0;tmi-sent-ts=1700000000123;turbo=0;user-id={uid};user-type= :{user.ToLowerInvariant()}!{user.ToLowerInvariant()}@{user.ToLowerInvariant()}.tmi.twitch.tv PRIVMSG #{channel} :{text}";
    }

    public Task PingAsync() => SendLineAsync("PING :tmi.twitch.tv");

    /// <summary>
    /// Completes once the bot has handled every line sent before: it sends a PING and waits for the
    /// matching PONG (the bot reads lines in order).
    /// </summary>
    public async Task BarrierAsync()
    {
        var token = "barrier" + Interlocked.Increment(ref _barriers);
        var pong = WaitForLineAsync(r => r.Line == "PONG :" + token);
        await SendLineAsync("PING :" + token);
        await pong;
    }

    public Task ReconnectAsync() => SendLineAsync(":tmi.twitch.tv RECONNECT");

    /// <summary>Drops the live connection without a close handshake.</summary>
    public void Abort() => Current().Socket.Abort();

    private ClientConnection Current() =>
        _live.Values.Where(c => c.LoggedIn).MaxBy(c => c.Id) ?? throw new InvalidOperationException("No logged-in connection.");

    private void Record(ClientConnection connection, string line)
    {
        IrcMessage.TryParse(line, out var message);
        var received = new ReceivedLine(connection.Id, _time.GetUtcNow(), line, message.Command.ToString());
        List<TaskCompletionSource<ReceivedLine>> ready = [];
        lock (_waiters)
        {
            _received.Enqueue(received);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(received))
                {
                    ready.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult(received);
        }
    }

    private void SignalLoggedIn(int id)
    {
        List<TaskCompletionSource> ready = [];
        lock (_connectionWaiters)
        {
            InterlockedMax(ref _loggedIn, id);
            for (var i = _connectionWaiters.Count - 1; i >= 0; i--)
            {
                if (_connectionWaiters[i].Number <= id)
                {
                    ready.Add(_connectionWaiters[i].Done);
                    _connectionWaiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ClientConnection(Interlocked.Increment(ref _connectionCount), socket);
        _live[connection.Id] = connection;
        var live = _live.Count;
        if (live > 1)
        {
            Limits.Breach($"{live} live connections at once");
        }

        InterlockedMax(ref _maxLive, live);
        try
        {
            await ServeAsync(connection, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            _live.TryRemove(connection.Id, out _);
        }
    }

    private async Task ServeAsync(ClientConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var pending = new StringBuilder();
        string? pass = null;
        while (connection.Socket.State == WebSocketState.Open)
        {
            var result = await connection.Socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = pending.ToString();
            pending.Clear();
            foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                Record(connection, line);
                if (!await HandleAsync(connection, line, pass, p => pass = p))
                {
                    await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
    }

    /// <summary>Answers one line as Twitch would; false closes the connection.</summary>
    private async Task<bool> HandleAsync(ClientConnection connection, string line, string? pass, Action<string> setPass)
    {
        if (!IrcMessage.TryParse(line, out var message))
        {
            return true;
        }

        var command = message.Command.ToString();
        var param0 = message.Param(0).ToString();
        var last = message.LastParam.ToString();
        switch (command)
        {
            case "CAP":
                await connection.SendAsync(":tmi.twitch.tv CAP * ACK :" + last);
                return true;
            case "PASS":
                setPass(param0);
                return true;
            case "NICK":
                Limits.OnLoginOrJoin();
                if (pass is null || !pass.StartsWith("oauth:", StringComparison.Ordinal))
                {
                    await connection.SendAsync(":tmi.twitch.tv NOTICE * :Improperly formatted auth");
                    return false;
                }

                var token = pass["oauth:".Length..];
                if (RejectLogins || RevokedTokens.ContainsKey(token) || !ValidTokens.ContainsKey(token))
                {
                    await connection.SendAsync(":tmi.twitch.tv NOTICE * :Login authentication failed");
                    return false;
                }

                var nick = param0;
                await connection.SendManyAsync(
                    $":tmi.twitch.tv 001 {nick} :Welcome, GLHF!",
                    $":tmi.twitch.tv 002 {nick} :Your host is tmi.twitch.tv",
                    $":tmi.twitch.tv 003 {nick} :This server is rather new",
                    $":tmi.twitch.tv 004 {nick} :-",
                    $":tmi.twitch.tv 375 {nick} :-",
                    $":tmi.twitch.tv 372 {nick} :You are in a maze of twisty passages, all alike.",
                    $":tmi.twitch.tv 376 {nick} :>",
                    "@badge-info=;badges=;color=;display-name=LiveBot;emote-sets=0;user-id=123;user-type= :tmi.twitch.tv GLOBALUSERSTATE");
                connection.LoggedIn = true;
                SignalLoggedIn(connection.Id);
                return true;
            case "JOIN":
                Limits.OnLoginOrJoin();
                foreach (var target in param0.Split(','))
                {
                    var channel = target.TrimStart('#');
                    await connection.SendManyAsync(
                        $":{Login}!{Login}@{Login}.tmi.twitch.tv JOIN #{channel}",
                        $":{Login}.tmi.twitch.tv 353 {Login} = #{channel} :{Login}",
                        $":{Login}.tmi.twitch.tv 366 {Login} #{channel} :End of /NAMES list",
                        UserState(channel),
                        RoomOf(channel).RoomStateLine(channel));
                }

                return true;
            case "PRIVMSG":
                var duplicate = Limits.OnPrivmsg(line);
                var refusal = RefusalFor(param0.TrimStart('#'), duplicate);
                if (refusal is not null)
                {
                    Refusals.Enqueue(IrcMessage.TryParse(refusal, out var notice) ? notice.GetTag("msg-id") ?? "" : "");
                    await connection.SendAsync(refusal);
                }
                else
                {
                    Interlocked.Increment(ref Accepted);
                }

                await connection.SendAsync(UserState(param0.TrimStart('#')));
                return true;
            case "PING":
                if (AnswerPings)
                {
                    await connection.SendAsync(":tmi.twitch.tv PONG tmi.twitch.tv :" + last);
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Changes a channel's modes and sends the ROOMSTATE line Twitch sends then (only the changed tag).</summary>
    public Task SetRoomAsync(string channel, string tag, string value)
    {
        Rooms[channel] = RoomOf(channel).With(tag, value);
        return SendLineAsync($"@room-id=456;{tag}={value} :tmi.twitch.tv ROOMSTATE #{channel}");
    }

    private FakeRoom RoomOf(string channel) => Rooms.TryGetValue(channel, out var room) ? room : FakeRoom.Open;

    /// <summary>The NOTICE Twitch answers a PRIVMSG with when it refuses it (exact lines of recorded traffic), or null.</summary>
    private string? RefusalFor(string channel, bool duplicate)
    {
        if (RefuseNext.TryDequeue(out var forced))
        {
            return forced;
        }

        if (duplicate)
        {
            return $"@msg-id=msg_duplicate :tmi.twitch.tv NOTICE #{channel} :Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago.";
        }

        if (ModeratorChannels.ContainsKey(channel))
        {
            return null;
        }

        var room = RoomOf(channel);
        var now = _time.GetUtcNow();
        if (room.EmoteOnly)
        {
            return $"@msg-id=msg_emoteonly :tmi.twitch.tv NOTICE #{channel} :This room is in emote-only mode.";
        }

        if (room.SubsOnly)
        {
            return $"@msg-id=msg_subsonly :tmi.twitch.tv NOTICE #{channel} :This room is in subscribers-only mode. To talk, purchase a channel subscription at https://www.twitch.tv/products/{channel}/ticket?ref=subscriber_only_mode_chat.";
        }

        if (room.FollowersOnly >= 0)
        {
            return $"@msg-id=msg_followersonly :tmi.twitch.tv NOTICE #{channel} :This room is in {room.FollowersOnly} minutes followers-only mode. Follow {channel} to join the community!";
        }

        if (room.Slow > 0 && _lastAccepted.TryGetValue(channel, out var last) && now - last < TimeSpan.FromSeconds(room.Slow))
        {
            var left = (int)Math.Ceiling((TimeSpan.FromSeconds(room.Slow) - (now - last)).TotalSeconds);
            return $"@msg-id=msg_slowmode :tmi.twitch.tv NOTICE #{channel} :This room is in slow mode and you are sending messages too quickly. You will be able to talk again in {left} seconds.";
        }

        _lastAccepted[channel] = now;
        return null;
    }

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastAccepted = new(StringComparer.Ordinal);

    private string UserState(string channel) => ModeratorChannels.ContainsKey(channel)
        ? $"@badge-info=;badges=moderator/1;color=;display-name=LiveBot;emote-sets=0;mod=1;subscriber=0;user-type=mod :tmi.twitch.tv USERSTATE #{channel}"
        : VipChannels.ContainsKey(channel)
        ? $"@badge-info=;badges=vip/1;color=;display-name=LiveBot;emote-sets=0;mod=0;subscriber=0;user-type=;vip=1 :tmi.twitch.tv USERSTATE #{channel}"
        : $"@badge-info=;badges=;color=;display-name=LiveBot;emote-sets=0;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #{channel}";

    /// <summary>Completes when oauth2/validate has been called <paramref name="count"/> times.</summary>
    public Task WaitForValidateAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_validateWaiters)
        {
            if (Volatile.Read(ref ValidateCount) >= count)
            {
                return Task.CompletedTask;
            }

            _validateWaiters.Add((count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private IResult Validate(HttpContext context)
    {
        var calls = Interlocked.Increment(ref ValidateCount);
        lock (_validateWaiters)
        {
            foreach (var waiter in _validateWaiters.Where(w => w.Count <= calls))
            {
                waiter.Done.TrySetResult();
            }

            _validateWaiters.RemoveAll(w => w.Count <= calls);
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("OAuth ", StringComparison.Ordinal) ? header[6..] : string.Empty;
        return ValidTokens.ContainsKey(token)
            ? Results.Json(new { client_id = "fakeclient", login = Login, scopes = ValidateScopes, user_id = "123", expires_in = ValidateExpiresIn })
            : Results.Json(new { status = 401, message = "invalid access token" }, statusCode: 401);
    }

    private async Task<IResult> RefreshAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "refresh_token" || AcceptedRefreshToken is null || form["refresh_token"] != AcceptedRefreshToken
            || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
        {
            return Results.Json(new { status = 400, message = "Invalid refresh token" }, statusCode: 400);
        }

        Interlocked.Increment(ref RefreshCount);
        ValidTokens[RefreshedAccessToken] = 0;
        return Results.Json(new { access_token = RefreshedAccessToken, refresh_token = "nextrefresh", expires_in = 14_000, scope = new[] { "chat:read", "chat:edit" }, token_type = "bearer" });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _live.Values)
        {
            connection.Socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One line the bot sent, with the connection number (1-based) and the server's time.</summary>
    public sealed record ReceivedLine(int Connection, DateTimeOffset Time, string Line, string Command);

    private sealed class ClientConnection(int id, WebSocket socket)
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public int Id => id;

        public WebSocket Socket => socket;

        public volatile bool LoggedIn;

        public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

        /// <summary>Several lines in one frame, as Twitch does.</summary>
        public Task SendManyAsync(params string[] lines) => SendRawAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));

        public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text)
        {
            await _sendLock.WaitAsync();
            try
            {
                await socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}

/// <summary>A fake channel's modes: slow seconds, followers-only minutes (-1 off), subscribers- and emote-only.</summary>
public sealed record FakeRoom(int Slow = 0, int FollowersOnly = -1, bool SubsOnly = false, bool EmoteOnly = false)
{
    public static readonly FakeRoom Open = new();

    public string RoomStateLine(string channel) =>
        $"@emote-only={(EmoteOnly ? 1 : 0)};followers-only={FollowersOnly};r9k=0;room-id=456;slow={Slow};subs-only={(SubsOnly ? 1 : 0)} :tmi.twitch.tv ROOMSTATE #{channel}";

    public FakeRoom With(string tag, string value) => tag switch
    {
        "slow" => this with { Slow = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "followers-only" => this with { FollowersOnly = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "subs-only" => this with { SubsOnly = value == "1" },
        "emote-only" => this with { EmoteOnly = value == "1" },
        _ => this,
    };
}
