namespace LiveBot.Core.Chat.Moderation;

/// <summary>What the channel's moderators did.</summary>
public enum ModerationKind
{
    /// <summary>One message deleted (Twitch <c>CLEARMSG</c>, YouTube <c>messageDeletedEvent</c>).</summary>
    MessageDeleted,

    /// <summary>A viewer timed out for <see cref="ChatModeration.Duration"/> (Twitch <c>CLEARCHAT</c> with <c>ban-duration</c>, YouTube temporary ban).</summary>
    UserTimedOut,

    /// <summary>A viewer banned (Twitch <c>CLEARCHAT</c> without <c>ban-duration</c>, YouTube permanent ban).</summary>
    UserBanned,

    /// <summary>The whole chat cleared (Twitch <c>CLEARCHAT</c> without a target).</summary>
    ChatCleared,
}

/// <summary>
/// A moderation action, whatever platform it came from: the one shape platform clients build from their wire
/// format (Twitch IRC, YouTube live chat) and hand to the <see cref="ChatInbox"/>. The bot then drops the
/// answers still waiting for that viewer or message and hides their open questions, with a reason.
/// </summary>
/// <param name="Platform">Platform name ("twitch", "youtube").</param>
/// <param name="Channel">The chat (Twitch channel without '#', YouTube live chat id).</param>
/// <param name="Kind">What was done.</param>
/// <param name="Time">When the platform says it was done.</param>
public sealed record ChatModeration(string Platform, string Channel, ModerationKind Kind, DateTimeOffset Time)
{
    /// <summary>The platform's user id of the viewer banned or timed out (not qualified: "789", a YouTube channel id).</summary>
    public string? UserId { get; init; }

    /// <summary>The platform's id of the deleted message.</summary>
    public string? MessageId { get; init; }

    /// <summary>How long a time-out lasts (null for a ban).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The viewer's id qualified by the platform ("twitch:789"), as questions keep it; null without a viewer.</summary>
    public string? QualifiedUserId => UserId is null ? null : $"{Platform}:{UserId}";

    /// <summary>Slack between the platform's clocks for "written before the action".</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(2);

    /// <summary>
    /// True when <paramref name="message"/> is the deleted message, or was written in that chat before the action
    /// by the viewer banned or timed out (or by anyone, for a cleared chat). What is written after a time-out
    /// ended is not concerned.
    /// </summary>
    public bool Affects(ChatMessage message)
    {
        if (!string.Equals(message.Platform, Platform, StringComparison.Ordinal))
        {
            return false;
        }

        if (Kind == ModerationKind.MessageDeleted)
        {
            return MessageId is not null && message.Id == MessageId;
        }

        var before = message.Time <= Time + ClockSlack && string.Equals(message.Channel, Channel, StringComparison.Ordinal);
        return Kind switch
        {
            ModerationKind.UserBanned or ModerationKind.UserTimedOut => before && UserId is not null && message.UserId == UserId,
            ModerationKind.ChatCleared => before,
            _ => false,
        };
    }

    /// <summary>True when <paramref name="message"/> answers a chat line this action removed (announcements never are).</summary>
    public bool Affects(OutgoingMessage message) =>
        message.InReplyTo is { } original
        && string.Equals(message.Platform, Platform, StringComparison.Ordinal)
        && Affects(original);

    /// <summary>Why the viewer's question was hidden, in French for presenters.</summary>
    public string Reason => Kind switch
    {
        ModerationKind.MessageDeleted => "message supprimé par la modération",
        ModerationKind.UserTimedOut when Duration is { } d => $"auteur exclu temporairement du chat ({Describe(d)})",
        ModerationKind.UserTimedOut => "auteur exclu temporairement du chat",
        ModerationKind.UserBanned => "auteur banni du chat",
        _ => "chat effacé par la modération",
    };

    private static string Describe(TimeSpan d) =>
        d.TotalDays >= 1 ? $"{(int)d.TotalDays} j"
        : d.TotalHours >= 1 ? $"{(int)d.TotalHours} h"
        : d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes} min"
        : $"{(int)Math.Max(1, d.TotalSeconds)} s";
}

/// <summary>Something that acts on moderation: the questions (hide), each platform's outbox (drop waiting answers).</summary>
public interface IChatModerationHandler
{
    /// <summary>Applies <paramref name="moderation"/>; must be idempotent (it may be applied again for a line handled meanwhile) and quick.</summary>
    void OnModeration(ChatModeration moderation);
}
