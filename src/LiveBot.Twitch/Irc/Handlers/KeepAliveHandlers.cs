using LiveBot.Twitch.Connection;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>PING from Twitch: answered at once with its text.</summary>
public sealed class PingHandler : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["PING"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket) =>
        new(IrcAction.Send, Line: "PONG :" + message.LastParam.ToString());
}

/// <summary>PONG: the answer to the bot's own keep-alive PING.</summary>
public sealed class PongHandler : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["PONG"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        socket.PongReceived = true;
        return IrcOutcome.None;
    }
}

/// <summary>001 (welcome: logged in) and RECONNECT (Twitch asks for a new connection).</summary>
public sealed class SessionHandler : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["001", "RECONNECT"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        if (message.Command.SequenceEqual("001"))
        {
            socket.LoggedIn = true;
            return new IrcOutcome(IrcAction.Welcome);
        }

        return new IrcOutcome(IrcAction.Reconnect);
    }
}
