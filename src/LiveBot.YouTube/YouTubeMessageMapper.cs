using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube;

/// <summary>Turns a <c>textMessageEvent</c> into the platform-neutral <see cref="ChatMessage"/>.</summary>
public static class YouTubeMessageMapper
{
    public const int MaxTextLength = 2_000;

    /// <summary>The chat line, or null when <paramref name="item"/> is not a usable text message.</summary>
    public static ChatMessage? ToChatMessage(LiveChatMessage item, string liveChatId, DateTimeOffset fallbackTime)
    {
        var snippet = item.Snippet;
        if (string.IsNullOrEmpty(item.Id) || snippet?.Type != LiveChatMessageSnippet.TextMessageEvent)
        {
            return null;
        }

        var text = snippet.TextMessageDetails?.MessageText ?? snippet.DisplayMessage;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var author = item.AuthorDetails;
        var channelId = author?.ChannelId ?? snippet.AuthorChannelId;
        if (string.IsNullOrEmpty(channelId))
        {
            return null;
        }

        var displayName = string.IsNullOrWhiteSpace(author?.DisplayName) ? channelId : author.DisplayName.Trim();
        var time = DateTimeOffset.TryParse(snippet.PublishedAtRaw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published)
            ? published
            : fallbackTime;
        return new ChatMessage(YouTubeChatClient.PlatformName, liveChatId, item.Id, channelId, displayName.TrimStart('@'), displayName, RoleOf(author), text, time);
    }

    /// <summary>isChatOwner: broadcaster; isChatModerator: moderator; isChatSponsor (member): subscriber.</summary>
    public static ChatRole RoleOf(LiveChatMessageAuthorDetails? author) =>
        author switch
        {
            { IsChatOwner: true } => ChatRole.Broadcaster,
            { IsChatModerator: true } => ChatRole.Moderator,
            { IsChatSponsor: true } => ChatRole.Subscriber,
            _ => ChatRole.Viewer,
        };
}
