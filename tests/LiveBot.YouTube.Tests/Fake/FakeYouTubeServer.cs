using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using LiveBot.YouTube.Quota;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiveBot.YouTube.Tests.Fake;

/// <summary>
/// A local YouTube Data API v3 + OAuth token endpoint on Kestrel 127.0.0.1:0, speaking the documented wire
/// format (see specs/youtube-live-chat.md): lives and their chats, page tokens, polling intervals,
/// per-method quota with quotaExceeded, gzip request bodies, error injection. Its clock is the bot's
/// <see cref="TimeProvider"/>, so it can tell when the bot polls sooner than it was told to.
/// </summary>
public sealed class FakeYouTubeServer : IAsyncDisposable
{
    public const string ClientId = "client-id.apps.example";
    public const string ClientSecret = "client-secret";
    public const string RefreshToken = "refresh-token-1";
    public const string BotChannelId = "UCbot";
    public const string AuthorizationCode = "4/good-code";
    public const string LoginRefreshToken = "refresh-token-from-login";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeLive> _lives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(int Status, string? Reason)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _stalls = new(StringComparer.Ordinal);
    private readonly List<(TaskCompletionSource Done, Func<bool> Condition)> _waiters = [];
    private string _quotaDay = "";
    private int _nextId;
    private long _streamEvents;
    private int _streamsClosedByClient;

    private FakeYouTubeServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Root of the API ("http://127.0.0.1:port/"), for <c>YouTube:ApiBaseUri</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The OAuth token endpoint, for <c>YouTube:TokenUri</c>.</summary>
    public Uri TokenUri => new(BaseUri, "token");

    /// <summary>Units a day before quotaExceeded.</summary>
    public int DailyBudget { get; set; } = 1_000_000;

    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>How many history items the first list call of a chat returns.</summary>
    public int BacklogSize { get; set; } = 20;

    public int UnitsSpent { get; private set; }

    public Dictionary<string, int> UnitsByMethod { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public int TokenRequests { get; private set; }

    /// <summary>Every list call made sooner than the polling interval announced before it.</summary>
    public List<string> PacingViolations { get; } = [];

    /// <summary>Messages the bot posted, in order.</summary>
    public List<FakeChatItem> Inserted { get; } = [];

    public List<string> Deleted { get; } = [];

    /// <summary>Insert bodies that came gzipped.</summary>
    public int GzipBodies { get; private set; }

    /// <summary>When set (404, 405, 501), the streamList endpoint answers this status with no Data API error, as if not served.</summary>
    public int? StreamUnavailableStatus { get; set; }

    /// <summary>
    /// Stream responses queued for open connections plus the ends the server chose (drops, closed arrays
    /// without a live-end marker): the bot has read everything once its own count reaches this.
    /// </summary>
    public long StreamEvents
    {
        get
        {
            lock (_lock)
            {
                return _streamEvents;
            }
        }
    }

    /// <summary>Stream connections the bot closed itself (it falls back to polling, or leaves).</summary>
    public int StreamsClosedByClient
    {
        get
        {
            lock (_lock)
            {
                return _streamsClosedByClient;
            }
        }
    }

    /// <summary>Raised after a stream connection ended, whoever ended it.</summary>
    public event Action? StreamClosed;

    /// <summary>When set, streamList connections answer 200 and then send nothing at all (a broken stream).</summary>
    public bool StreamSilent { get; set; }

    /// <summary>
    /// When set, open streamList connections send nothing more after their first response while the chat goes
    /// on (a stalled stream: the connection stays open, liveChatMessages.list still sees everything).
    /// </summary>
    public bool StreamGoesSilent { get; set; }

    /// <summary>Items the streams never deliver (liveChatMessages.list still returns them); their page tokens move past them.</summary>
    public Func<FakeChatItem, bool>? StreamMisses { get; set; }

    /// <summary>The pageToken of every streamList connection, in order ("" for none).</summary>
    public List<string> StreamPageTokens { get; } = [];

    public static async Task<FakeYouTubeServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeYouTubeServer? server = null;
        app.MapPost("/token", (HttpContext c) => server!.TokenAsync(c));
        app.MapGet("/youtube/v3/videos", (HttpContext c) => server!.HandleAsync(c, "videos.list", 1, server.Videos));
        app.MapGet("/youtube/v3/liveBroadcasts", (HttpContext c) => server!.HandleAsync(c, "liveBroadcasts.list", 1, server.Broadcasts));
        app.MapGet("/youtube/v3/liveChat/messages", (HttpContext c) => server!.HandleAsync(c, "liveChatMessages.list", 5, server.List));
        app.MapGet("/youtube/v3/liveChat/messages/stream", (HttpContext c) => server!.StreamAsync(c));
        app.MapPost("/youtube/v3/liveChat/messages", (HttpContext c) => server!.HandleAsync(c, "liveChatMessages.insert", 20, server.Insert));
        app.MapDelete("/youtube/v3/liveChat/messages", (HttpContext c) => server!.HandleAsync(c, "liveChatMessages.delete", 20, server.Delete));
        await app.StartAsync();
        server = new FakeYouTubeServer(app, time);
        return server;
    }

