using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>
/// NOTICE: a refused login ends the connection; <c>msg_ratelimit</c> pauses the outbox; banned, timed out or
/// suspended channels take no message for that long; a refused message (<see cref="RefusalIds"/>) counts as
/// dropped with its msg-id, not as sent, and the mode it reveals is kept until a ROOMSTATE says otherwise;
/// anything else is logged.
/// </summary>
public sealed partial class NoticeHandler(TwitchChatState state, TwitchOutbox outbox, TimeProvider time, ILogger<NoticeHandler> logger) : IIrcHandler
{
    /// <summary>NOTICE msg-ids that mean "your last message in this channel was not sent".</summary>
    public static readonly IReadOnlySet<string> RefusalIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "msg_duplicate", "msg_slowmode", "msg_followersonly", "msg_subsonly", "msg_emoteonly", "msg_r9k",
        "msg_suspended", "msg_requires_verified_phone_number", "msg_verified_email",
        "msg_banned", "msg_timedout", "msg_channel_suspended", "msg_ratelimit", "msg_rejected_mandatory",
    };

    public IReadOnlyList<string> Commands { get; } = ["NOTICE"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        var text = message.LastParam;
        var msgId = message.GetTag("msg-id") ?? string.Empty;
        if (msgId.Length == 0
            && (text.Contains("Login authentication failed", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Improperly formatted auth", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Login unsuccessful", StringComparison.OrdinalIgnoreCase)))
        {
            return new IrcOutcome(IrcAction.AuthFailed);
        }

        var channel = state.Channel(message.Param(0));
        var now = time.GetUtcNow();
        if (channel is not null && RefusalIds.Contains(msgId) && outbox.Refused(channel, msgId))
        {
            Log.Refused(logger, channel, msgId);
        }

        switch (msgId)
        {
            case "msg_ratelimit":
                outbox.Pause(TwitchLimits.RateLimitPause);
                break;
            case "msg_banned" when channel is not null:
                outbox.Block(channel, "banned", now + TimeSpan.FromHours(1));
                break;
            case "msg_channel_suspended" when channel is not null:
                outbox.Block(channel, "channel_suspended", now + TimeSpan.FromHours(1));
                break;
            case "msg_timedout" when channel is not null:
                outbox.Block(channel, "timedout", now + TimeoutLength(text));
                break;
            case "msg_slowmode" when channel is not null && SecondsIn(text) is { } seconds:
                // "... You will be able to talk again in 5 seconds.": the slow mode is that long at least.
                outbox.UpdateModes(channel, m => m.SlowSeconds >= seconds ? m : m with { SlowSeconds = seconds });
                break;
            case "msg_followersonly" when channel is not null:
                outbox.UpdateModes(channel, m => m.FollowersOnlyMinutes >= 0 ? m : m with { FollowersOnlyMinutes = 0 });
                break;
            case "msg_subsonly" when channel is not null:
                outbox.UpdateModes(channel, m => m with { SubsOnly = true });
                break;
            case "msg_emoteonly" when channel is not null:
                outbox.UpdateModes(channel, m => m with { EmoteOnly = true });
                break;
            case "msg_suspended" or "msg_requires_verified_phone_number" or "msg_verified_email" when channel is not null:
                outbox.Block(channel, msgId["msg_".Length..], now + TwitchLimits.RefusalBlock);
                break;
            case "msg_duplicate" or "msg_r9k":
                break;
            default:
                Log.Notice(logger, channel ?? "*", msgId, Printable(text));
                break;
        }

        return IrcOutcome.None;
    }

    /// <summary>"You are timed out for 599 more seconds." -> 599 s (10 minutes when no number is found).</summary>
    public static TimeSpan TimeoutLength(ReadOnlySpan<char> text) =>
        SecondsIn(text) is { } seconds ? TimeSpan.FromSeconds(seconds + 1) : TimeSpan.FromMinutes(10);

    /// <summary>The first number of seconds in a NOTICE's text (1 s to 14 days), or null.</summary>
    public static int? SecondsIn(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyInRange('0', '9');
        if (start >= 0)
        {
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (int.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 1_209_600)
            {
                return seconds;
            }
        }

        return null;
    }

    private static string Printable(ReadOnlySpan<char> text) => ReplyText.Sanitize((text.Length > 200 ? text[..200] : text).ToString());

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch refused the last message in #{Channel} ({MsgId}): counted as dropped")]
        public static partial void Refused(ILogger logger, string channel, string msgId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch NOTICE in {Channel} ({MsgId}): {Text}")]
        public static partial void Notice(ILogger logger, string channel, string msgId, string text);
    }
}
