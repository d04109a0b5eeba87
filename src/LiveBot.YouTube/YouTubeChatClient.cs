using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Chat.Outbox;
using LiveBot.YouTube.Reading;
using LiveBot.YouTube.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube;

/// <summary>
/// The bot in a YouTube live chat: the "youtube" <see cref="IChatPlatform"/> and the hosted service that
/// runs the <see cref="ChatReader"/> (find the live, read its chat within the quota) and the outbox (the Core
/// <see cref="ChatOutbox"/> on <see cref="YouTubeSendPolicy"/>). Each lives in its own folder.
/// </summary>
public sealed class YouTubeChatClient : BackgroundService, IChatPlatform, IChatModerationHandler
{
    public const string PlatformName = "youtube";
    public const int MaxLength = YouTubeSendPolicy.MaxMessageLength;
    public const string QuotaExceededState = ChatReader.QuotaExceededState;

    /// <summary>Early disconnects in a row after which the live is read by polling.</summary>
    public const int MaxEarlyDisconnects = StreamingReader.MaxEarlyDisconnects;

    private readonly YouTubeChatState _state;
    private readonly ChatReader _reader;
    private readonly PageHandler _pages;
    private readonly StreamWatchdog _watchdog;
    private readonly YouTubeSendPolicy _policy;
    private readonly ChatOutbox _outbox;
    private readonly YouTubeOptions _options;

    public YouTubeChatClient(
        YouTubeChatState state, ChatReader reader, PageHandler pages, ReaderActivity activity, YouTubeSendPolicy policy,
        StreamWatchdog watchdog, IOptions<YouTubeOptions> options, TimeProvider time, ILogger<YouTubeChatClient> logger)
    {
        _state = state;
        _reader = reader;
        _pages = pages;
        _watchdog = watchdog;
        _policy = policy;
        _options = options.Value;
        Activity = activity;
        _outbox = new ChatOutbox(policy, time, logger);
        _state.ChatLeft += _outbox.Wake;
    }

    public string Name => PlatformName;

    public int MaxMessageLength => MaxLength;

    public int MaxParts => _policy.MaxParts;

    public SendLimit SendLimit => new(1, TimeSpan.FromSeconds(1));

    public IReadOnlyCollection<string> ConnectedChannels => _state.ChatId is { } id ? [id] : [];

    /// <summary>The chat being read, or null while waiting for a live.</summary>
    public string? LiveChatId => _state.ChatId;

    /// <summary>Askers answered (a merged reply counts for each).</summary>
    public long AnsweredAskers => _outbox.AnsweredAskers;

    /// <summary>State, read error and their change signal.</summary>
    public PlatformStatus Status => _state.Status;

    /// <summary>What the reader is doing (waiting until when, stream responses read).</summary>
    public ReaderActivity Activity { get; }

    /// <summary>The replies' outbox (its status and change signal).</summary>
    public ChatOutbox Outbox => _outbox;

    public PlatformHealth GetHealth()
    {
        var quota = _state.Ledger.Snapshot();
        var chatId = _state.ChatId;
        var outbox = _outbox.Status;
        var error = _state.Status.Error ?? _policy.Error;
        return new PlatformHealth(PlatformName, _state.Status.State)
        {
            Channels = chatId is null ? [] : [chatId],
            MessagesIn = _pages.MessagesIn,
            MessagesOut = outbox.Sent,
            DroppedReplies = outbox.Dropped,
            DroppedByReason = outbox.DroppedByReason,
            Error = error is null ? null : "youtube: " + error,
            Details = new Dictionary<string, object?>
            {
                ["liveChatId"] = chatId,
                ["quota"] = new Dictionary<string, object?>
                {
                    ["day"] = quota.Day,
                    ["dailyQuota"] = _options.DailyQuota,
                    ["spent"] = quota.Spent,
                    ["remaining"] = Math.Max(0, _options.DailyQuota - quota.Spent),
                    ["readUnits"] = quota.ReadUnits,
                    ["writeUnits"] = quota.WriteUnits,
                    ["calls"] = quota.Calls,
                    ["byMethod"] = quota.ByMethod,
                    ["exceededUntil"] = quota.ExceededUntil,
                },
                ["transport"] = _state.TransportName,
                ["transportSetting"] = _state.ConfiguredName,
                ["streamFallback"] = _state.StreamFallback,
                ["watchdogChecks"] = _watchdog.Checks,
                ["replyLevel"] = _state.Planner.Level(quota).ToString(),
                ["readIntervalSeconds"] = _reader.LastReadInterval?.TotalSeconds,
                ["nextReadAt"] = Activity.WaitingUntil,
                ["streamResponses"] = Activity.StreamResponses,
                ["pendingReplies"] = outbox.Pending,
                ["answeredAskers"] = outbox.Answered,
            },
            RepliesMerged = outbox.Merged,
            UnitsSpentToday = quota.Spent,
        };
    }

    /// <summary>A YouTube viewer banned or their message deleted: the answers still waiting for them are dropped.</summary>
    public void OnModeration(ChatModeration moderation)
    {
        if (moderation.Platform == PlatformName)
        {
            _outbox.DropWhere(moderation.Affects, DropReasons.Moderation);
        }
    }

    public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_outbox.TryEnqueue(message));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_reader.RunAsync(stoppingToken), _outbox.RunAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _state.Status.Set(PlatformStates.Stopped);
    }
}
