using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Twitch.Connection;

namespace LiveBot.Twitch.Irc;

/// <summary>Handles the IRC lines of one or more commands (PRIVMSG, NOTICE...). Registered in DI, one per command family.</summary>
public interface IIrcHandler
{
    /// <summary>The commands handled ("PRIVMSG", "001"...).</summary>
    IReadOnlyList<string> Commands { get; }

    /// <summary>Handles one parsed line synchronously (its spans do not cross awaits) and says what the reader does next.</summary>
    IrcOutcome Handle(in IrcMessage message, IrcSocket socket);
}

/// <summary>What the reader does after a line.</summary>
public enum IrcAction
{
    None,

    /// <summary>Hand <see cref="IrcOutcome.Message"/> to the pipeline.</summary>
    Chat,

    /// <summary>Hand <see cref="IrcOutcome.Moderation"/> (CLEARCHAT, CLEARMSG) to the pipeline.</summary>
    Moderation,

    /// <summary>Write <see cref="IrcOutcome.Line"/> back.</summary>
    Send,

    /// <summary>Logged in: join the channels, start sending.</summary>
    Welcome,

    /// <summary>Twitch asks for a new connection.</summary>
    Reconnect,

    /// <summary>The login was refused.</summary>
    AuthFailed,
}

public readonly record struct IrcOutcome(IrcAction Action, ChatMessage? Message = null, string? Line = null, ChatModeration? Moderation = null)
{
    public static IrcOutcome None => default;
}

/// <summary>Finds the handler of a line's command without allocating.</summary>
public sealed class IrcDispatcher
{
    private readonly Dictionary<string, IIrcHandler>.AlternateLookup<ReadOnlySpan<char>> _handlers;

    public IrcDispatcher(IEnumerable<IIrcHandler> handlers)
    {
        var byCommand = new Dictionary<string, IIrcHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            foreach (var command in handler.Commands)
            {
                byCommand[command] = handler;
            }
        }

        _handlers = byCommand.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IrcOutcome Dispatch(in IrcMessage message, IrcSocket socket) =>
        _handlers.TryGetValue(message.Command, out var handler) ? handler.Handle(message, socket) : IrcOutcome.None;
}
