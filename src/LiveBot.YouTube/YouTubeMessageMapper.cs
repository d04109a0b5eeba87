using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.Core.Text;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube;

/// <summary>
/// Turns a <c>textMessageEvent</c>, or the comment of a <c>superChatEvent</c> or <c>memberMilestoneChatEvent</c>,
/// into the platform-neutral <see cref="ChatMessage"/>.
/// </summary>
public static class YouTubeMessageMapper
{
    public const int MaxTextLength = 2_000;

    /// <summary>The chat line, or null when <paramref name="item"/> carries no usable viewer text.</summary>
    public static ChatMessage? ToChatMessage(LiveChatMessage item, string liveChatId, DateTimeOffset fallbackTime)
    {
        var snippet = item.Snippet;
        if (string.IsNullOrEmpty(item.Id) || snippet is null)
        {
            return null;
        }

        var text = TextOf(snippet);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            text = UnicodeText.Cut(text, MaxTextLength).ToString();
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

    /// <summary>
    /// What the viewer wrote: a text message's text, a super chat's or a member milestone's comment (paid
    /// messages carry commands too: a super chat's <c>!question</c> is a question); null for other events.
    /// </summary>
    public static string? TextOf(LiveChatMessageSnippet snippet) => snippet.Type switch
    {
        LiveChatMessageSnippet.TextMessageEvent => snippet.TextMessageDetails?.MessageText ?? snippet.DisplayMessage,
        LiveChatMessageSnippet.SuperChatEvent => snippet.SuperChatDetails?.UserComment,
        LiveChatMessageSnippet.MemberMilestoneChatEvent => snippet.MemberMilestoneChatDetails?.UserComment,
        _ => null,
    };

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
