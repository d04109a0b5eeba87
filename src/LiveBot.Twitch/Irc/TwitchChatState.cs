using System.Collections.Concurrent;
using LiveBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Irc;

/// <summary>
/// What the IRC handlers share: the bot's login, the configured channels, the channels joined now, the chat
/// lines already seen (never answered twice, across reconnects too) and the reader's counters.
/// </summary>
public sealed class TwitchChatState
{
    private readonly ConcurrentDictionary<string, byte> _joined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _channelLookup;
    private long _in;
    private long _malformed;

    public TwitchChatState(IOptions<TwitchOptions> options)
    {
        Login = options.Value.Login.Trim().ToLowerInvariant();
        Channels = options.Value.Channels.Select(TwitchOptions.NormalizeChannel).Where(c => c.Length > 0).Distinct().ToList();
        _channelLookup = Channels.ToDictionary(c => c, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bot account's login, lower case.</summary>
    public string Login { get; }

    /// <summary>Channels to join, normalised.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Chat lines already handed to the pipeline.</summary>
    public RecentIds Seen { get; } = new(20_000);

    /// <summary>Status of the platform (connection state, error, change signal).</summary>
    public PlatformStatus Status { get; } = new();

    public IReadOnlyCollection<string> Joined => _joined.Keys.Order(StringComparer.Ordinal).ToList();

    public long MessagesIn => Interlocked.Read(ref _in);

    public long MalformedLines => Interlocked.Read(ref _malformed);

    public void CountIn() => Interlocked.Increment(ref _in);

    public void CountMalformed() => Interlocked.Increment(ref _malformed);

    public void SetJoined(string channel, bool joined)
    {
        var changed = joined ? _joined.TryAdd(channel, 0) : _joined.TryRemove(channel, out _);
        if (changed)
        {
            Status.Touch();
        }
    }

    public void ClearJoined()
    {
        _joined.Clear();
        Status.Touch();
    }

    /// <summary>A channel name from the wire, the configured string when it is one (no allocation).</summary>
    public string ChannelName(ReadOnlySpan<char> name) =>
        _channelLookup.TryGetValue(name, out var cached) ? cached : name.ToString().ToLowerInvariant();

    /// <summary>"#chan" -> "chan"; null when the target is no channel.</summary>
    public string? Channel(ReadOnlySpan<char> target) =>
        target.Length > 1 && target[0] == '#' ? ChannelName(target[1..]) : null;
}
