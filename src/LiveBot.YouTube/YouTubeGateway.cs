using Google;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Google.Apis.Requests;
using Google.Apis.Services;
using LiveBot.Core.Metrics;
using LiveBot.YouTube.Api;
using LiveBot.YouTube.Api.Data;
using LiveBot.YouTube.Auth;
using LiveBot.YouTube.Quota;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube;

/// <summary>A live's chat, when the live began and its title when YouTube says so.</summary>
public sealed record FoundChat(string LiveChatId, DateTimeOffset? StartedAt, string? Title = null);

/// <summary>
/// The calls the bot makes, each booked in the <see cref="QuotaLedger"/>, bounded by
/// <see cref="YouTubeOptions.RequestTimeout"/> on the injected clock, and failing only with a classified
/// <see cref="YouTubeCallException"/>. Each request is counted in the upstream metrics (sources
/// <c>youtube</c> and <c>youtubeauth</c>).
/// </summary>
public sealed class YouTubeGateway : IDisposable
{
    public const string LiveBroadcastsList = "liveBroadcasts.list";
    public const string VideosList = "videos.list";
    public const string MessagesList = "liveChatMessages.list";
    public const string MessagesInsert = "liveChatMessages.insert";
    public const string MessagesDelete = "liveChatMessages.delete";
    public const string MessagesStreamList = "liveChatMessages.streamList";

    /// <summary>REST form of liveChatMessages.streamList (server streaming), relative to the API root.</summary>
    public const string StreamPath = "youtube/v3/liveChat/messages/stream";

    private readonly YouTubeOptions _options;
    private readonly QuotaLedger _ledger;
    private readonly TimeProvider _time;
    private readonly YouTubeService _service;

