using LiveBot.Core.Chat;
using LiveBot.YouTube.Api.Data;
using LiveBot.YouTube.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Reading;

/// <summary>
/// One page of chat (polled or streamed): new text messages to the pipeline, exactly once; the backlog of
/// the first page after joining, the bot's own messages and lines too old to answer skipped; the live's
/// end noticed.
/// </summary>
public sealed partial class PageHandler(
    ChatInbox inbox,
    OwnEchoFilter echoes,
    IOptions<YouTubeOptions> options,
    TimeProvider time,
    ILogger<PageHandler> logger)
{
    /// <summary>Longest wait for the pipeline to handle a page before reading on.</summary>
    public static readonly TimeSpan HandlingTimeout = TimeSpan.FromSeconds(10);

    private readonly RecentIds _seen = new(20_000);
    private readonly Queue<DateTimeOffset> _recent = new();
    private long _in;

    /// <summary>The next page is the first after joining: its messages were said before the bot came.</summary>
    public bool NextIsBacklog { get; set; } = true;

    public long MessagesIn => Interlocked.Read(ref _in);

    /// <summary>True when an item with this id came in a page already (the stream watchdog's test).</summary>
    public bool HasSeen(string id) => _seen.Contains(id);

    /// <summary>Publishes the new text messages of a page; true when the live is over.</summary>
    public async Task<bool> HandleAsync(string chatId, LiveChatMessageListResponse page, CancellationToken cancellationToken)
    {
        var backlog = NextIsBacklog;
        NextIsBacklog = false;
        var over = !string.IsNullOrEmpty(page.OfflineAtRaw);
        var now = time.GetUtcNow();
        var handled = new List<Task>();
        foreach (var item in page.Items ?? [])
        {
            if (item?.Id is not { Length: > 0 } id || !_seen.Add(id))
            {
                continue;
            }

            if (item.Snippet?.Type == LiveChatMessageSnippet.ChatEndedEvent)
            {
                over = true;
                continue;
            }

            if (YouTubeModerationMapper.IsModeration(item))
            {
                // A deletion or a ban withdraws the answers and questions of lines read before it.
                if (!backlog && YouTubeModerationMapper.ToModeration(item, chatId, now) is { } moderation)
                {
                    await inbox.PublishAsync(moderation, cancellationToken);
                }

                continue;
            }

            if (backlog || echoes.IsOwn(item))
            {
                continue;
            }

            var message = YouTubeMessageMapper.ToChatMessage(item, chatId, now);
            if (message is null || now - message.Time > options.Value.ReplyMaxAge)
            {
                continue;
            }

            Interlocked.Increment(ref _in);
            lock (_recent)
            {
                _recent.Enqueue(now);
            }

            handled.Add(inbox.SubmitAsync(message, cancellationToken));
        }

        if (handled.Count > 0)
        {
            // The page counts as read once its lines were handled and their replies queued.
            try
            {
                await Task.WhenAll(handled).WaitAsync(HandlingTimeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Log.SlowPipeline(logger, handled.Count);
            }
        }

        if (backlog)
        {
            Log.BacklogSkipped(logger, page.Items?.Count ?? 0, chatId);
        }

        return over;
    }

    /// <summary>Chat lines of the last minute (the read pace follows the chat's).</summary>
    public double MessagesPerMinute(DateTimeOffset now)
    {
        lock (_recent)
        {
            while (_recent.TryPeek(out var first) && now - first > TimeSpan.FromMinutes(1))
            {
                _recent.Dequeue();
            }

            return _recent.Count;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "YouTube: skipped {Count} backlog items of {LiveChatId}")]
        public static partial void BacklogSkipped(ILogger logger, int count, string liveChatId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: {Count} chat lines still being handled, reading on")]
        public static partial void SlowPipeline(ILogger logger, int count);
    }
}
