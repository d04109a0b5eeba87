using LiveBot.Core.Chat.Moderation;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Questions.Tests.Moderation;

/// <summary>Chat moderation (bans, time-outs, deletions) on the real queue and LiteDB file (issue 11).</summary>
public sealed class ChatModerationTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnModeration_MessageDeletedAfterRestart_HidesItsQuestionWithReason_Issue11()
    {
        using var temp = new TempQueue();
        temp.Queue.Submit("twitch", "chan", "twitch:42", "Alice", "Quel salaire pour un apprenti ?", "msg-a1");
        temp.Queue.Submit("twitch", "chan", "twitch:43", "Bob", "Comment trouver une entreprise ?", "msg-b1");

        var queue = temp.Reopen();
        Assert.Equal("msg-a1", queue.Get(1)!.SourceMessageId);
        new QuestionsModerationHandler(queue, NullLogger<QuestionsModerationHandler>.Instance)
            .OnModeration(new ChatModeration("twitch", "chan", ModerationKind.MessageDeleted, At) { MessageId = "msg-a1" });

        var hidden = queue.Get(1)!;
        Assert.Equal((QuestionStatus.Hidden, "message supprimé par la modération"), (hidden.Status, hidden.HiddenReason));
        Assert.Equal(QuestionStatus.Approved, queue.Get(2)!.Status);

        // Kept on disk too, and a presenter may bring it back (the reason goes with the hiding).
        var again = temp.Reopen();
        Assert.Equal("message supprimé par la modération", again.Get(1)!.HiddenReason);
        var restored = again.Restore(1)!;
        Assert.Equal((QuestionStatus.Approved, null), (restored.Status, restored.HiddenReason));
    }

    [Fact]
    public void OnModeration_UserTimedOut_HidesOnlyTheirOpenQuestionsInThatChat_Issue11()
    {
        using var temp = new TempQueue(new QuestionsOptions { MaxOpenPerViewer = 5 });
        temp.Queue.Submit("twitch", "chan", "twitch:42", "Alice", "Quel salaire pour un apprenti ?", "a1");
        temp.Time.Advance(temp.Options.MinInterval);
        temp.Queue.Submit("twitch", "chan", "twitch:42", "Alice", "Combien de jours de congés par an ?", "a2");
        temp.Queue.MarkAnswered(2);
        temp.Time.Advance(temp.Options.MinInterval);
        temp.Queue.Submit("twitch", "autre", "twitch:42", "Alice", "Et les horaires de nuit pour les mineurs ?", "a3");
        temp.Queue.Submit("youtube", "live", "youtube:42", "Alice", "Le permis est-il payé par l'employeur ?", "y1");

        new QuestionsModerationHandler(temp.Queue, NullLogger<QuestionsModerationHandler>.Instance).OnModeration(
            new ChatModeration("twitch", "chan", ModerationKind.UserTimedOut, At) { UserId = "42", Duration = TimeSpan.FromMinutes(10) });

        Assert.Equal((QuestionStatus.Hidden, "auteur exclu temporairement du chat (10 min)"), (temp.Queue.Get(1)!.Status, temp.Queue.Get(1)!.HiddenReason));
        Assert.Equal(QuestionStatus.Answered, temp.Queue.Get(2)!.Status);
        Assert.Equal(QuestionStatus.Approved, temp.Queue.Get(3)!.Status);
        Assert.Equal(QuestionStatus.Approved, temp.Queue.Get(4)!.Status);
    }

    [Fact]
    public void OnModeration_BannedOrChatCleared_BanHidesClearDoesNot_Issue11()
    {
        using var temp = new TempQueue();
        temp.Queue.Submit("youtube", "live", "youtube:UCabc", "Alice", "Quel salaire pour un apprenti ?", "y1");
        var handler = new QuestionsModerationHandler(temp.Queue, NullLogger<QuestionsModerationHandler>.Instance);

        handler.OnModeration(new ChatModeration("youtube", "live", ModerationKind.ChatCleared, At));
        Assert.Equal(QuestionStatus.Approved, temp.Queue.Get(1)!.Status);

        handler.OnModeration(new ChatModeration("youtube", "live", ModerationKind.UserBanned, At) { UserId = "UCabc" });
        Assert.Equal("auteur banni du chat", temp.Queue.Get(1)!.HiddenReason);

        // Applied again (a line handled meanwhile): nothing changes.
        handler.OnModeration(new ChatModeration("youtube", "live", ModerationKind.UserBanned, At) { UserId = "UCabc" });
        Assert.Equal(new QuestionCounters(0, 0, 0, 0, 1, 1), temp.Queue.Counters());
    }
}
