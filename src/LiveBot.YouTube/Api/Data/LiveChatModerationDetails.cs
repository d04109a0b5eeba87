using Newtonsoft.Json;

namespace LiveBot.YouTube.Api.Data;

/// <summary>The moderation events of a live chat: <c>messageDeletedEvent</c> and <c>userBannedEvent</c>.</summary>
public sealed partial class LiveChatMessageSnippet
{
    public const string MessageDeletedEvent = "messageDeletedEvent";
    public const string UserBannedEvent = "userBannedEvent";

    [JsonProperty("messageDeletedDetails")]
    public LiveChatMessageDeletedDetails? MessageDeletedDetails { get; set; }

    [JsonProperty("userBannedDetails")]
    public LiveChatUserBannedMessageDetails? UserBannedDetails { get; set; }
}

public sealed class LiveChatMessageDeletedDetails
{
    [JsonProperty("deletedMessageId")]
    public string? DeletedMessageId { get; set; }
}

public sealed class LiveChatUserBannedMessageDetails
{
    /// <summary>The viewer banned (the item's <c>authorDetails</c> is the moderator who did it).</summary>
    [JsonProperty("bannedUserDetails")]
    public LiveChatBannedUser? BannedUserDetails { get; set; }

    /// <summary><c>permanent</c> or <c>temporary</c>.</summary>
    [JsonProperty("banType")]
    public string? BanType { get; set; }

    [JsonProperty("banDurationSeconds")]
    public ulong? BanDurationSeconds { get; set; }
}

public sealed class LiveChatBannedUser
{
    [JsonProperty("channelId")]
    public string? ChannelId { get; set; }

    [JsonProperty("displayName")]
    public string? DisplayName { get; set; }
}