    // ------------------------------------------------------------------ scenario

    /// <summary>Starts a live (its video and chat) with <paramref name="history"/> messages already said.</summary>
    public FakeLive StartLive(string liveChatId = "chat-1", string videoId = "video-1", int history = 0)
    {
        lock (_lock)
        {
            var live = new FakeLive(liveChatId, videoId) { StartedAt = _time.GetUtcNow() };
            _lives[liveChatId] = live;
            for (var i = 0; i < history; i++)
            {
                AddLocked(live, "UCold" + i, "ancien" + i, i % 2 == 0 ? "!aide" : "salut", default);
            }

            return live;
        }
    }

    /// <summary>A viewer says <paramref name="text"/>; returns the message id.</summary>
    public string Say(string liveChatId, string author, string text, AuthorFlags flags = default)
    {
        lock (_lock)
        {
            var live = _lives[liveChatId];
            var id = AddLocked(live, "UC" + author, author, text, flags).Id;
            PushLocked(live);
            Notify();
            return id;
        }
    }

    /// <summary>
    /// A super chat (<c>superChatEvent</c>, €5.00) with <paramref name="comment"/> as YouTube sends it:
    /// the comment in <c>superChatDetails.userComment</c>, none when null.
    /// </summary>
    public string SaySuperChat(string liveChatId, string author, string? comment) =>
        SayEvent(liveChatId, author, "superChatEvent", comment is null ? "€5.00 de " + author : $"€5.00 de {author} : \"{comment}\"", "superChatDetails", new JsonObject
        {
            ["amountMicros"] = "5000000",
            ["currency"] = "EUR",
            ["amountDisplayString"] = "€5.00",
            ["userComment"] = comment,
            ["tier"] = 2,
        });

    /// <summary>A member's milestone message (<c>memberMilestoneChatEvent</c>, 6 months) with <paramref name="comment"/>.</summary>
    public string SayMemberMilestone(string liveChatId, string author, string? comment) =>
        SayEvent(liveChatId, author, "memberMilestoneChatEvent", comment ?? "", "memberMilestoneChatDetails", new JsonObject
        {
            ["userComment"] = comment,
            ["memberMonth"] = 6,
            ["memberLevelName"] = "Membre",
        });

    private string SayEvent(string liveChatId, string author, string type, string display, string detailsKey, JsonObject details)
    {
        lock (_lock)
        {
            var live = _lives[liveChatId];
            var item = AddLocked(live, "UC" + author, author, display, new AuthorFlags(Sponsor: type == "memberMilestoneChatEvent"));
            var snippet = (JsonObject)item.Json["snippet"]!;
            snippet["type"] = type;
            snippet.Remove("textMessageDetails");
            if (details["userComment"] is null)
            {
                details.Remove("userComment");
            }

            snippet[detailsKey] = details;
            PushLocked(live);
            Notify();
            return item.Id;
        }
    }

    /// <summary>Adds any raw item (other event types, hostile content).</summary>
    public void AddRaw(string liveChatId, JsonObject item)
    {
        lock (_lock)
        {
            var live = _lives[liveChatId];
            live.Items.Add(new FakeChatItem(item["id"]?.GetValue<string>() ?? NewId(), item, _time.GetUtcNow()));
            PushLocked(live);
        }
    }

    public enum EndMode
    {
        ChatEndedEvent,
        OfflineAt,
        LiveChatEndedError,
    }

