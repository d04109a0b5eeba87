using System.Globalization;
using LiveBot.YouTube.Api.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Reading;

/// <summary>What the watchdog found: the page the stream missed (to be handled) and why the live is polled now.</summary>
public sealed record WatchdogVerdict(LiveChatMessageListResponse Page, string Reason);

/// <summary>
/// Beside a liveChatMessages.streamList connection (<see cref="YouTubeTransport.Auto"/>): every
/// <see cref="YouTubeOptions.StreamWatchdog"/> one liveChatMessages.list from the watchdog's own last page
/// token (so it sees every message said since its previous check), booked in the ledger like any list. Items
/// the stream has not delivered <see cref="Grace"/> later mean the stream misses messages, or stays silent
/// while the chat talks: the verdict sends the rest of the live to polling. Its schedule and token outlive a
/// connection (a stream dropped every 30 s is checked all the same) and start again with each live.
/// </summary>
public sealed partial class StreamWatchdog(
    YouTubeChatState state,
    YouTubeGateway gateway,
    PageHandler pages,
    ReaderActivity activity,
    IOptions<YouTubeOptions> options,
    TimeProvider time,
    ILogger<StreamWatchdog> logger)
{
    /// <summary>Time the stream gets to deliver what the list saw (a message said just before the check is still on its way).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private string? _token;
    private bool _listBaseline;
    private DateTimeOffset? _nextCheckAt;
    private long _deliveredAtLastCheck;
    private DateTimeOffset _lastCheckAt;
    private long _checks;
    private long _delivered;

    /// <summary>liveChatMessages.list calls made by the watchdog (since the start).</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>A new live: no token yet, the first check one period after the stream's first response.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _token = null;
            _listBaseline = false;
            _nextCheckAt = null;
            _deliveredAtLastCheck = Interlocked.Read(ref _delivered);
        }
    }

    /// <summary>The stream delivered a response: its first token is where the watchdog's checks start.</summary>
    public void Delivered(LiveChatMessageListResponse page)
    {
        Interlocked.Increment(ref _delivered);
        lock (_gate)
        {
            if (_token is null && !_listBaseline && !string.IsNullOrEmpty(page.NextPageToken))
            {
                _token = page.NextPageToken;
                _nextCheckAt = time.GetUtcNow() + options.Value.StreamWatchdog;
                _lastCheckAt = time.GetUtcNow();
                _deliveredAtLastCheck = Interlocked.Read(ref _delivered);
            }
        }
    }

    /// <summary>Checks the stream until <paramref name="cancellationToken"/> (the connection ended); a verdict when it fails.</summary>
    public async Task<WatchdogVerdict?> WatchAsync(string chatId, CancellationToken cancellationToken)
    {
        using var scope = activity.BeginWatchdog();
        try
        {
            while (true)
            {
                DateTimeOffset? due;
                lock (_gate)
                {
                    due = _nextCheckAt;
                }

                // Before the stream's first response there is nothing to compare: look again a period later.
                await activity.WatchdogWaitAsync(due is { } at ? at - time.GetUtcNow() : options.Value.StreamWatchdog, cancellationToken);
                if (due is null)
                {
                    continue;
                }

                if (await CheckAsync(chatId, cancellationToken) is { } verdict)
                {
                    return verdict;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<WatchdogVerdict?> CheckAsync(string chatId, CancellationToken cancellationToken)
    {
        string? token;
        bool baseline;
        lock (_gate)
        {
            token = _token;
            baseline = _listBaseline;
            _nextCheckAt = time.GetUtcNow() + options.Value.StreamWatchdog;
        }

        var quota = state.Ledger.Snapshot();
        if (quota.ExceededUntil is not null || state.Planner.ReadUnitsLeft(quota) < options.Value.QuotaCosts.List)
        {
            // The stream goes on unchecked rather than spend the replies' units.
            return null;
        }

        LiveChatMessageListResponse page;
        try
        {
            page = await gateway.ListMessagesAsync(chatId, baseline ? null : token, cancellationToken);
        }
        catch (YouTubeCallException ex) when (ex.Reason == "pageTokenInvalid")
        {
            // The list does not take the stream's token: the next check starts a chain of the list's own tokens.
            Log.CheckFailed(logger, ex.Failure, ex.StatusCode, ex.Reason);
            lock (_gate)
            {
                _listBaseline = true;
            }

            return null;
        }
        catch (YouTubeCallException ex)
        {
            // A failed check says nothing about the stream: the next one tries again.
            Log.CheckFailed(logger, ex.Failure, ex.StatusCode, ex.Reason);
            if (ex.Failure == YouTubeFailure.QuotaExceeded)
            {
                state.Ledger.MarkExceeded();
            }

            return null;
        }

        Interlocked.Increment(ref _checks);
        if (baseline)
        {
            // Recent history, already partly before the stream's start: only the token is kept.
            lock (_gate)
            {
                _listBaseline = false;
                _token = string.IsNullOrEmpty(page.NextPageToken) ? _token : page.NextPageToken;
                _deliveredAtLastCheck = Interlocked.Read(ref _delivered);
                _lastCheckAt = time.GetUtcNow();
            }

            return null;
        }

        var unseen = Unseen(page);
        if (unseen.Count > 0)
        {
            await activity.WatchdogWaitAsync(Grace, cancellationToken);
            unseen.RemoveAll(pages.HasSeen);
        }

        var now = time.GetUtcNow();
        long deliveredBefore;
        DateTimeOffset since;
        lock (_gate)
        {
            deliveredBefore = _deliveredAtLastCheck;
            since = _lastCheckAt;
            _deliveredAtLastCheck = Interlocked.Read(ref _delivered);
            _lastCheckAt = now;
            if (unseen.Count == 0 && !string.IsNullOrEmpty(page.NextPageToken))
            {
                _token = page.NextPageToken;
            }
        }

        if (unseen.Count == 0)
        {
            return null;
        }

        var reason = Interlocked.Read(ref _delivered) == deliveredBefore
            ? string.Create(CultureInfo.InvariantCulture, $"stream muet depuis {(now - since).TotalSeconds:0} s alors que la vérification voit {unseen.Count} message(s) dans le chat")
            : string.Create(CultureInfo.InvariantCulture, $"le stream a manqué {unseen.Count} message(s) que la vérification a vus");
        Log.StreamFailing(logger, chatId, reason);
        return new WatchdogVerdict(page, reason);
    }

    private List<string> Unseen(LiveChatMessageListResponse page) =>
        (page.Items ?? []).Select(i => i?.Id).OfType<string>().Where(id => id.Length > 0 && !pages.HasSeen(id)).ToList();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: stream watchdog check failed: {Failure} ({Status} {Reason}); the stream goes on")]
        public static partial void CheckFailed(ILogger logger, YouTubeFailure failure, int? status, string? reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube: stream watchdog on {LiveChatId}: {Reason}")]
        public static partial void StreamFailing(ILogger logger, string liveChatId, string reason);
    }
}
