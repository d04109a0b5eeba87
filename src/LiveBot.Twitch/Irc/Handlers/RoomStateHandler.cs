using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Outbox;

namespace LiveBot.Twitch.Irc.Handlers;

/// <summary>
/// ROOMSTATE: the channel's modes. The line after JOIN carries them all, later ones only the mode that
/// changed (<c>@room-id=456;slow=10 :tmi.twitch.tv ROOMSTATE #chan</c>); the outbox follows them.
/// </summary>
public sealed class RoomStateHandler(TwitchChatState state, TwitchOutbox outbox) : IIrcHandler
{
    public IReadOnlyList<string> Commands { get; } = ["ROOMSTATE"];

    public IrcOutcome Handle(in IrcMessage message, IrcSocket socket)
    {
        var channel = state.Channel(message.Param(0));
        if (channel is null)
        {
            return IrcOutcome.None;
        }

        var tags = new List<(string Name, string Value)>(5);
        foreach (var tag in message.EnumerateTags())
        {
            if (tag.Name is "slow" or "followers-only" or "subs-only" or "emote-only")
            {
                tags.Add((tag.Name.ToString(), tag.RawValue.ToString()));
            }
        }

        if (tags.Count > 0)
        {
            outbox.UpdateModes(channel, modes =>
            {
                foreach (var (name, value) in tags)
                {
                    modes = modes.With(name, value);
                }

                return modes;
            });
            state.Status.Touch();
        }

        return IrcOutcome.None;
    }
}
