using LiveBot.Core.Chat;
using LiveBot.YouTube.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Reading;

/// <summary>
/// Reads a chat over liveChatMessages.streamList: its responses go through the <see cref="PageHandler"/>
/// exactly as polled pages; the last nextPageToken resumes after a disconnect. An unavailable endpoint,
/// or <see cref="MaxEarlyDisconnects"/> early disconnects in a row, switch this live to polling.
/// </summary>
public sealed partial class StreamingReader(
    YouTubeChatState state,
    YouTubeGateway gateway,
    PageHandler pages,
    StreamWatchdog watchdog,
    ReaderActivity activity,
    IOptions<YouTubeOptions> options,
    TimeProvider time,
    ILogger<StreamingReader> logger)
{
    /// <summary>A stream silent this long is reopened (a dead connection would otherwise hang forever).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A stream connection that ends sooner counts as an early disconnect.</summary>
    public static readonly TimeSpan MinLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Early disconnects in a row after which the live is read by polling.</summary>
    public const int MaxEarlyDisconnects = 3;

    private int _earlyDisconnects;

    /// <summary>A new live (or transport): the count of early disconnects and the watchdog start again.</summary>
    public void Reset()
    {
        _earlyDisconnects = 0;
        watchdog.Reset();
    }

    /// <summary>One streamList connection; true when the live is over.</summary>
    public async Task<bool> ReadOnceAsync(string chatId, ReadCursor cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (state.Planner.ReadInterval(state.Ledger.Snapshot(), now, state.LiveStartedAt, TimeSpan.Zero, 0) is null)
        {
            state.Ledger.MarkExceeded();
            return false;
        }

        LiveChatMessageStream stream;
        try
        {
            stream = await gateway.OpenStreamAsync(chatId, cursor.PageToken, cancellationToken);
        }
        catch (YouTubeCallException ex) when (ex.Failure is YouTubeFailure.StreamUnavailable or YouTubeFailure.BadRequest or YouTubeFailure.InvalidText)
        {
            // Not served, or not in the form we speak: polling is the known way.
            FallBackToPolling(cursor, $"streamList indisponible (HTTP {ex.StatusCode}{(ex.Reason is null ? "" : " " + ex.Reason)})");
            return false;
        }
        catch (YouTubeCallException ex) when (ex.Failure == YouTubeFailure.Transient)
        {
            // 5xx, timeouts, network: retried with backoff like a polled read, but only so many times in a row.
            if (++_earlyDisconnects >= MaxEarlyDisconnects)
            {
                FallBackToPolling(cursor, $"{_earlyDisconnects} échecs d'ouverture du stream ({ex.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ex.Reason})");
                return false;
            }

            throw;
        }

        var opened = time.GetUtcNow();
        var responses = 0;
        var idleTimedOut = false;
        WatchdogVerdict? verdict = null;

        // Auto: the watchdog checks the stream beside it and cuts this connection when the stream fails.
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = state.Watchdog ? WatchAsync(chatId, connection, stopWatching.Token) : Task.FromResult<WatchdogVerdict?>(null);
        await using (stream)
        {
            try
            {
                // The first response (recent history) comes at once; after it, the chat may be quiet a while.
                while (await stream.ReadNextAsync((body, buffer) => ReadBodyAsync(body, buffer, responses == 0 ? options.Value.RequestTimeout : IdleTimeout, connection.Token)) is { } page)
                {
                    responses++;
                    activity.CountStreamResponse();
                    watchdog.Delivered(page);
                    cursor.Backoff.Reset();
                    state.Status.Set(PlatformStates.Connected);
                    if (await pages.HandleAsync(chatId, page, cancellationToken))
                    {
                        return true;
                    }

                    if (!string.IsNullOrEmpty(page.NextPageToken))
                    {
                        cursor.PageToken = page.NextPageToken;
                    }
                }

                // The server ended the stream (closed array or dropped connection).
                activity.CountStreamResponse();
                Log.StreamEnded(logger, chatId, stream.Completed, responses);
            }
            catch (OperationCanceledException) when (connection.IsCancellationRequested && !cancellationToken.IsCancellationRequested && watching.IsCompleted)
            {
                // Cut by the watchdog: its verdict follows.
            }
            catch (TimeoutException)
            {
                // Silent from the start is a broken stream (counted as an early disconnect), silent later a quiet chat.
                idleTimedOut = responses > 0;
                Log.StreamIdle(logger, chatId, responses, responses == 0 ? options.Value.RequestTimeout : IdleTimeout);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or FormatException or Newtonsoft.Json.JsonException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Log.StreamBroken(logger, chatId, responses, ex.GetType().Name);
            }
            finally
            {
                await stopWatching.CancelAsync();
                verdict = await watching;
            }
        }

        if (verdict is not null)
        {
            // What the stream missed is handled now (what it did deliver is not handled twice), then polling goes on from there.
            FallBackToPolling(cursor, verdict.Reason);
            if (await pages.HandleAsync(chatId, verdict.Page, cancellationToken))
            {
                return true;
            }

            if (!string.IsNullOrEmpty(verdict.Page.NextPageToken))
            {
                cursor.PageToken = verdict.Page.NextPageToken;
            }

            return false;
        }

        if (idleTimedOut || time.GetUtcNow() - opened >= MinLifetime)
        {
            _earlyDisconnects = 0;
            return false;
        }

        state.Status.Set(PlatformStates.Reconnecting, state.Status.Error);
        if (++_earlyDisconnects >= MaxEarlyDisconnects)
        {
            FallBackToPolling(cursor, $"{_earlyDisconnects} déconnexions du stream en moins de {MinLifetime.TotalSeconds:0} s");
            return false;
        }

        await activity.WaitAsync(cursor.Backoff.Next(), cancellationToken);
        return false;
    }

    /// <summary>Reads the body, the reader counting as waiting meanwhile; silent for <paramref name="timeout"/>: <see cref="TimeoutException"/>.</summary>
    private async ValueTask<int> ReadBodyAsync(Stream body, Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await activity.WaitForReadAsync(body.ReadAsync(buffer, linked.Token), time.GetUtcNow() + timeout, linked.Token);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("stream silent");
        }
    }

    /// <summary>Runs the watchdog for this connection; cuts the connection when it gives a verdict.</summary>
    private async Task<WatchdogVerdict?> WatchAsync(string chatId, CancellationTokenSource connection, CancellationToken stop)
    {
        try
        {
            var verdict = await watchdog.WatchAsync(chatId, stop);
            if (verdict is not null)
            {
                await connection.CancelAsync();
            }

            return verdict;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex)
        {
            Log.WatchdogFailed(logger, ex);
            return null;
        }
    }

    private void FallBackToPolling(ReadCursor cursor, string reason)
    {
        Log.StreamFallback(logger, reason);
        _earlyDisconnects = 0;
        cursor.Backoff.Reset();
        state.SetTransport(YouTubeTransport.Poll, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: stream of {LiveChatId} ended by the server (clean {Clean}) after {Responses} responses, resuming")]
        public static partial void StreamEnded(ILogger logger, string liveChatId, bool clean, int responses);

        [LoggerMessage(Level = LogLevel.Information, Message = "YouTube: stream of {LiveChatId} silent for {Timeout} after {Responses} responses, reopening")]
        public static partial void StreamIdle(ILogger logger, string liveChatId, int responses, TimeSpan timeout);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: stream of {LiveChatId} broke after {Responses} responses ({Error}), resuming")]
        public static partial void StreamBroken(ILogger logger, string liveChatId, int responses, string error);

        [LoggerMessage(Level = LogLevel.Error, Message = "YouTube: the stream watchdog failed unexpectedly; the stream goes on unchecked")]
        public static partial void WatchdogFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: reading by polling for the rest of this live: {Reason}")]
        public static partial void StreamFallback(ILogger logger, string reason);
    }
}
