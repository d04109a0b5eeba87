using System.Globalization;
using LiveBot.Core.Chat.Moderation;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube;

/// <summary>
/// Turns YouTube's <c>messageDeletedEvent</c> (<c>messageDeletedDetails.deletedMessageId</c>) and
/// <c>userBannedEvent</c> (<c>userBannedDetails.bannedUserDetails.channelId</c>; <c>banType</c> temporary with
/// <c>banDurationSeconds</c>, or permanent) into the platform-neutral <see cref="ChatModeration"/>.
/// </summary>
public static class YouTubeModerationMapper
{
    /// <summary>True for the two moderation event types (mapped or not: never a chat line).</summary>
    public static bool IsModeration(LiveChatMessage item) =>
        item.Snippet?.Type is LiveChatMessageSnippet.MessageDeletedEvent or LiveChatMessageSnippet.UserBannedEvent;

    /// <summary>The action, or null when <paramref name="item"/> is no usable moderation event.</summary>
    public static ChatModeration? ToModeration(LiveChatMessage item, string liveChatId, DateTimeOffset fallbackTime)
    {
        var snippet = item.Snippet;
        if (snippet is null)
        {
            return null;
        }

        var time = DateTimeOffset.TryParse(snippet.PublishedAtRaw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published)
            ? published
            : fallbackTime;
        switch (snippet.Type)
        {
            case LiveChatMessageSnippet.MessageDeletedEvent when snippet.MessageDeletedDetails?.DeletedMessageId is { Length: > 0 } deleted:
                return new ChatModeration(YouTubeChatClient.PlatformName, liveChatId, ModerationKind.MessageDeleted, time) { MessageId = deleted };
            case LiveChatMessageSnippet.UserBannedEvent when snippet.UserBannedDetails?.BannedUserDetails?.ChannelId is { Length: > 0 } channelId:
                var details = snippet.UserBannedDetails;
                var temporary = string.Equals(details.BanType, "temporary", StringComparison.OrdinalIgnoreCase);
                TimeSpan? duration = temporary && details.BanDurationSeconds is > 0 and <= 31_536_000 ? TimeSpan.FromSeconds(details.BanDurationSeconds.Value) : null;
                return new ChatModeration(YouTubeChatClient.PlatformName, liveChatId, temporary ? ModerationKind.UserTimedOut : ModerationKind.UserBanned, time)
                {
                    UserId = channelId,
                    Duration = duration,
                };
            default:
                return null;
        }
    }
}
