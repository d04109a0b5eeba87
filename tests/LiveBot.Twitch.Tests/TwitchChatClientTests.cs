using System.Text;
using System.Text.Json;
using LiveBot.Core.Chat;
using LiveBot.Testing;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;
using LiveBot.Twitch.Tests.Fakes;
using LiveBot.Twitch.Tests.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Twitch.Tests;

/// <summary>The real bot (BotHost) with Twitch enabled, against the fake Twitch server on loopback.</summary>
public sealed class TwitchChatClientTests
{
    [Fact]
    public async Task Start_GoodToken_LogsInInOrderAndJoinsEveryChannel()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings("oauth:" + FakeTwitchServer.GoodToken, "chan", "Autre"));
        var client = bot.Service<TwitchChatClient>();

        await WaitForAsync(client, () => client.ConnectedChannels.Count == 2);

        var lines = server.Received.Where(r => r.Connection == 1).Select(r => r.Line).ToList();
        Assert.Equal(
            ["CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership", "PASS oauth:" + FakeTwitchServer.GoodToken, "NICK livebot", "JOIN #chan", "JOIN #autre"],
            lines.Take(5));
        Assert.Equal(1, server.ValidateCount);
        var health = client.GetHealth();
        Assert.Equal(PlatformStates.Connected, health.State);
        Assert.Equal(["autre", "chan"], health.Channels);
        Assert.Null(health.Error);
    }

    [Fact]
    public async Task Privmsg_Command_GetsThreadedReplyThroughThePipeline()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        await server.WaitForJoinAsync("chan");

        var reply = server.WaitForLineAsync(r => r.Command == "PRIVMSG");
        await server.SayAsync("chan", "Alice", "!aide", id: "msg-1");

        Assert.StartsWith("@reply-parent-msg-id=msg-1 PRIVMSG #chan :Commandes : !aide", (await reply).Line, StringComparison.Ordinal);
        Assert.Equal(1, bot.Service<TwitchChatClient>().GetHealth().MessagesIn);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task Ping_FromServer_IsAnsweredWithPong()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        await server.WaitForJoinAsync("chan");

        var pong = server.WaitForLineAsync(r => r.Line == "PONG :tmi.twitch.tv");
        await server.PingAsync();

        await pong;
    }

    [Fact]
    public async Task Reconnect_AfterAbruptClose_NoLostCommandAndNoDuplicateReply()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        await server.WaitForJoinAsync("chan");
        var first = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await first;

        // m2 is read (the barrier proves it) but its reply still waits for the channel's 1 s spacing when the link drops.
        var lost = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m2 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Bob", "!aide", id: "m2");
        await server.BarrierAsync();
        server.Abort();
        await server.WaitForConnectionAsync(2);
        await server.WaitForJoinAsync("chan", connection: 2);
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        var after = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m3 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Carl", "!programme", id: "m3");

        await lost;
        await after;

        Assert.Single(server.Privmsgs, r => r.Line.Contains("=m1 ", StringComparison.Ordinal));
        Assert.Single(server.Privmsgs, r => r.Line.Contains("=m2 ", StringComparison.Ordinal));
        Assert.Equal(1, server.MaxLiveConnections);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task Reconnect_ServerSendsReconnect_OpensNewConnectionRejoinsAndAnswers()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        await server.WaitForJoinAsync("chan");

        var before = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=r1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Alice", "!aide", id: "r1");
        await server.ReconnectAsync();
        await server.WaitForConnectionAsync(2);
        await server.WaitForJoinAsync("chan", connection: 2);
        var after = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=r2 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Bob", "!aide", id: "r2");

        await before;
        Assert.Equal(2, (await after).Connection);
        Assert.Equal(2, server.Received.Count(r => r.Line == "NICK livebot"));
        Assert.Equal(1, server.MaxLiveConnections);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task Start_InvalidTokenWithoutRefresh_HealthzShowsAuthFailed()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings("revokedtoken"));
        var client = bot.Service<TwitchChatClient>();

        await WaitForAsync(client, () => client.State == PlatformStates.AuthFailed);

        using var document = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));
        var root = document.RootElement;
        Assert.Equal("degraded", root.GetProperty("status").GetString());
        var twitch = Assert.Single(root.GetProperty("platforms").EnumerateArray(), p => p.GetProperty("name").GetString() == "twitch");
        Assert.Equal("auth_failed", twitch.GetProperty("state").GetString());
        Assert.Equal(TwitchConnection.AuthFailedError, twitch.GetProperty("error").GetString());
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    public async Task Start_InvalidTokenWithRefreshCredentials_RefreshesAndLogsIn()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.AcceptedRefreshToken = "myrefresh";
        var settings = server.BotSettings("revokedtoken");
        settings["Twitch:ClientId"] = "client";
        settings["Twitch:ClientSecret"] = "secret";
        settings["Twitch:RefreshToken"] = "myrefresh";
        await using var bot = await BotHost.StartAsync(settings: settings);

        await server.WaitForJoinAsync("chan");

        Assert.Equal(1, server.RefreshCount);
        Assert.Contains(server.Received, r => r.Line == "PASS oauth:" + server.RefreshedAccessToken);
        Assert.Null(bot.Service<TwitchChatClient>().GetHealth().Error);
    }

    [Fact]
    public async Task Login_RejectedByChatWithRefreshCredentials_RefreshesAndRetriesAtOnce()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.RevokedTokens[FakeTwitchServer.GoodToken] = 0;
        server.AcceptedRefreshToken = "myrefresh";
        var settings = server.BotSettings();
        settings["Twitch:ClientId"] = "client";
        settings["Twitch:ClientSecret"] = "secret";
        settings["Twitch:RefreshToken"] = "myrefresh";
        await using var bot = await BotHost.StartAsync(settings: settings);

        await server.WaitForJoinAsync("chan", connection: 2);

        Assert.Equal(1, server.RefreshCount);
        Assert.Equal(["PASS oauth:" + FakeTwitchServer.GoodToken, "PASS oauth:" + server.RefreshedAccessToken],
            server.Received.Where(r => r.Command == "PASS").Select(r => r.Line));
        Assert.Equal(PlatformStates.Connected, bot.Service<TwitchChatClient>().State);
    }

    [Fact]
    public async Task Login_RejectedByChat_RetriesOnlyAfterFiveMinutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        server.RejectLogins = true;
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();

        await WaitForAsync(client, () => client.State == PlatformStates.AuthFailed);
        Assert.Equal(TwitchConnection.AuthFailedError, client.GetHealth().Error);
        Assert.Equal(1, server.ConnectionCount);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, server.ConnectionCount);
        server.RejectLogins = false;
        time.Advance(TimeSpan.FromMinutes(1));
        await server.WaitForConnectionAsync(2);
        await WaitForAsync(client, () => client.State == PlatformStates.Connected);
        Assert.Null(client.GetHealth().Error);
    }

    [Fact]
    public async Task KeepAlive_SilenceThenNoPong_PingsAndReconnects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        server.AnswerPings = false;
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await WaitForAsync(client, () => client.ConnectedChannels.Count == 1);

        var ping = server.WaitForLineAsync(r => r.Line == "PING :livebot");
        time.Advance(KeepAlive.Silence);
        await ping;
        time.Advance(KeepAlive.PongTimeout);
        await WaitForAsync(client, () => client.State == PlatformStates.Reconnecting);
        time.Advance(TimeSpan.FromSeconds(2));

        await server.WaitForConnectionAsync(2);
        Assert.Equal(1, server.MaxLiveConnections);
    }

    [Fact]
    public async Task Validate_EveryHour_AsksTwitchAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await server.WaitForJoinAsync("chan");
        await server.WaitForValidateAsync(1);

        time.Advance(TwitchTokens.ValidationInterval);

        await server.WaitForValidateAsync(2);
    }

    [Fact]
    public async Task Join_TwentyFiveChannels_PacesLoginAndJoinsTwentyPerTenSeconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        var channels = Enumerable.Range(1, 25).Select(i => "chaine" + i).ToArray();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(channels: channels), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();

        await WaitForAsync(client, () => client.ConnectedChannels.Count == 19);
        await server.BarrierAsync();
        Assert.Equal(19, server.Received.Count(r => r.Command == "JOIN"));

        time.Advance(TwitchLimits.JoinWindow + TimeSpan.FromSeconds(1));

        await WaitForAsync(client, () => client.ConnectedChannels.Count == 25);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task UserState_BotIsModerator_RaisesTheLimit()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.ModeratorChannels["chan"] = 0;
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(channels: ["chan", "autre"]));
        var client = bot.Service<TwitchChatClient>();

        await WaitForAsync(client, () => client.Outbox.IsPrivileged("chan") && client.ConnectedChannels.Count == 2);

        Assert.Equal(100, client.SendLimit.Messages);
        Assert.False(client.Outbox.IsPrivileged("autre"));
        Assert.Equal(["chan"], (IEnumerable<string>)client.GetHealth().Details!["moderatorIn"]!);
    }

    [Fact]
    public async Task Notice_Banned_BlocksTheChannelAndShowsOnHealthz()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        await server.WaitForJoinAsync("chan");

        await server.SendLineAsync("@msg-id=msg_banned :tmi.twitch.tv NOTICE #chan :You are permanently banned from talking in chan.");
        await server.BarrierAsync();

        var json = await bot.Http.GetStringAsync("healthz");
        Assert.Contains("\"blockedChannels\":{\"chan\":{\"reason\":\"banned\"", json, StringComparison.Ordinal);
        Assert.False(await bot.Service<TwitchChatClient>().EnqueueAsync(new OutgoingMessage("twitch", "chan", "x", DateTimeOffset.UnixEpoch), default));
    }

    [Fact]
    public async Task Raid_ManyAsksInANonModeratorChannel_MergesRepliesWithinTheLimits()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");

        var lines = string.Concat(Enumerable.Range(0, 30).Select(i => FakeTwitchServer.PrivmsgLine("chan", "User" + i, "!aide", id: "raid" + i) + "\r\n"));
        await server.SendRawAsync(Encoding.UTF8.GetBytes(lines));
        var outbox = client.Outbox;
        await OutboxWaits.UntilAsync(outbox, s => s.Sent + s.Pending + s.Merged == 30 && s.IsIdleAt(time.GetUtcNow()));

        for (var second = 0; second < 10 && outbox.PendingCount > 0; second++)
        {
            // The fake server stamps lines with the fake clock when it reads them: let it read before the clock moves.
            var written = (int)outbox.SentCount;
            await server.WaitForLineAsync(_ => server.Privmsgs.Count >= written);
            time.Advance(TimeSpan.FromSeconds(1));
            await OutboxWaits.IdleAsync(outbox, time);
        }

        var sent = (int)outbox.SentCount;
        await server.WaitForLineAsync(_ => server.Privmsgs.Count >= sent);

        // However the 30 replies were batched as they came in, a few messages answered all 30 askers.
        Assert.Contains(server.Privmsgs, r => r.Line.StartsWith("PRIVMSG #chan :@User", StringComparison.Ordinal));
        Assert.InRange(sent, 1, 2);
        Assert.Equal(sent, server.Privmsgs.Count);
        Assert.Equal(30, outbox.SentCount + outbox.MergedCount);
        Assert.Equal(0, outbox.DroppedCount);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task ReadLoop_RandomBytesAndRandomLines_NeverDies()
    {
        await using var server = await FakeTwitchServer.StartAsync();
        server.ModeratorChannels["chan"] = 0; // random USERSTATEs may make the bot think otherwise: it then only sends slower
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings());
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");
        var random = new Random(3);

        for (var i = 0; i < 300; i++)
        {
            if (i % 2 == 0)
            {
                var bytes = new byte[random.Next(1, 3000)];
                random.NextBytes(bytes);
                await server.SendBinaryAsync(bytes);
            }
            else
            {
                await server.SendLineAsync(RandomLine(random));
            }
        }

        await server.SendRawAsync("\r\n"u8.ToArray());
        var reply = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=alive ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Zoe", "!aide", id: "alive");

        await reply;
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(PlatformStates.Connected, client.State);
        Assert.Empty(server.Limits.Breaches);
    }

    /// <summary>A line that looks like IRC: random tags with escapes, source, command and params, odd characters.</summary>
    private static string RandomLine(Random random)
    {
        string[] commands = ["PRIVMSG", "NOTICE", "USERSTATE", "ROOMSTATE", "CLEARCHAT", "CLEARMSG", "JOIN", "PART", "USERNOTICE", "WHISPER", "HOSTTARGET", "001", "353", "", "PONG"];
        string[] pieces = ["", " ", "  ", ":", ";", "=", "\\", "\\s", "\\:", "#", "@", "!", "\u0001ACTION ", "é", "🎉", "\u202E", "\0", "!aide", "x"];
        string Piece() => string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
        var builder = new StringBuilder();
        if (random.Next(2) == 0)
        {
            builder.Append('@');
            for (var t = random.Next(0, 6); t > 0; t--)
            {
                builder.Append(random.Next(2) == 0 ? "badges" : "k" + random.Next(9)).Append(Piece()).Append('=').Append(Piece()).Append(';');
            }

            builder.Append(' ');
        }

        if (random.Next(3) > 0)
        {
            builder.Append(':').Append("u").Append(Piece()).Append("!u@u.tmi.twitch.tv ");
        }

        builder.Append(commands[random.Next(commands.Length)]).Append(' ');
        builder.Append(random.Next(2) == 0 ? "#chan" : Piece()).Append(' ');
        builder.Append(':').Append(Piece()).Append(Piece());
        return builder.ToString().Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Awaits <paramref name="condition"/> through the client's change events (no polling, no sleep).</summary>
    private static async Task WaitForAsync(TwitchChatClient client, Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        client.Status.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            client.Status.Changed -= Check;
        }
    }
}
