using System.Globalization;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>
/// CLEARCHAT (a viewer timed out with <c>ban-duration</c>, banned without it, or the whole chat cleared without
/// <c>target-user-id</c>) and CLEARMSG (one message deleted: <c>target-msg-id</c>) become the platform-neutral
/// <see cref="ChatModeration"/> for the pipeline. When the target is the bot itself, its channel is blocked too.
/// </summary>
public sealed class ModerationHandler(TwitchChatState state, TwitchOutbox outbox, TimeProvider time) : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["CLEARCHAT", "CLEARMSG"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        var channel = state.Channel(message.Param(0));
        if (channel is null)
        {
            return IrcOutcome.None;
        }

        var now = time.GetUtcNow();
        var at = SentAt(message.GetTag("tmi-sent-ts"), now);
        ChatModeration? moderation;
        if (message.Command.SequenceEqual("CLEARMSG"))
        {
            var target = message.GetTag("target-msg-id");
            moderation = string.IsNullOrEmpty(target)
                ? null
                : new ChatModeration(TwitchChatClient.PlatformName, channel, ModerationKind.MessageDeleted, at) { MessageId = target };
        }
        else
        {
            var user = message.GetTag("target-user-id");
            var duration = int.TryParse(message.GetTag("ban-duration"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null;
            moderation = string.IsNullOrEmpty(user)
                ? new ChatModeration(TwitchChatClient.PlatformName, channel, ModerationKind.ChatCleared, at)
                : new ChatModeration(TwitchChatClient.PlatformName, channel, duration is null ? ModerationKind.UserBanned : ModerationKind.UserTimedOut, at)
                {
                    UserId = user,
                    Duration = duration,
                };

            if (!string.IsNullOrEmpty(user) && message.ParamCount > 1 && message.LastParam.Equals(state.Login, StringComparison.OrdinalIgnoreCase))
            {
                // The bot itself: nothing it sends there would be shown.
                outbox.Block(channel, duration is null ? "banned" : "timedout", now + (duration + TimeSpan.FromSeconds(1) ?? TimeSpan.FromHours(1)));
            }
        }

        return moderation is null ? IrcOutcome.None : new IrcOutcome(IrcAction.Moderation, Moderation: moderation);
    }

    private static DateTimeOffset SentAt(string? raw, DateTimeOffset now) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : now;
}
