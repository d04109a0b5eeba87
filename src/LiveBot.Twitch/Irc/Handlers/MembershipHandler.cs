using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Logging;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>JOIN / PART of the bot (channels joined now) and USERSTATE (is the bot moderator or broadcaster there).</summary>
public sealed partial class MembershipHandler(TwitchChatState state, TwitchOutbox outbox, ILogger<MembershipHandler> logger) : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["JOIN", "PART", "USERSTATE"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        var channel = state.Channel(message.Param(0));
        if (channel is null)
        {
            return IrcOutcome.None;
        }

        if (message.Command.SequenceEqual("USERSTATE"))
        {
            outbox.SetPrivileged(channel, TwitchMessageReader.IsPrivileged(message));
            state.Status.Touch();
            return IrcOutcome.None;
        }

        if (message.Nick.Equals(state.Login, StringComparison.OrdinalIgnoreCase))
        {
            var joined = message.Command[0] == 'J';
            state.SetJoined(channel, joined);
            if (joined)
            {
                Log.JoinedChannel(logger, channel);
            }
        }

        return IrcOutcome.None;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: joined #{Channel}")]
        public static partial void JoinedChannel(ILogger logger, string channel);
    }
}
