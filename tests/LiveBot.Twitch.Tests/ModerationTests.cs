using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Chat.Outbox;
using LiveBot.Questions;
using LiveBot.Testing;
using LiveBot.Twitch.Tests.Fakes;
using LiveBot.Twitch.Outbox;
using LiveBot.Twitch.Tests.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Twitch.Tests;

/// <summary>
/// CLEARCHAT and CLEARMSG as Twitch sends them (issue 11): the real bot drops the answers still waiting for
/// the viewer or line, and hides their questions with the reason. Fake time: a second answer in a channel where
/// the bot is not moderator waits its second, which is when moderation catches it.
/// </summary>
public sealed class ModerationTests
{
    private const long AliceId = 424242;
    private const string Question = "!question Comment trouver une entreprise pour mon alternance ?";

    [Theory]
    [InlineData("@ban-duration=600;room-id=456;target-user-id=424242;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARCHAT #chan :alice", "auteur exclu temporairement du chat (10 min)")]
    [InlineData("@room-id=456;target-user-id=424242;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARCHAT #chan :alice", "auteur banni du chat")]
    [InlineData("@login=alice;room-id=;target-msg-id=a1;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARMSG #chan :!question Comment trouver une entreprise pour mon alternance ?", "message supprimé par la modération")]
    public async Task ClearLine_ViewerWithPendingAnswerAndQuestion_AnswerDroppedQuestionHidden_Issue11(string line, string reason)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var (outbox, queue) = await AliceAsksWhileBobIsAnsweredAsync(server, bot, time);
        Assert.Equal(("twitch:424242", "a1"), (queue.Get(1)!.AuthorId, queue.Get(1)!.SourceMessageId));

        await server.SendLineAsync(line);
        await OutboxWaits.UntilAsync(outbox, s => s.Dropped == 1 && s.Pending == 0);
        await WaitForQuestionAsync(queue, q => q.Status == QuestionStatus.Hidden);
        time.Advance(TimeSpan.FromSeconds(2));
        await server.BarrierAsync();
        await OutboxWaits.IdleAsync(outbox, time);

        Assert.Single(server.Privmsgs);
        Assert.Equal(new Dictionary<string, long> { [DropReasons.Moderation] = 1 }, outbox.DroppedByReason);
        Assert.Equal(reason, queue.Get(1)!.HiddenReason);
        var json = await bot.Http.GetStringAsync("healthz");
        Assert.Contains("\"droppedByReason\":{\"moderation\":1}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearChat_WholeChat_DropsWaitingAnswersKeepsQuestions_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var (outbox, queue) = await AliceAsksWhileBobIsAnsweredAsync(server, bot, time);

        await server.SendLineAsync("@room-id=456;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARCHAT #chan");
        await OutboxWaits.UntilAsync(outbox, s => s.Dropped == 1 && s.Pending == 0);

        Assert.Equal(QuestionStatus.Approved, queue.Get(1)!.Status);
        Assert.Equal(1, bot.Service<ModerationLedger>().Applied);
    }

    [Fact]
    public async Task ClearChat_LineWrittenAfterTheTimeOut_Answered_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await server.WaitForJoinAsync("chan");

        await server.SendLineAsync("@ban-duration=1;room-id=456;target-user-id=424242;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARCHAT #chan :alice");
        await server.BarrierAsync();
        var reply = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=a2 ", StringComparison.Ordinal));
        var later = FakeTwitchServer.PrivmsgLine("chan", "Alice", "!aide", id: "a2", userId: AliceId).Replace("tmi-sent-ts=1700000000123", "tmi-sent-ts=1700000060000", StringComparison.Ordinal);
        await server.SendLineAsync(later);

        await reply;
    }

    [Fact]
    public async Task ClearChat_TargetIsTheBot_BlocksTheChannel_Issue11()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeTwitchServer.StartAsync(time);
        await using var bot = await BotHost.StartAsync(settings: server.BotSettings(), configure: b => b.Services.AddSingleton<TimeProvider>(time));
        var client = bot.Service<TwitchChatClient>();
        await server.WaitForJoinAsync("chan");

        await server.SendLineAsync("@ban-duration=300;room-id=456;target-user-id=123;tmi-sent-ts=1700000001000 :tmi.twitch.tv CLEARCHAT #chan :livebot");
        await server.BarrierAsync();

        Assert.Equal("timedout", client.Outbox.BlockedChannels["chan"].Reason);
    }

    /// <summary>
    /// Bob's <c>!aide</c> is answered, then Alice files a question: its acknowledgement waits the channel's
    /// one-second pace (the bot is not moderator), which is when the moderation line under test arrives.
    /// </summary>
    private static async Task<(TwitchOutbox Outbox, QuestionQueue Queue)> AliceAsksWhileBobIsAnsweredAsync(
        FakeTwitchServer server, BotHost bot, FakeTimeProvider time)
    {
        var outbox = bot.Service<TwitchChatClient>().Outbox;
        var queue = bot.Service<QuestionQueue>();
        await server.WaitForJoinAsync("chan");

        var first = server.WaitForLineAsync(r => r.Line.StartsWith("@reply-parent-msg-id=b1 ", StringComparison.Ordinal));
        await server.SayAsync("chan", "Bob", "!aide", id: "b1");
        await first;
        await server.SendLineAsync(FakeTwitchServer.PrivmsgLine("chan", "Alice", Question, id: "a1", userId: AliceId));
        await server.BarrierAsync();
        await OutboxWaits.UntilAsync(outbox, s => s.Pending == 1 && s.IsIdleAt(time.GetUtcNow()));
        return (outbox, queue);
    }

    private static async Task WaitForQuestionAsync(QuestionQueue queue, Func<LiveBot.Questions.Question, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(QuestionChange change)
        {
            if (condition(change.Question))
            {
                done.TrySetResult();
            }
        }

        queue.Changed += Check;
        try
        {
            if (queue.Get(1) is { } current && condition(current))
            {
                return;
            }

            await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            queue.Changed -= Check;
        }
    }
}
