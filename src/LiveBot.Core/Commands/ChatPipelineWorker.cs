using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Commands;

/// <summary>
/// Drains the <see cref="ChatInbox"/> through the <see cref="ChatPipeline"/> and hands each reply to the
/// outbox of the platform the line came from. Several lines run at once, so a slow upstream API behind
/// one command never holds up the others. Moderation actions go to the <see cref="ModerationLedger"/>; a line
/// that an action removed while it was handled has that action applied again once its replies are queued.
/// </summary>
public sealed partial class ChatPipelineWorker(
    ChatInbox inbox,
    ChatPipeline pipeline,
    PlatformRegistry platforms,
    ModerationLedger moderation,
    ILogger<ChatPipelineWorker> logger) : BackgroundService
{
    public const int MaxConcurrentMessages = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentMessages, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(inbox.Reader.ReadAllAsync(stoppingToken), options, HandleAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async ValueTask HandleAsync(ChatInbox.InboxItem item, CancellationToken cancellationToken)
    {
        if (item.Message is not { } message)
        {
            if (item.Moderation is { } action)
            {
                moderation.Apply(action);
            }

            item.Done?.TrySetResult();
            return;
        }

        try
        {
            var replies = await pipeline.ProcessAsync(message, cancellationToken);
            var platform = platforms.Find(message.Platform);
            foreach (var reply in replies)
            {
                if (platform is null || !await platform.EnqueueAsync(reply, cancellationToken))
                {
                    Log.ReplyRefused(logger, message.Platform, message.Channel);
                }
            }

            moderation.Recheck(message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            item.Done?.TrySetCanceled(cancellationToken);
            return;
        }
        catch (Exception ex)
        {
            Log.MessageFailed(logger, message.Platform, message.Id, ex);
        }

        item.Done?.TrySetResult();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Chat line {MessageId} from {Platform} could not be handled")]
        public static partial void MessageFailed(ILogger logger, string platform, string messageId, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The {Platform} outbox refused a reply for {Channel}")]
        public static partial void ReplyRefused(ILogger logger, string platform, string channel);
    }
}
