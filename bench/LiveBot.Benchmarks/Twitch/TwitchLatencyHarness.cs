using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using LiveBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveBot.Benchmarks.Twitch;

/// <summary>
/// Command -> reply latency over the real wire: the real bot (Kestrel 127.0.0.1:0, temp config and
/// LiteDB) with Twitch enabled against a loopback Twitch chat server (WebSocket, documented login and
/// JOIN sequence, the bot moderator in the channel so 100 messages / 30 s apply). The server pours
/// background chat at <c>--chat-rate</c> lines/s (10 lines per frame every 10 ms; plain chat, no
/// command, else its replies would share the send budget) and sends a
/// <c>!aide</c> from a new viewer <c>--commands</c> times per second, below the send limit so no reply
/// waits for the rate limiter. Latency = from just before the server writes the command's frame to the
/// moment it reads the threaded reply carrying that message id.
/// <code>dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness twitch-latency [--seconds 20] [--chat-rate 1000] [--commands 2]</code>
/// </summary>
public static class TwitchLatencyHarness
{
    public static void Register() => Harnesses.Register("twitch-latency", RunAsync);

    private static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var chatRate = Option(args, "--chat-rate", 1000);
        var commandsPerSecond = Option(args, "--commands", 2);
        await using var server = await LoopbackTwitchServer.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "livebot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "config"));
        var app = LiveBotApp.Build(
        [
            "--config-dir", Path.Combine(folder, "config"),
            "--urls", "http://127.0.0.1:0",
            "--Storage:Path", Path.Combine(folder, "data", "livebot.db"),
            "--LocalChat:Console", "false",
            "--Logging:LogLevel:Default", "Warning",
            "--Twitch:Enabled", "true",
            "--Twitch:Login", LoopbackTwitchServer.Login,
            "--Twitch:OAuthToken", "oauth:benchtoken",
            "--Twitch:Channels:0", LoopbackTwitchServer.Channel,
            "--Twitch:ServerUri", server.WebSocketUri.ToString(),
            "--Twitch:AuthBaseUri", server.AuthBaseUri.ToString(),
        ]);
        await app.StartAsync();
        try
        {
            await server.Joined.WaitAsync(TimeSpan.FromSeconds(15));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var background = PourChatAsync(server, chatRate, stop.Token);
            var sent = 0;
            using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / commandsPerSecond)))
            {
                while (await WaitTickAsync(timer, stop.Token))
                {
                    var id = "cmd-" + sent.ToString(CultureInfo.InvariantCulture);
                    await server.SendCommandAsync(id, "asker" + sent.ToString(CultureInfo.InvariantCulture), "!aide");
                    sent++;
                }
            }

            var chatLines = await background;
            await server.WaitForRepliesAsync(sent, TimeSpan.FromSeconds(5));
            var latencies = server.Latencies.Order().ToList();
            var health = app.Services.GetRequiredService<LiveBot.Twitch.TwitchChatClient>().GetHealth();
            Console.WriteLine($"bot: state {health.State}, {health.MessagesIn} lines in, {health.MessagesOut} out, {health.DroppedReplies} dropped, pending {health.Details?["pending"]}");
            Console.WriteLine($"twitch-latency: {seconds} s, background chat {chatLines / (double)seconds:0} lines/s, {sent} commands, {latencies.Count} replies, {sent - latencies.Count} missing, {server.RateBreaches} limit breaches");
            Console.WriteLine("| commands | replies | p50 | p95 | p99 | max |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| {sent} | {latencies.Count} | {Percentile(latencies, 0.50):0.0} ms | {Percentile(latencies, 0.95):0.0} ms | {Percentile(latencies, 0.99):0.0} ms | {(latencies.Count == 0 ? 0 : latencies[^1]):0.0} ms |");
            return latencies.Count == sent && server.RateBreaches == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<long> PourChatAsync(LoopbackTwitchServer server, int rate, CancellationToken cancellationToken)
    {
        var perTick = Math.Max(1, rate / 100);
        long sent = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var watch = Stopwatch.StartNew();
        while (await WaitTickAsync(timer, cancellationToken))
        {
            // Catch up when a tick came late, so the rate holds on a busy machine.
            var due = (long)(watch.Elapsed.TotalSeconds * rate);
            var batch = new StringBuilder();
            var count = 0;
            while (sent + count < due && count < perTick * 5)
            {
                batch.Append(TwitchLines.Line((int)(sent + count), commands: false)).Append("\r\n");
                count++;
            }

            if (count > 0)
            {
                await server.SendRawAsync(Encoding.UTF8.GetBytes(batch.ToString()));
                sent += count;
            }
        }

        return sent;
    }

    private static async Task<bool> WaitTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}

