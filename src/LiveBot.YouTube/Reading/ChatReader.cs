using LiveBot.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Reading;

/// <summary>
/// The read loop: finds the live (<see cref="LiveLocator"/>), reads its chat by polling at the pace the quota
/// allows or through the <see cref="StreamingReader"/>, hands pages to the <see cref="PageHandler"/>, leaves
/// when the live ends and waits for the next. No failure of YouTube ends the loop (see <see cref="OnFailureAsync"/>).
/// </summary>
public sealed partial class ChatReader(
    YouTubeChatState state,
    YouTubeGateway gateway,
    LiveLocator locator,
    PageHandler pages,
    StreamingReader streaming,
    ReaderActivity activity,
    IOptions<YouTubeOptions> options,
    TimeProvider time,
    ILogger<ChatReader> logger)
{
    public const string QuotaExceededState = "quota_exceeded";

    private readonly ReadCursor _cursor = new();

    /// <summary>The interval planned for the last polled read, for <c>/healthz</c>.</summary>
    public TimeSpan? LastReadInterval => _cursor.LastReadInterval;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (YouTubeCallException ex)
            {
                await OnFailureAsync(ex, stoppingToken);
            }
            catch (Exception ex)
            {
                Log.LoopFailed(logger, ex);
                await activity.WaitAsync(_cursor.Backoff.Next(), stoppingToken);
            }
        }
    }

    private async Task ReadOnceAsync(CancellationToken cancellationToken)
    {
        if (state.Ledger.Snapshot().ExceededUntil is { } until)
        {
            state.Status.Set(QuotaExceededState, $"quota YouTube épuisé jusqu'à {until:yyyy-MM-dd HH:mm} UTC");
            Log.QuotaExceeded(logger, until);
            await activity.WaitAsync(until - time.GetUtcNow(), cancellationToken);

            // What was said meanwhile is backlog now: start from a fresh page, as when joining.
            _cursor.PageToken = null;
            pages.NextIsBacklog = true;
            state.Status.Set(state.ChatId is null ? PlatformStates.Connecting : PlatformStates.Connected);
            return;
        }

        if (state.ChatId is null)
        {
            if (await locator.FindAsync(cancellationToken) is not { } found)
            {
                state.Status.Set(PlatformStates.Waiting, state.Status.Error);
                await WaitForLiveAsync(cancellationToken);
                return;
            }

            Join(found);
        }

        var chatId = state.ChatId!;
        var over = state.Transport == YouTubeTransport.Stream
            ? await streaming.ReadOnceAsync(chatId, _cursor, cancellationToken)
            : await PollOnceAsync(chatId, cancellationToken);
        if (over)
        {
            Leave(chatId, ended: true);
            Log.LiveEnded(logger, chatId);
            await WaitForLiveAsync(cancellationToken);
        }
    }

    /// <summary>One liveChatMessages.list, then the wait the plan gives; true when the live is over.</summary>
    private async Task<bool> PollOnceAsync(string chatId, CancellationToken cancellationToken)
    {
        var page = await gateway.ListMessagesAsync(chatId, _cursor.PageToken, cancellationToken);
        _cursor.Backoff.Reset();
        state.Status.Set(PlatformStates.Connected);
        if (page.PollingIntervalMillis is { } millis and >= 0 and <= 3_600_000)
        {
            _cursor.ServerMinimum = TimeSpan.FromMilliseconds(millis);
        }

        if (await pages.HandleAsync(chatId, page, cancellationToken))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(page.NextPageToken))
        {
            _cursor.PageToken = page.NextPageToken;
        }

        var now = time.GetUtcNow();
        var interval = state.Planner.ReadInterval(state.Ledger.Snapshot(), now, state.LiveStartedAt, _cursor.ServerMinimum, pages.MessagesPerMinute(now));
        if (interval is null)
        {
            // Not even one read left today: the same as quotaExceeded, but known before YouTube says it.
            state.Ledger.MarkExceeded();
            return false;
        }

        _cursor.LastReadInterval = interval;
        await activity.WaitAsync(interval.Value, cancellationToken);
        return false;
    }

    private void Join(FoundChat found)
    {
        var now = time.GetUtcNow();

        // A bot restarted mid-live plans over what is left of it (YouTube's start time when known).
        var started = found.StartedAt is { } at && at <= now && now - at < options.Value.ExpectedLiveDuration ? at : now;
        _cursor.Reset();
        pages.NextIsBacklog = true;
        streaming.Reset();
        state.Join(found.LiveChatId, started);
        state.Status.SetError(null);
        Log.Joined(logger, found.LiveChatId, state.ConfiguredName, options.Value.StreamWatchdog);
    }

    private void Leave(string chatId, bool ended)
    {
        if (ended)
        {
            locator.MarkEnded(chatId);
        }

        _cursor.Reset();
        state.Leave();
        state.Status.Set(PlatformStates.Waiting, state.Status.Error);
    }

    private async Task WaitForLiveAsync(CancellationToken cancellationToken)
    {
        var interval = state.Planner.WaitingInterval(state.Ledger.Snapshot(), locator.CheckCost);
        if (interval is null)
        {
            state.Ledger.MarkExceeded();
            return;
        }

        await activity.WaitAsync(interval.Value, cancellationToken);
    }

    /// <summary>What a failed read means: wait, back off, leave the chat, start afresh or report.</summary>
    private async Task OnFailureAsync(YouTubeCallException ex, CancellationToken cancellationToken)
    {
        Log.CallFailed(logger, ex.Method, ex.Failure, ex.StatusCode, ex.Reason);
        var chatId = state.ChatId;
        switch (ex.Failure)
        {
            case YouTubeFailure.QuotaExceeded:
                state.Ledger.MarkExceeded();
                return;
            case YouTubeFailure.RateLimited:
                var wait = _cursor.Backoff.Next();
                await activity.WaitAsync(wait > _cursor.ServerMinimum ? wait : _cursor.ServerMinimum * 2, cancellationToken);
                return;
            case YouTubeFailure.ChatEnded or YouTubeFailure.ChatDisabled or YouTubeFailure.Forbidden or YouTubeFailure.NotFound:
                // This chat is no longer readable: leave it and wait for a live (the next one, or the right one).
                var error = ex.Failure switch
                {
                    YouTubeFailure.ChatDisabled => "le chat de ce live est désactivé",
                    YouTubeFailure.Forbidden => "accès au chat refusé (compte sans droit sur ce live)",
                    YouTubeFailure.NotFound => chatId is null ? "vidéo ou live introuvable" : "chat introuvable (LiveChatId erroné ?)",
                    _ => state.Status.Error,
                };
                state.Status.SetError(error);
                if (chatId is not null)
                {
                    if (ex.Failure == YouTubeFailure.NotFound && chatId == locator.ConfiguredChatId)
                    {
                        locator.MarkConfiguredInvalid();
                    }

                    Leave(chatId, ended: ex.Failure == YouTubeFailure.ChatEnded);
                }

                await WaitForLiveAsync(cancellationToken);
                return;
            case YouTubeFailure.BadRequest when ex.Reason == "pageTokenInvalid":
                // A token YouTube no longer takes (e.g. a stream's, after falling back): start afresh.
                _cursor.PageToken = null;
                pages.NextIsBacklog = true;
                await activity.WaitAsync(_cursor.Backoff.Next(), cancellationToken);
                return;
            case YouTubeFailure.Unauthorized:
                state.Status.Set(PlatformStates.AuthFailed, "authentification refusée (RefreshToken révoqué ? relancez youtube-login)");
                var backoff = _cursor.Backoff.Next();
                await activity.WaitAsync(backoff > TimeSpan.FromMinutes(1) ? backoff : TimeSpan.FromMinutes(1), cancellationToken);
                return;
            default:
                state.Status.Set(state.ChatId is null ? PlatformStates.Connecting : PlatformStates.Reconnecting, state.Status.Error);
                await activity.WaitAsync(_cursor.Backoff.Next(), cancellationToken);
                return;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: reading live chat {LiveChatId}, transport {Transport} (auto: the stream checked by a list every {Watchdog})")]
        public static partial void Joined(ILogger logger, string liveChatId, string transport, TimeSpan watchdog);

        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: live chat {LiveChatId} is over, waiting for the next live")]
        public static partial void LiveEnded(ILogger logger, string liveChatId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: quota spent, no call until {Until}")]
        public static partial void QuotaExceeded(ILogger logger, DateTimeOffset until);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: {Method} failed: {Failure} ({Status} {Reason})")]
        public static partial void CallFailed(ILogger logger, string method, YouTubeFailure failure, int? status, string? reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "YouTube: unexpected failure in the read loop")]
        public static partial void LoopFailed(ILogger logger, Exception exception);
    }
}
