using LiveBot.Core.Chat;
using LiveBot.Testing;
using LiveBot.Twitch.Tests.Fakes;
using LiveBot.Twitch.Tests.Irc;
using LiveBot.Twitch.Tests.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Twitch.Tests;

/// <summary>
/// What Twitch refuses and the modes it announces (issue 11): the real bot against the fake server, which sends
/// the NOTICE and ROOMSTATE lines of recorded Twitch traffic. Fake time throughout.
/// </summary>
public sealed class RefusalTests
{
    public static TheoryData<string, string> RefusalLines => new()
    {
        { "msg_duplicate", "Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago." },
        { "msg_slowmode", "This room is in slow mode and you are sending messages too quickly. You will be able to talk again in 3 seconds." },
        { "msg_followersonly", "This room is in 10 minutes followers-only mode. Follow chan to join the community!" },
        { "msg_subsonly", "This room is in subscribers-only mode. To talk, purchase a channel subscription at https://www.twitch.tv/products/chan/ticket?ref=subscriber_only_mode_chat." },
        { "msg_emoteonly", "This room is in emote-only mode." },
        { "msg_r9k", "This room is in unique-chat mode and the message you attempted to send is not unique." },
        { "msg_suspended", "You don't have permission to perform that action." },
        { "msg_requires_verified_phone_number", "A verified phone number is required to chat in this channel. Please visit https://www.twitch.tv/settings/security to verify your phone number." },
        { "msg_verified_email", "This room requires a verified account to chat. Please verify your account at https://www.twitch.tv/settings/security." },
    };

    [Theory]
    [MemberData(nameof(RefusalLines))]
    public async Task Notice_RefusedMessage_CountsAsDroppedWithItsReason_Issue11(string msgId, string text)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var outbox = bot.Service<TwitchChatClient>().Outbox;
        await server.WaitForJoinAsync("chan");
        server.RefuseNext.Enqueue($"@msg-id={msgId} :tmi.twitch.tv NOTICE #chan :{text}");

        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await OutboxWaits.UntilAsync(outbox, s => s.Dropped == 1);

        Assert.Equal(0, outbox.SentCount);
        Assert.Equal(0, outbox.Status.Answered);
        Assert.Equal(new Dictionary<string, long> { [msgId] = 1 }, outbox.DroppedByReason);
        var health = await bot.Http.GetStringAsync("healthz");
        Assert.Contains($"\"droppedByReason\":{{\"{msgId}\":1}}", health, StringComparison.Ordinal);
        Assert.Equal(1, bot.Service<TwitchChatClient>().GetHealth().DroppedReplies);
        Assert.Equal(0, bot.Service<TwitchChatClient>().GetHealth().MessagesOut);
    }

    [Theory]
    [InlineData("followers-only", "10", "-1", "followers_only")]
    [InlineData("followers-only", "0", "-1", "followers_only")]
    [InlineData("subs-only", "1", "0", "subs_only")]
    [InlineData("emote-only", "1", "0", "emote_only")]
    public async Task RoomState_ClosedMode_DropsWithoutSendingUntilItLifts_Issue11(string tag, string on, string off, string reason)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");

        await server.SetRoomAsync("chan", tag, on);
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await OutboxWaits.UntilAsync(client.Outbox, s => s.Dropped == 1);

        Assert.Equal(new Dictionary<string, long> { [reason] = 1 }, client.Outbox.DroppedByReason);
        Assert.Empty(server.Privmsgs);
        Assert.Empty(server.Refusals);

        await server.SetRoomAsync("chan", tag, off);
        var reply = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m2 PRIVMSG #chan :", StringComparison.Ordinal));
        await server.SayAsync("chan", "Bob", "!aide", id: "m2");

        await reply;

        // The fake records a line before it handles it: once the barrier's PONG (read after the reply) is in,
        // the reply has been judged.
        await server.BarrierAsync();
        Assert.Empty(server.Refusals);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task RoomState_ClosedModeButBotModerator_StillSends_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        server.ModeratorChannels["chan"] = 0;
        server.Rooms["chan"] = new FakeRoom(FollowersOnly: 10, SubsOnly: true, Slow: 30);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await server.WaitForJoinAsync("chan");

        var replies = server.WaitForLineAsync(_ => server.Privmsgs.Count == 2);
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await server.SayAsync("chan", "Bob", "!question Comment trouver une entreprise ?", id: "m2");

        await replies;
        Assert.Empty(server.Refusals);
    }

    [Fact]
    public async Task RoomState_SlowMode_SpacesTheBotsMessagesBySlowSeconds_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        server.Rooms["chan"] = new FakeRoom(Slow: 10);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");
        await server.BarrierAsync();
        Assert.Equal(10, client.Outbox.Modes["chan"].SlowSeconds);

        var first = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await first;
        await server.SayAsync("chan", "Bob", "!question Comment trouver une entreprise ?", id: "m2");
        await server.BarrierAsync();
        await OutboxWaits.UntilAsync(client.Outbox, s => s.Pending == 1 && s.IsIdleAt(time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(5));
        await OutboxWaits.IdleAsync(client.Outbox, time);
        Assert.Single(server.Privmsgs);

        var second = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m2 ", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(5.2));
        await second;
        Assert.Empty(server.Refusals);
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task RoomState_SlowModeChangesLater_FollowsTheNewValue_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");

        await server.SetRoomAsync("chan", "slow", "120");
        await server.BarrierAsync();
        Assert.Equal(120, client.Outbox.Modes["chan"].SlowSeconds);
        Assert.Equal(-1, client.Outbox.Modes["chan"].FollowersOnlyMinutes);

        await server.SetRoomAsync("chan", "slow", "0");
        await server.BarrierAsync();
        Assert.Equal(0, client.Outbox.Modes["chan"].SlowSeconds);
        Assert.Contains("\"modes\":{\"chan\":{\"slow\":0,\"followersOnly\":-1,\"subsOnly\":false,\"emoteOnly\":false}}", await bot.Http.GetStringAsync("healthz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserState_BotIsVip_KeepsTheUnprivilegedLimits_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        server.VipChannels["chan"] = 0;
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");

        var first = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Alice", "!aide", id: "m1");
        await first;
        await server.SayAsync("chan", "Bob", "!question Comment trouver une entreprise ?", id: "m2");
        await server.BarrierAsync();
        await OutboxWaits.UntilAsync(client.Outbox, s => s.Pending == 1 && s.IsIdleAt(time.GetUtcNow()));

        // A VIP waits the 1 s per channel like anyone (a moderator would not).
        Assert.False(client.Outbox.IsPrivileged("chan"));
        Assert.Equal(20, client.SendLimit.Messages);
        Assert.Single(server.Privmsgs);
        var second = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=m2 ", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(1.2));
        await second;
        Assert.Empty(server.Limits.Breaches);
    }

    [Fact]
    public async Task Privmsg_ReplyButtonCommand_IsAnswered_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await server.WaitForJoinAsync("chan");

        var reply = server.WaitForLineAsync(r => r.Command == "PRIVMSG");
        await server.SendLineAsync(TwitchMessageReaderTests.ReplyLine);

        Assert.StartsWith("@reply-parent-msg-id=6b13e51b-7ecb-43b5-ba5b-2bb5288df696 PRIVMSG #chan :Commandes : !aide", (await reply).Line, StringComparison.Ordinal);
    }
}
