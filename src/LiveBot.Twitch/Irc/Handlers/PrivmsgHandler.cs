using LiveBot.Twitch.Connection;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>PRIVMSG: a chat line for the pipeline, unless it is the bot's own or was seen already.</summary>
public sealed class PrivmsgHandler(TwitchChatState state, TimeProvider time) : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["PRIVMSG"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        var chat = TwitchMessageReader.ToChatMessage(message, time.GetUtcNow(), state.ChannelName);
        if (chat is null || chat.Login == state.Login || !state.Seen.Add(chat.Id))
        {
            return IrcOutcome.None;
        }

        return new IrcOutcome(IrcAction.Chat, chat);
    }
}