/// <summary>
/// Just enough of Twitch chat for the harness: login, JOIN (the bot is moderator), PING/PONG,
/// oauth2/validate; it timestamps every threaded reply and counts sends over 100 / 30 s.
/// </summary>
public sealed class LoopbackTwitchServer : IAsyncDisposable
{
    public const string Login = "livebot";
    public const string Channel = "apprentissage_live";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _asked = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<long> _sends = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private WebSocket? _socket;

    private LoopbackTwitchServer(WebApplication app) => _app = app;

    public Uri WebSocketUri { get; private set; } = null!;

    public Uri AuthBaseUri { get; private set; } = null!;

    public Task Joined => _joined.Task;

    public IReadOnlyCollection<double> Latencies => _latencies.ToArray();

    public int RateBreaches { get; private set; }

    public static async Task<LoopbackTwitchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackTwitchServer(app);
        app.UseWebSockets();
        app.MapGet("/oauth2/validate", () => Results.Json(new { client_id = "bench", login = Login, scopes = new[] { "chat:read", "chat:edit" }, user_id = "1", expires_in = 14_000 }));
        app.Map("/", server.AcceptAsync);
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        server.WebSocketUri = new Uri($"ws://127.0.0.1:{port}/");
        server.AuthBaseUri = new Uri($"http://127.0.0.1:{port}/");
        return server;
    }

    public Task SendCommandAsync(string id, string user, string text)
    {
        var line = $"@badge-info=;badges=;color=;display-name={user};emotes=;first-msg=0;flags=;id={id};mod=0;room-id=1;subscriber=0;tmi-sent-ts=1700000000000;turbo=0;user-id={user.GetHashCode() & 0x7FFFFFFF};user-type= :{user}!{user}@{user}.tmi.twitch.tv PRIVMSG #{Channel} :{text}\r\n";
        _asked[id] = Stopwatch.GetTimestamp();
        return SendRawAsync(Encoding.UTF8.GetBytes(line));
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        var socket = _socket ?? throw new InvalidOperationException("No connection.");
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task WaitForRepliesAsync(int count, TimeSpan timeout)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var watch = Stopwatch.StartNew();
        while (_latencies.Count < count && watch.Elapsed < timeout)
        {
            await timer.WaitForNextTickAsync();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var lines = pending.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                pending.Clear();
                foreach (var line in lines)
                {
                    await HandleAsync(socket, line, now);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
    }

    private async Task HandleAsync(WebSocket socket, string line, long now)
    {
        async Task Send(string text)
        {
            await _sendLock.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        if (line.StartsWith("NICK ", StringComparison.Ordinal))
        {
            _socket = socket;
            await Send($":tmi.twitch.tv 001 {Login} :Welcome, GLHF!\r\n:tmi.twitch.tv 376 {Login} :>\r\n");
        }
        else if (line.StartsWith("JOIN ", StringComparison.Ordinal))
        {
            await Send($":{Login}!{Login}@{Login}.tmi.twitch.tv JOIN #{Channel}\r\n@badges=moderator/1;mod=1 :tmi.twitch.tv USERSTATE #{Channel}\r\n");
            _joined.TrySetResult();
        }
        else if (line.StartsWith("PING ", StringComparison.Ordinal))
        {
            await Send(":tmi.twitch.tv PONG tmi.twitch.tv " + line[5..] + "\r\n");
        }
        else if (line.Contains("PRIVMSG #", StringComparison.Ordinal))
        {
            lock (_sends)
            {
                _sends.Enqueue(now);
                while (Stopwatch.GetElapsedTime(_sends.Peek(), now) > TimeSpan.FromSeconds(30))
                {
                    _sends.Dequeue();
                }

                if (_sends.Count > 100)
                {
                    RateBreaches++;
                }
            }

            const string prefix = "@reply-parent-msg-id=";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var id = line[prefix.Length..line.IndexOf(' ', StringComparison.Ordinal)];
                if (_asked.TryRemove(id, out var asked))
                {
                    _latencies.Add(Stopwatch.GetElapsedTime(asked, now).TotalMilliseconds);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sendLock.Dispose();
    }
}