    public void EndLive(string liveChatId, EndMode mode)
    {
        lock (_lock)
        {
            var live = _lives[liveChatId];
            live.Ended = true;
            live.EndMode = mode;
            if (mode == EndMode.ChatEndedEvent)
            {
                var id = NewId();
                live.Items.Add(new FakeChatItem(id, new JsonObject
                {
                    ["kind"] = "youtube#liveChatMessage",
                    ["id"] = id,
                    ["snippet"] = new JsonObject { ["type"] = "chatEndedEvent", ["liveChatId"] = liveChatId, ["publishedAt"] = Stamp(), ["hasDisplayContent"] = false },
                }, _time.GetUtcNow()));
            }

            // Open streams: the end marker (event or offlineAt) then the closed array; a bare close for the error mode.
            foreach (var stream in live.Streams)
            {
                if (mode == EndMode.LiveChatEndedError)
                {
                    _streamEvents++;
                }
                else
                {
                    _streamEvents++;
                    stream.Out.Writer.TryWrite(StreamResponse(live, stream.Cursor, mode == EndMode.OfflineAt).ToJsonString());
                }

                stream.Out.Writer.TryWrite(EndClean);
            }

            live.Streams.Clear();
        }
    }

    /// <summary>
    /// Every open stream connection ends: without closing its array (a dropped connection), or with
    /// <paramref name="clean"/> by closing it (the server ending a long call).
    /// </summary>
    public void DropStreams(bool clean = false)
    {
        lock (_lock)
        {
            foreach (var live in _lives.Values)
            {
                foreach (var stream in live.Streams)
                {
                    _streamEvents++;
                    stream.Out.Writer.TryWrite(clean ? EndClean : EndDropped);
                }

                live.Streams.Clear();
            }
        }
    }