    public YouTubeGateway(IOptions<YouTubeOptions> options, QuotaLedger ledger, TimeProvider time, UpstreamMetrics metrics)
    {
        _options = options.Value;
        _ledger = ledger;
        _time = time;
        _service = new YouTubeService(new BaseClientService.Initializer
        {
            HttpClientInitializer = YouTubeCredentials.FromRefreshToken(_options, time, metrics),
            HttpClientFactory = new MeteredHttpClientFactory(metrics, MeteredHttpClientFactory.DataApi, time),
            BaseUri = _options.ApiBaseUri,
            ApplicationName = "LiveBot",
            GZipEnabled = true,
            // Retries are ours (backoff on the injected clock), not the library's.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        });
    }

    public YouTubeService Service => _service;

    /// <summary>videos.list -> the video's activeLiveChatId (and when the live began), or null when it is not live.</summary>
    public async Task<FoundChat?> FindChatOfVideoAsync(string videoId, CancellationToken cancellationToken)
    {
        var request = _service.Videos.List("liveStreamingDetails");
        request.Id = videoId;
        var response = await ExecuteAsync(request, VideosList, _options.QuotaCosts.VideosList, isRead: true, cancellationToken);
        return response.Items?
            .Where(v => !string.IsNullOrWhiteSpace(v?.LiveStreamingDetails?.ActiveLiveChatId))
            .Select(v => new FoundChat(v.LiveStreamingDetails!.ActiveLiveChatId!, ParseTime(v.LiveStreamingDetails.ActualStartTimeRaw)))
            .FirstOrDefault();
    }

    /// <summary>
    /// liveBroadcasts.list?broadcastStatus=active&amp;broadcastType=all -> the chat of the channel's live, or null
    /// (without broadcastType=all YouTube lists scheduled events only, never a "Stream now" live).
    /// </summary>
    public async Task<FoundChat?> FindActiveBroadcastChatAsync(CancellationToken cancellationToken)
    {
        var request = _service.LiveBroadcasts.List("snippet");
        request.BroadcastStatus = "active";
        request.BroadcastType = "all";
        var response = await ExecuteAsync(request, LiveBroadcastsList, _options.QuotaCosts.LiveBroadcastsList, isRead: true, cancellationToken);
        return response.Items?
            .Where(b => !string.IsNullOrWhiteSpace(b?.Snippet?.LiveChatId))
            .Select(b => new FoundChat(b.Snippet!.LiveChatId!, ParseTime(b.Snippet.ActualStartTimeRaw), b.Snippet.Title))
            .FirstOrDefault();
    }

    public Task<LiveChatMessageListResponse> ListMessagesAsync(string liveChatId, string? pageToken, CancellationToken cancellationToken)
    {
        var request = _service.LiveChatMessages.List(liveChatId, "id,snippet,authorDetails");
        request.PageToken = string.IsNullOrEmpty(pageToken) ? null : pageToken;
        request.MaxResults = 2000;
        return ExecuteAsync(request, MessagesList, _options.QuotaCosts.List, isRead: true, cancellationToken);
    }

    public Task<LiveChatMessage> InsertMessageAsync(string liveChatId, string text, CancellationToken cancellationToken)
    {
        var body = new LiveChatMessage
        {
            Snippet = new LiveChatMessageSnippet
            {
                LiveChatId = liveChatId,
                Type = LiveChatMessageSnippet.TextMessageEvent,
                TextMessageDetails = new LiveChatTextMessageDetails { MessageText = text },
            },
        };
        return ExecuteAsync(_service.LiveChatMessages.Insert(body, "snippet"), MessagesInsert, _options.QuotaCosts.Insert, isRead: false, cancellationToken);
    }

    /// <summary>
    /// Opens liveChatMessages.streamList (one connection = one call, booked when the server accepted it),
    /// through the service's authenticated pipeline (bearer token, refresh and retry on 401). The
    /// <see cref="YouTubeOptions.RequestTimeout"/> covers the answer's headers only: the body stays open.
    /// </summary>
    public async Task<LiveChatMessageStream> OpenStreamAsync(string liveChatId, string? pageToken, CancellationToken cancellationToken)
    {
        var query = "?liveChatId=" + Uri.EscapeDataString(liveChatId) + "&part=id,snippet,authorDetails";
        if (!string.IsNullOrEmpty(pageToken))
        {
            query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        }

        var cost = _options.QuotaCosts.StreamList;
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_service.BaseUri), StreamPath + query));
            response = await _service.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStreamAsync(linked.Token);
                _ledger.Spend(MessagesStreamList, cost, isRead: true);
                var stream = new LiveChatMessageStream(response, body, _service.Serializer);
                response = null;
                return stream;
            }

            var reason = await ReadErrorReasonAsync(response, linked.Token);
            _ledger.Spend(MessagesStreamList, 1, isRead: true);
            var failure = status is 405 or 501 || (status == 404 && reason is null) ? YouTubeFailure.StreamUnavailable : Classify(status, reason);
            throw new YouTubeCallException(failure, MessagesStreamList, status, reason, null);
        }
        catch (TokenResponseException ex)
        {
            var status = ex.StatusCode is { } code ? (int)code : 0;
            var failure = status is 0 or >= 500 ? YouTubeFailure.Transient : YouTubeFailure.Unauthorized;
            throw new YouTubeCallException(failure, MessagesStreamList, status, ex.Error?.Error, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new YouTubeCallException(YouTubeFailure.Transient, MessagesStreamList, null, "timeout", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new YouTubeCallException(YouTubeFailure.Transient, MessagesStreamList, null, "network", ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    public void Dispose() => _service.Dispose();

    /// <summary>The first error reason of a Data API error body (<c>error.errors[0].reason</c>), or null.</summary>
    private static async Task<string?> ReadErrorReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length is 0 or > 65_536)
            {
                return null;
            }

            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == System.Text.Json.JsonValueKind.Object
                && error.TryGetProperty("errors", out var errors)
                && errors.ValueKind == System.Text.Json.JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].ValueKind == System.Text.Json.JsonValueKind.Object
                && errors[0].TryGetProperty("reason", out var reason)
                && reason.ValueKind == System.Text.Json.JsonValueKind.String
                    ? reason.GetString()
                    : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseTime(string? raw) =>
        DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>Maps an API error to what it means for the bot.</summary>
    public static YouTubeFailure Classify(int status, string? reason) => reason switch
    {
        "quotaExceeded" or "dailyLimitExceeded" => YouTubeFailure.QuotaExceeded,
        "rateLimitExceeded" or "userRateLimitExceeded" => YouTubeFailure.RateLimited,
        "liveChatEnded" => YouTubeFailure.ChatEnded,
        "liveChatDisabled" => YouTubeFailure.ChatDisabled,
        "liveChatNotFound" => YouTubeFailure.NotFound,
        "messageTextInvalid" => YouTubeFailure.InvalidText,
        "forbidden" or "insufficientPermissions" => YouTubeFailure.Forbidden,
        _ => status switch
        {
            401 => YouTubeFailure.Unauthorized,
            403 => YouTubeFailure.Forbidden,
            404 => YouTubeFailure.NotFound,
            429 => YouTubeFailure.RateLimited,
            >= 500 or < 200 => YouTubeFailure.Transient,
            _ => YouTubeFailure.BadRequest,
        },
    };

    private async Task<T> ExecuteAsync<T>(ClientServiceRequest<T> request, string method, int cost, bool isRead, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await request.ExecuteAsync(linked.Token);
            _ledger.Spend(method, cost, isRead);
            return response;
        }
        catch (GoogleApiException ex)
        {
            // A rejected call still costs (at least) a unit.
            var status = (int)ex.HttpStatusCode;
            _ledger.Spend(method, status is >= 200 and < 300 ? cost : 1, isRead);
            var reason = ex.Error?.Errors?.FirstOrDefault()?.Reason;
            throw new YouTubeCallException(Classify(status, reason), method, status, reason, ex);
        }
        catch (TokenResponseException ex)
        {
            var status = ex.StatusCode is { } code ? (int)code : 0;
            var failure = status is 0 or >= 500 ? YouTubeFailure.Transient : YouTubeFailure.Unauthorized;
            throw new YouTubeCallException(failure, method, status, ex.Error?.Error, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _ledger.Spend(method, cost, isRead);
            throw new YouTubeCallException(YouTubeFailure.Transient, method, null, "timeout", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new YouTubeCallException(YouTubeFailure.Transient, method, null, "network", ex);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            _ledger.Spend(method, cost, isRead);
            throw new YouTubeCallException(YouTubeFailure.Transient, method, null, "unreadable answer", ex);
        }
    }
}
