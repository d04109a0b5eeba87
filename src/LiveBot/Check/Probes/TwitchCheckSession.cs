using LiveBot.Twitch.Irc;

namespace LiveBot.Check.Probes;

/// <summary>What the check's Twitch connection learnt from the lines it read: login answer, and per channel what Twitch said.</summary>
public sealed class TwitchCheckSession(IReadOnlyList<string> channels)
{
    private readonly Dictionary<string, TwitchRoomFindings> _rooms = channels.ToDictionary(c => c, _ => new TwitchRoomFindings(), StringComparer.Ordinal);

    public IrcLineBuffer Buffer { get; } = new();

    public bool LoginAnswered { get; private set; }

    public bool LoginRefused { get; private set; }

    public bool AllChannelsAnswered => _rooms.Values.All(r => r.Answered);

    public TwitchRoomFindings Room(string channel) => _rooms[channel];

    /// <summary>Handles the buffered lines; returns the lines to send back (PONG).</summary>
    public List<string> ReadLines()
    {
        var replies = new List<string>();
        while (Buffer.TryReadLine(out var line))
        {
            if (IrcMessage.TryParse(line, out var message) && Handle(message) is { } reply)
            {
                replies.Add(reply);
            }
        }

        return replies;
    }

    private string? Handle(IrcMessage message)
    {
        var command = message.Command;
        if (command.SequenceEqual("PING"))
        {
            return "PONG :" + message.LastParam.ToString();
        }

        if (command.SequenceEqual("001"))
        {
            LoginAnswered = true;
            return null;
        }

        var target = message.ParamCount > 0 ? message.Param(0) : default;
        var room = target.Length > 1 && target[0] == '#' && _rooms.TryGetValue(target[1..].ToString().ToLowerInvariant(), out var found) ? found : null;
        if (command.SequenceEqual("NOTICE"))
        {
            if (room is null && (message.LastParam.Contains("authentication failed", StringComparison.OrdinalIgnoreCase) || message.LastParam.Contains("Improperly formatted auth", StringComparison.OrdinalIgnoreCase)))
            {
                LoginAnswered = true;
                LoginRefused = true;
            }
            else if (room is not null)
            {
                room.Refused(message.GetTag("msg-id") ?? "notice", message.LastParam.ToString());
            }

            return null;
        }

        if (room is null)
        {
            return null;
        }

        if (command.SequenceEqual("USERSTATE"))
        {
            room.UserState(message.GetTag("mod") == "1", message.GetTag("badges") ?? string.Empty);
        }
        else if (command.SequenceEqual("ROOMSTATE"))
        {
            foreach (var tag in message.EnumerateTags())
            {
                room.Mode(tag.Name.ToString(), tag.RawValue.ToString());
            }
        }

        return null;
    }
}
