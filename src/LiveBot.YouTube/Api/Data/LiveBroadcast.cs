using Google.Apis.Requests;
using Newtonsoft.Json;

namespace LiveBot.YouTube.Api.Data;

public sealed class LiveBroadcastListResponse : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("kind")]
    public string? Kind { get; set; }

    [JsonProperty("nextPageToken")]
    public string? NextPageToken { get; set; }

    [JsonProperty("items")]
    public IList<LiveBroadcast>? Items { get; set; }
}

public sealed class LiveBroadcast : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("snippet")]
    public LiveBroadcastSnippet? Snippet { get; set; }
}

public sealed class LiveBroadcastSnippet
{
    [JsonProperty("title")]
    public string? Title { get; set; }

    [JsonProperty("channelId")]
    public string? ChannelId { get; set; }

    [JsonProperty("liveChatId")]
    public string? LiveChatId { get; set; }

    [JsonProperty("actualStartTime")]
    public string? ActualStartTimeRaw { get; set; }

    [JsonProperty("actualEndTime")]
    public string? ActualEndTimeRaw { get; set; }
}
