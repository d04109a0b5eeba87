using System.Collections.Concurrent;
using LiveBot.Core.Chat;

namespace LiveBot.Chat.Local;

/// <summary>
/// The local test chat: lines come from <c>POST /api/chat</c> or the terminal, replies go back in the
/// HTTP response or to the console. It goes through the same inbox, pipeline and outbox contract as
/// Twitch and YouTube.
/// </summary>
public sealed class LocalChatPlatform(ChatInbox inbox, TimeProvider time) : IChatPlatform
{
    public const string PlatformName = "local";
    public const string ChannelName = "local";
    public const int MaxUserLength = 25;
    public const int MaxTextLength = 10_000;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _announcements = new();
    private long _in;
    private long _out;

    public string Name => PlatformName;

    public int MaxMessageLength => 500;

    public int MaxParts => 2;

    public SendLimit SendLimit => new(100, TimeSpan.FromSeconds(30));

    public IReadOnlyCollection<string> ConnectedChannels { get; } = [ChannelName];

    /// <summary>Raised for every message the bot "sends" here (the console prints them).</summary>
    public event Action<OutgoingMessage>? Sent;

    public PlatformHealth GetHealth() => new(PlatformName, PlatformStates.Connected)
    {
        Channels = [ChannelName],
        MessagesIn = Interlocked.Read(ref _in),
        MessagesOut = Interlocked.Read(ref _out),
    };

    public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _out);
        foreach (var part in ReplyText.Split(message.Text, MaxMessageLength, MaxParts))
        {
            if (message.InReplyTo is { } original && _pending.TryGetValue(original.Id, out var replies))
            {
                replies.Enqueue(part);
            }
            else
            {
                _announcements.Enqueue(part);
                while (_announcements.Count > 50)
                {
                    _announcements.TryDequeue(out _);
                }
            }
        }

        Sent?.Invoke(message);
        return ValueTask.FromResult(true);
    }

    /// <summary>Sends one line as <paramref name="user"/> and returns the bot's replies to it.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string user, string text, ChatRole role, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var login = user.Trim().ToLowerInvariant();
        var message = new ChatMessage(PlatformName, ChannelName, id, "local-" + login, login, user.Trim(), role, text, time.GetUtcNow());
        var replies = new ConcurrentQueue<string>();
        _pending[id] = replies;
        try
        {
            Interlocked.Increment(ref _in);
            await inbox.SubmitAsync(message, cancellationToken);
            return replies.ToArray();
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Recent messages not in reply to anyone (timers).</summary>
    public IReadOnlyList<string> Announcements => _announcements.ToArray();
}
