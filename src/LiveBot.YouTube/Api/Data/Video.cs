using Google.Apis.Requests;
using Newtonsoft.Json;

namespace LiveBot.YouTube.Api.Data;

public sealed class VideoListResponse : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("kind")]
    public string? Kind { get; set; }

    [JsonProperty("items")]
    public IList<Video>? Items { get; set; }
}

public sealed class Video : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("liveStreamingDetails")]
    public VideoLiveStreamingDetails? LiveStreamingDetails { get; set; }
}

public sealed class VideoLiveStreamingDetails
{
    /// <summary>Present only while the video is live with its chat on.</summary>
    [JsonProperty("activeLiveChatId")]
    public string? ActiveLiveChatId { get; set; }

    [JsonProperty("actualStartTime")]
    public string? ActualStartTimeRaw { get; set; }

    [JsonProperty("actualEndTime")]
    public string? ActualEndTimeRaw { get; set; }

    [JsonProperty("concurrentViewers")]
    public ulong? ConcurrentViewers { get; set; }
}
