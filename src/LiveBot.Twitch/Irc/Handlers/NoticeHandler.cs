using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>
/// NOTICE: a refused login ends the connection; <c>msg_ratelimit</c> pauses the outbox; banned, timed out or
/// suspended channels take no message for that long; anything else is logged.
/// </summary>
public sealed partial class NoticeHandler(TwitchChatState state, TwitchOutbox outbox, TimeProvider time, ILogger<NoticeHandler> logger) : IIrcHandler
{
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
            default:
                Log.Notice(logger, channel ?? "*", msgId, Printable(text));
                break;
        }

        return IrcOutcome.None;
    }

    /// <summary>"You are timed out for 599 more seconds." -> 599 s (10 minutes when no number is found).</summary>
    public static TimeSpan TimeoutLength(ReadOnlySpan<char> text)
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
                return TimeSpan.FromSeconds(seconds + 1);
            }
        }

        return TimeSpan.FromMinutes(10);
    }

    private static string Printable(ReadOnlySpan<char> text) => ReplyText.Sanitize((text.Length > 200 ? text[..200] : text).ToString());

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch NOTICE in {Channel} ({MsgId}): {Text}")]
        public static partial void Notice(ILogger logger, string channel, string msgId, string text);
    }
}