    /// <summary>Open stream connections of every live.</summary>
    public int OpenStreams
    {
        get
        {
            lock (_lock)
            {
                return _lives.Values.Sum(l => l.Streams.Count);
            }
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail this way ("token" for the token endpoint).</summary>
    public void Fail(string method, int status, string? reason, int times = 1)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<(int, string?)>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, reason));
            }
        }
    }

    /// <summary>The next call of <paramref name="method"/> never answers; the task completes when it arrived.</summary>
    public Task Stall(string method)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _stalls[method] = arrived;
        }

        return arrived.Task;
    }

    /// <summary>Every access token issued so far stops working (as when Google revokes them).</summary>
    public void RevokeAccessTokens()
    {
        lock (_lock)
        {
            _tokens.Clear();
        }
    }

    public int CallsOf(string method)
    {
        lock (_lock)
        {
            return Calls.GetValueOrDefault(method);
        }
    }

    public IReadOnlyList<FakeChatItem> InsertedSnapshot()
    {
        lock (_lock)
        {
            return Inserted.ToList();
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked after every request).</summary>
    public Task WaitUntilAsync(Func<bool> condition)
    {
        lock (_lock)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, condition));
            return done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var stall in _stalls.Values)
            {
                stall.TrySetResult();
            }

            foreach (var live in _lives.Values)
            {
                foreach (var stream in live.Streams)
                {
                    stream.Out.Writer.TryComplete();
                }

                live.Streams.Clear();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ------------------------------------------------------------------ OAuth

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var (status, body) = Token(form);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body);
    }

    private (int Status, Dictionary<string, object> Body) Token(IFormCollection form)
    {
        lock (_lock)
        {
            TokenRequests++;
            if (_failures.TryGetValue("token", out var queue) && queue.TryDequeue(out var failure))
            {
                return (failure.Status, new() { ["error"] = failure.Reason ?? "invalid_grant", ["error_description"] = "injected" });
            }

            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return (401, new() { ["error"] = "invalid_client", ["error_description"] = "The OAuth client was not found." });
            }

            if (form["grant_type"] == "authorization_code" && form["code"] == AuthorizationCode
                && form["redirect_uri"].ToString().StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            {
                return (200, new() { ["access_token"] = "access-login", ["refresh_token"] = LoginRefreshToken, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
            }

            if (form["grant_type"] != "refresh_token" || form["refresh_token"] != RefreshToken)
            {
                return (400, new() { ["error"] = "invalid_grant", ["error_description"] = "Token has been expired or revoked." });
            }

            var token = "access-" + Interlocked.Increment(ref _nextId);
            _tokens[token] = _time.GetUtcNow().AddSeconds(TokenLifetimeSeconds);
            return (200, new()
            {
                ["access_token"] = token,
                ["expires_in"] = TokenLifetimeSeconds,
                ["token_type"] = "Bearer",
                ["scope"] = "https://www.googleapis.com/auth/youtube.force-ssl",
            });
        }
    }

    // ------------------------------------------------------------------ Data API

    private delegate Task<IResult> Handler(HttpContext context);

    private async Task HandleAsync(HttpContext context, string method, int cost, Handler handler)
    {
        TaskCompletionSource? stall;
        lock (_lock)
        {
            _stalls.Remove(method, out stall);
        }

        if (stall is not null)
        {
            lock (_lock)
            {
                Calls[method] = Calls.GetValueOrDefault(method) + 1;
            }

            stall.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        IResult? rejected;
        lock (_lock)
        {
            rejected = Precheck(context, method);
        }

        var result = rejected ?? await handler(context);

        lock (_lock)
        {
            // Counted once answered, so a test that saw the call also sees its effect.
            Calls[method] = Calls.GetValueOrDefault(method) + 1;
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
            Spend(method, status is >= 200 and < 300 ? cost : status == 403 && IsQuotaError(result) ? 0 : 1);
            Notify();
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>Auth, quota and injected failures; null when the call may go on.</summary>
    private IResult? Precheck(HttpContext context, string method)
    {
        var today = PacificDay.Of(_time.GetUtcNow());
        if (today != _quotaDay)
        {
            _quotaDay = today;
            UnitsSpent = 0;
            UnitsByMethod.Clear();
        }

        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
        if (!_tokens.TryGetValue(token, out var expires) || expires <= _time.GetUtcNow())
        {
            return Error(401, "authError", "Request had invalid authentication credentials.");
        }

        if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
        {
            return Error(failure.Status, failure.Reason ?? "backendError", "injected failure");
        }

        if (UnitsSpent >= DailyBudget)
        {
            return Error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
        }

        return null;
    }

    private Task<IResult> Videos(HttpContext context)
    {
        var ids = context.Request.Query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        lock (_lock)
        {
            var items = new JsonArray();
            foreach (var live in _lives.Values.Where(l => ids.Contains(l.VideoId)))
            {
                var details = new JsonObject { ["actualStartTime"] = Stamp(live.StartedAt) };
                if (!live.Ended)
                {
                    details["activeLiveChatId"] = live.LiveChatId;
                }

                items.Add(new JsonObject { ["kind"] = "youtube#video", ["id"] = live.VideoId, ["liveStreamingDetails"] = details });
            }

            return Task.FromResult(Json(new JsonObject { ["kind"] = "youtube#videoListResponse", ["etag"] = "e", ["items"] = items }));
        }
    }

    private Task<IResult> Broadcasts(HttpContext context)
    {
        var query = context.Request.Query;
        var filters = new[] { "broadcastStatus", "id", "mine" }.Count(k => query.ContainsKey(k));
        if (filters != 1)
        {
            return Task.FromResult(Error(400, "incompatibleParameters", "Give exactly one of broadcastStatus, id, mine."));
        }

        // Like YouTube: broadcastType defaults to "event", which leaves out "Stream now" lives (persistent broadcasts).
        var type = query.ContainsKey("broadcastType") ? query["broadcastType"].ToString() : "event";
        if (type is not ("all" or "event" or "persistent"))
        {
            return Task.FromResult(Error(400, "invalidValue", "Invalid value for broadcastType."));
        }

        lock (_lock)
        {
            var items = new JsonArray();
            foreach (var live in _lives.Values.Where(l => (!l.Ended || query["broadcastStatus"] != "active") && (type == "all" || (type == "persistent") == l.StreamNow)))
            {
                items.Add(new JsonObject
                {
                    ["kind"] = "youtube#liveBroadcast",
                    ["id"] = live.VideoId,
                    ["snippet"] = new JsonObject { ["title"] = "Live apprentissage", ["liveChatId"] = live.LiveChatId, ["actualStartTime"] = Stamp(live.StartedAt) },
                });
            }

            return Task.FromResult(Json(new JsonObject { ["kind"] = "youtube#liveBroadcastListResponse", ["etag"] = "e", ["items"] = items }));
        }
    }

    private Task<IResult> List(HttpContext context)
    {
        var query = context.Request.Query;
        var chatId = query["liveChatId"].ToString();
        var pageToken = query["pageToken"].ToString();
        lock (_lock)
        {
            if (!_lives.TryGetValue(chatId, out var live))
            {
                return Task.FromResult(Error(404, "liveChatNotFound", "The live chat that you are trying to retrieve cannot be found."));
            }

            if (live.Disabled)
            {
                return Task.FromResult(Error(403, "liveChatDisabled", "Live chat is not enabled for the specified broadcast."));
            }

            var now = _time.GetUtcNow();
            if (live.LastListAt is { } last && now - last < live.AnnouncedInterval)
            {
                PacingViolations.Add($"{chatId}: {(now - last).TotalMilliseconds} ms after the previous call, {live.AnnouncedInterval.TotalMilliseconds} ms announced");
                live.LastListAt = now;
                return Task.FromResult(Error(403, "rateLimitExceeded", "The request was sent too soon after the previous one."));
            }

            int start;
            if (string.IsNullOrEmpty(pageToken))
            {
                start = Math.Max(0, live.Items.Count - BacklogSize);
            }
            else if (!pageToken.StartsWith('p') || !int.TryParse(pageToken[1..], out start) || start < 0 || start > live.Items.Count)
            {
                return Task.FromResult(Error(400, "pageTokenInvalid", "The page token is invalid."));
            }

            if (live.Ended && start >= live.Items.Count && live.EndMode != EndMode.OfflineAt)
            {
                return Task.FromResult(Error(403, "liveChatEnded", "The live chat is no longer live."));
            }

            if (live.Ended && live.EndMode == EndMode.LiveChatEndedError)
            {
                return Task.FromResult(Error(403, "liveChatEnded", "The live chat is no longer live."));
            }

            live.LastListAt = now;
            live.AnnouncedInterval = live.PollingInterval;
            var items = new JsonArray();
            foreach (var item in live.Items.Skip(start))
            {
                items.Add(item.Json.DeepClone());
            }

            var response = new JsonObject
            {
                ["kind"] = "youtube#liveChatMessageListResponse",
                ["etag"] = "e" + live.Items.Count,
                ["nextPageToken"] = "p" + live.Items.Count,
                ["pollingIntervalMillis"] = (long)live.PollingInterval.TotalMilliseconds,
                ["pageInfo"] = new JsonObject { ["totalResults"] = items.Count, ["resultsPerPage"] = items.Count },
                ["items"] = items,
            };
            if (live.Ended && live.EndMode == EndMode.OfflineAt)
            {
                response["offlineAt"] = Stamp();
            }

            return Task.FromResult(Json(response));
        }
    }

    private const string EndClean = "]";
    private const string EndDropped = "";

    /// <summary>
    /// liveChatMessages.streamList over REST: <c>[</c> + the first response (history, or what followed
    /// pageToken), then <c>,</c> + one response per new item, each flushed at once; 5 units per connection.
    /// </summary>
    private async Task StreamAsync(HttpContext context)
    {
        const string method = "liveChatMessages.streamList";
        FakeStream? stream = null;
        IResult? rejected = null;
        string? first = null;
        lock (_lock)
        {
            Calls[method] = Calls.GetValueOrDefault(method) + 1;
            if (StreamUnavailableStatus is { } unavailable)
            {
                Notify();
                rejected = Results.StatusCode(unavailable);
            }
            else
            {
                rejected = Precheck(context, method) ?? OpenStreamLocked(context, out stream, out first);
                var status = (rejected as IStatusCodeHttpResult)?.StatusCode ?? 200;
                Spend(method, rejected is null ? 5 : status == 403 && IsQuotaError(rejected) ? 0 : 1);
                Notify();
            }
        }

        if (rejected is not null)
        {
            await rejected.ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=UTF-8";
        try
        {
            if (StreamSilent)
            {
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            await context.Response.WriteAsync("[" + first, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var next in stream!.Out.Reader.ReadAllAsync(context.RequestAborted))
            {
                if (next == EndDropped)
                {
                    return;
                }

                await context.Response.WriteAsync(next == EndClean ? "]" : "," + next, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                if (next == EndClean)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_lock)
            {
                stream!.Live.Streams.Remove(stream);
                if (context.RequestAborted.IsCancellationRequested)
                {
                    _streamsClosedByClient++;
                }
            }

            StreamClosed?.Invoke();
        }
    }

    private IResult? OpenStreamLocked(HttpContext context, out FakeStream? stream, out string? first)
    {
        stream = null;
        first = null;
        var query = context.Request.Query;
        var chatId = query["liveChatId"].ToString();
        var pageToken = query["pageToken"].ToString();
        StreamPageTokens.Add(pageToken);
        if (!_lives.TryGetValue(chatId, out var live))
        {
            return Error(404, "liveChatNotFound", "The live chat that you are trying to retrieve cannot be found.");
        }

        if (live.Disabled)
        {
            return Error(403, "liveChatDisabled", "Live chat is not enabled for the specified broadcast.");
        }

        int start;
        if (string.IsNullOrEmpty(pageToken))
        {
            start = Math.Max(0, live.Items.Count - BacklogSize);
        }
        else if (!pageToken.StartsWith('p') || !int.TryParse(pageToken[1..], out start) || start < 0 || start > live.Items.Count)
        {
            return Error(400, "pageTokenInvalid", "The page token is invalid.");
        }

        if (live.Ended && (live.EndMode == EndMode.LiveChatEndedError || (start >= live.Items.Count && live.EndMode != EndMode.OfflineAt)))
        {
            return Error(403, "liveChatEnded", "The live chat is no longer live.");
        }

        stream = new FakeStream(live, context.RequestAborted) { Cursor = start };
        if (StreamSilent)
        {
            return null;
        }

        first = StreamResponse(live, stream.Cursor, live.Ended && live.EndMode == EndMode.OfflineAt).ToJsonString();
        _streamEvents++;
        stream.Cursor = live.Items.Count;
        if (live.Ended)
        {
            // What was left carries the end marker: the bot leaves after it.
            stream.Out.Writer.TryWrite(EndClean);
        }
        else
        {
            live.Streams.Add(stream);
        }

        return null;
    }

    /// <summary>Queues the items added since each open stream's cursor as one response.</summary>
    private void PushLocked(FakeLive live)
    {
        foreach (var stream in live.Streams)
        {
            if (stream.Cursor >= live.Items.Count || stream.Aborted.IsCancellationRequested)
            {
                continue;
            }

            if (StreamGoesSilent || live.Items.Skip(stream.Cursor).All(i => StreamMisses?.Invoke(i) == true))
            {
                stream.Cursor = live.Items.Count;
                continue;
            }

            _streamEvents++;
            stream.Out.Writer.TryWrite(StreamResponse(live, stream.Cursor, offline: false).ToJsonString());
            stream.Cursor = live.Items.Count;
        }
    }

    private JsonObject StreamResponse(FakeLive live, int start, bool offline)
    {
        var items = new JsonArray();
        foreach (var item in live.Items.Skip(start).Where(i => StreamMisses?.Invoke(i) != true))
        {
            items.Add(item.Json.DeepClone());
        }

        var response = new JsonObject
        {
            ["kind"] = "youtube#liveChatMessageListResponse",
            ["etag"] = "e" + live.Items.Count,
            ["nextPageToken"] = "p" + live.Items.Count,
            ["pageInfo"] = new JsonObject { ["totalResults"] = items.Count, ["resultsPerPage"] = items.Count },
            ["items"] = items,
        };
        if (offline)
        {
            response["offlineAt"] = Stamp();
        }

        return response;
    }

    private async Task<IResult> Insert(HttpContext context)
    {
        Stream body = context.Request.Body;
        var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        JsonNode? json;
        try
        {
            json = await JsonNode.ParseAsync(body);
        }
        catch (JsonException)
        {
            return Error(400, "parseError", "Unreadable body.");
        }

        var chatId = json?["snippet"]?["liveChatId"]?.GetValue<string>() ?? "";
        var text = json?["snippet"]?["textMessageDetails"]?["messageText"]?.GetValue<string>() ?? "";
        lock (_lock)
        {
            if (gzip)
            {
                GzipBodies++;
            }

            if (!_lives.TryGetValue(chatId, out var live))
            {
                return Error(404, "liveChatNotFound", "The live chat cannot be found.");
            }

            if (live.Ended)
            {
                return Error(403, "liveChatEnded", "The live chat is no longer live.");
            }

            if (text.Length is 0 or > 200)
            {
                return Error(400, "messageTextInvalid", "The message text is invalid.");
            }

            var item = AddLocked(live, BotChannelId, "LiveBot", text, default);
            Inserted.Add(item);
            PushLocked(live);
            return Json(item.Json.DeepClone());
        }
    }

    private Task<IResult> Delete(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        lock (_lock)
        {
            foreach (var live in _lives.Values)
            {
                if (live.Items.RemoveAll(i => i.Id == id) > 0)
                {
                    Deleted.Add(id);
                    return Task.FromResult(Results.NoContent());
                }
            }

            return Task.FromResult(Error(404, "liveChatMessageNotFound", "The message cannot be found."));
        }
    }

    // ------------------------------------------------------------------ helpers

    private FakeChatItem AddLocked(FakeLive live, string channelId, string name, string text, AuthorFlags flags)
    {
        var id = NewId();
        var json = new JsonObject
        {
            ["kind"] = "youtube#liveChatMessage",
            ["etag"] = "e" + id,
            ["id"] = id,
            ["snippet"] = new JsonObject
            {
                ["type"] = "textMessageEvent",
                ["liveChatId"] = live.LiveChatId,
                ["authorChannelId"] = channelId,
                ["publishedAt"] = Stamp(),
                ["hasDisplayContent"] = true,
                ["displayMessage"] = text,
                ["textMessageDetails"] = new JsonObject { ["messageText"] = text },
            },
            ["authorDetails"] = new JsonObject
            {
                ["channelId"] = channelId,
                ["channelUrl"] = "http://www.youtube.com/channel/" + channelId,
                ["displayName"] = name,
                ["profileImageUrl"] = "https://yt3.example/p.jpg",
                ["isVerified"] = false,
                ["isChatOwner"] = flags.Owner,
                ["isChatSponsor"] = flags.Sponsor,
                ["isChatModerator"] = flags.Moderator,
            },
        };
        var item = new FakeChatItem(id, json, _time.GetUtcNow()) { Text = text, Author = name };
        live.Items.Add(item);
        return item;
    }

    private string NewId() => "LCC." + Interlocked.Increment(ref _nextId).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private string Stamp() => Stamp(_time.GetUtcNow());

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    private void Spend(string method, int units)
    {
        UnitsSpent += units;
        UnitsByMethod[method] = UnitsByMethod.GetValueOrDefault(method) + units;
    }

    private void Notify()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition())
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private static bool IsQuotaError(IResult result) => result is ErrorResult { Reason: "quotaExceeded" };

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json; charset=UTF-8");

    private static IResult Error(int status, string reason, string message) => new ErrorResult(status, reason, message);

    private sealed class ErrorResult(int status, string reason, string message) : IResult, IStatusCodeHttpResult
    {
        public string Reason => reason;

        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=UTF-8";
            var domain = reason switch
            {
                "quotaExceeded" or "rateLimitExceeded" => "youtube.quota",
                "authError" => "global",
                _ => "youtube.liveChat",
            };
            var body = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = status,
                    ["message"] = message,
                    ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason }),
                },
            };
            return httpContext.Response.WriteAsync(body.ToJsonString());
        }
    }
}

/// <summary>The roles YouTube shows on a message's author.</summary>
public readonly record struct AuthorFlags(bool Owner = false, bool Moderator = false, bool Sponsor = false);

public sealed class FakeLive(string liveChatId, string videoId)
{
    public string LiveChatId { get; } = liveChatId;

    public string VideoId { get; } = videoId;

    public List<FakeChatItem> Items { get; } = [];

    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool Ended { get; set; }

    public FakeYouTubeServer.EndMode EndMode { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Started with "Stream now" (a persistent broadcast) rather than as a scheduled event.</summary>
    public bool StreamNow { get; set; }

    /// <summary>When the live began (actualStartTime); tests may move it back to play a bot restarted mid-live.</summary>
    public DateTimeOffset StartedAt { get; set; }

    internal DateTimeOffset? LastListAt { get; set; }

    internal TimeSpan AnnouncedInterval { get; set; }

    internal List<FakeStream> Streams { get; } = [];
}

/// <summary>One open streamList connection: what it still has to write, and how far in the chat it is.</summary>
internal sealed class FakeStream(FakeLive live, CancellationToken aborted)
{
    public FakeLive Live { get; } = live;

    /// <summary>The bot closed this connection.</summary>
    public CancellationToken Aborted { get; } = aborted;

    public Channel<string> Out { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public int Cursor { get; set; }
}

public sealed record FakeChatItem(string Id, JsonObject Json, DateTimeOffset At)
{
    public string Text { get; init; } = "";

    public string Author { get; init; } = "";
}
