using Google.Apis.Requests;
using Newtonsoft.Json;

namespace LiveBot.YouTube.Api.Data;

public sealed class LiveChatMessageListResponse : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("kind")]
    public string? Kind { get; set; }

    [JsonProperty("nextPageToken")]
    public string? NextPageToken { get; set; }

    /// <summary>The least time to wait before the next call with <see cref="NextPageToken"/>.</summary>
    [JsonProperty("pollingIntervalMillis")]
    public long? PollingIntervalMillis { get; set; }

    /// <summary>Set only once the stream went offline.</summary>
    [JsonProperty("offlineAt")]
    public string? OfflineAtRaw { get; set; }

    [JsonProperty("pageInfo")]
    public PageInfo? PageInfo { get; set; }

    /// <summary>Oldest first.</summary>
    [JsonProperty("items")]
    public IList<LiveChatMessage>? Items { get; set; }
}

public sealed class PageInfo
{
    [JsonProperty("totalResults")]
    public int? TotalResults { get; set; }

    [JsonProperty("resultsPerPage")]
    public int? ResultsPerPage { get; set; }
}

public sealed class LiveChatMessage : IDirectResponseSchema
{
    [JsonProperty("etag")]
    public string? ETag { get; set; }

    [JsonProperty("kind")]
    public string? Kind { get; set; }

    [JsonProperty("id")]
    public string? Id { get; set; }

    [JsonProperty("snippet")]
    public LiveChatMessageSnippet? Snippet { get; set; }

    [JsonProperty("authorDetails")]
    public LiveChatMessageAuthorDetails? AuthorDetails { get; set; }
}

public sealed partial class LiveChatMessageSnippet
{
    public const string TextMessageEvent = "textMessageEvent";
    public const string ChatEndedEvent = "chatEndedEvent";
    public const string SuperChatEvent = "superChatEvent";
    public const string MemberMilestoneChatEvent = "memberMilestoneChatEvent";

    [JsonProperty("type")]
    public string? Type { get; set; }

    [JsonProperty("liveChatId")]
    public string? LiveChatId { get; set; }

    [JsonProperty("authorChannelId")]
    public string? AuthorChannelId { get; set; }

    [JsonProperty("publishedAt")]
    public string? PublishedAtRaw { get; set; }

    [JsonProperty("hasDisplayContent")]
    public bool? HasDisplayContent { get; set; }

    [JsonProperty("displayMessage")]
    public string? DisplayMessage { get; set; }

    [JsonProperty("textMessageDetails")]
    public LiveChatTextMessageDetails? TextMessageDetails { get; set; }

    /// <summary>Set on a <c>superChatEvent</c> (a paid message).</summary>
    [JsonProperty("superChatDetails")]
    public LiveChatSuperChatDetails? SuperChatDetails { get; set; }

    /// <summary>Set on a <c>memberMilestoneChatEvent</c> (a member's anniversary message).</summary>
    [JsonProperty("memberMilestoneChatDetails")]
    public LiveChatMemberMilestoneChatDetails? MemberMilestoneChatDetails { get; set; }
}

public sealed class LiveChatSuperChatDetails
{
    /// <summary>The viewer's text (may be absent: a super chat without a comment).</summary>
    [JsonProperty("userComment")]
    public string? UserComment { get; set; }

    [JsonProperty("amountDisplayString")]
    public string? AmountDisplayString { get; set; }

    [JsonProperty("tier")]
    public long? Tier { get; set; }
}

public sealed class LiveChatMemberMilestoneChatDetails
{
    /// <summary>The member's text (may be absent).</summary>
    [JsonProperty("userComment")]
    public string? UserComment { get; set; }

    [JsonProperty("memberMonth")]
    public long? MemberMonth { get; set; }

    [JsonProperty("memberLevelName")]
    public string? MemberLevelName { get; set; }
}

public sealed class LiveChatTextMessageDetails
{
    [JsonProperty("messageText")]
    public string? MessageText { get; set; }
}

public sealed class LiveChatMessageAuthorDetails
{
    [JsonProperty("channelId")]
    public string? ChannelId { get; set; }

    [JsonProperty("channelUrl")]
    public string? ChannelUrl { get; set; }

    [JsonProperty("displayName")]
    public string? DisplayName { get; set; }

    [JsonProperty("profileImageUrl")]
    public string? ProfileImageUrl { get; set; }

    [JsonProperty("isVerified")]
    public bool? IsVerified { get; set; }

    [JsonProperty("isChatOwner")]
    public bool? IsChatOwner { get; set; }

    [JsonProperty("isChatSponsor")]
    public bool? IsChatSponsor { get; set; }

    [JsonProperty("isChatModerator")]
    public bool? IsChatModerator { get; set; }
}
