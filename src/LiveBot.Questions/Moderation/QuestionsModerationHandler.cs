using LiveBot.Core.Chat.Moderation;
using Microsoft.Extensions.Logging;

namespace LiveBot.Questions.Moderation;

/// <summary>
/// Chat moderation on questions: a deleted line's question and a banned or timed-out viewer's open questions
/// are hidden, with the reason shown to presenters (who may restore them). A cleared chat hides nothing.
/// </summary>
public sealed partial class QuestionsModerationHandler(QuestionQueue queue, ILogger<QuestionsModerationHandler> logger) : IChatModerationHandler
{
    public void OnModeration(ChatModeration moderation)
    {
        if (moderation.Kind == ModerationKind.ChatCleared
            || (moderation.Kind == ModerationKind.MessageDeleted ? moderation.MessageId : moderation.UserId) is null)
        {
            return;
        }

        var messageId = moderation.Kind == ModerationKind.MessageDeleted ? moderation.MessageId : null;
        var author = moderation.Kind == ModerationKind.MessageDeleted ? null : moderation.QualifiedUserId;
        var hidden = queue.HideForModeration(moderation.Platform, moderation.Channel, messageId, author, moderation.Reason);
        foreach (var question in hidden)
        {
            Log.Hidden(logger, question.Id, moderation.Reason);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Question #{Id} hidden: {Reason}")]
        public static partial void Hidden(ILogger logger, int id, string reason);
    }
}
