using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Chat.Outbox;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Irc;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Hosting;

namespace LiveBot.Twitch;

/// <summary>
/// The bot in Twitch chat: the "twitch" <see cref="IChatPlatform"/> and the hosted service that runs the
/// <see cref="TwitchConnection"/> (connect, read, reconnect), the <see cref="TwitchOutbox"/> sender and the
/// hourly token validation. Each of those lives in its own folder; this type only ties them together.
/// </summary>
public sealed class TwitchChatClient : BackgroundService, IChatPlatform, IChatModerationHandler
{
    public const string PlatformName = "twitch";

    private readonly TwitchConnection _connection;
    private readonly TwitchOutbox _outbox;
    private readonly TwitchTokens _tokens;
    private readonly TwitchChatState _state;

    public TwitchChatClient(TwitchConnection connection, TwitchLink link, TwitchOutbox outbox, TwitchTokens tokens, TwitchChatState state)
    {
        _connection = connection;
        _outbox = outbox;
        _tokens = tokens;
        _state = state;
        link.Up += _outbox.Wake;
        _tokens.Refreshed += () => _state.Status.ClearError(TwitchConnection.AuthFailedError);
    }

    public string Name => PlatformName;

    public int MaxMessageLength => TwitchLimits.MaxMessageLength;

    public int MaxParts => TwitchLimits.MaxParts;

    public SendLimit SendLimit => new(
        _outbox.PrivilegedChannels.Count > 0 ? TwitchLimits.PrivilegedMessages : TwitchLimits.Messages, TwitchLimits.Window);

    public IReadOnlyCollection<string> ConnectedChannels => _state.Joined;

    /// <summary>Current state (connecting, connected, reconnecting, auth_failed, stopped).</summary>
    public string State => _state.Status.State;

    /// <summary>State, error and their change signal (also raised on joins and roles).</summary>
    public PlatformStatus Status => _state.Status;

    /// <summary>The outbox (health reads its figures).</summary>
    public TwitchOutbox Outbox => _outbox;

    public PlatformHealth GetHealth()
    {
        var outbox = _outbox.Status;
        var details = new Dictionary<string, object?>
        {
            ["pending"] = outbox.Pending,
            ["merged"] = outbox.Merged,
            ["moderatorIn"] = _outbox.PrivilegedChannels.Order(StringComparer.Ordinal).ToList(),
            ["blockedChannels"] = _outbox.BlockedChannels.ToDictionary(
                kv => kv.Key, kv => (object)new { reason = kv.Value.Reason, until = kv.Value.Until }),
            ["modes"] = _outbox.Modes.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(
                kv => kv.Key, kv => (object)new { slow = kv.Value.SlowSeconds, followersOnly = kv.Value.FollowersOnlyMinutes, subsOnly = kv.Value.SubsOnly, emoteOnly = kv.Value.EmoteOnly }),
            ["droppedByReason"] = outbox.DroppedByReason,
            ["pausedUntil"] = _outbox.PausedUntil,
            ["connections"] = _connection.ConnectionCount,
            ["malformedLines"] = _state.MalformedLines,
        };
        return new PlatformHealth(Name, _state.Status.State)
        {
            Channels = _state.Joined.ToList(),
            MessagesIn = _state.MessagesIn,
            MessagesOut = outbox.Sent,
            DroppedReplies = outbox.Dropped,
            DroppedByReason = outbox.DroppedByReason,
            Error = _state.Status.Error,
            Details = details,
            RepliesMerged = outbox.Merged,
            Connections = _connection.ConnectionCount,
        };
    }

    /// <summary>A Twitch viewer banned or timed out, or their message deleted: the answers still waiting for them are dropped.</summary>
    public void OnModeration(ChatModeration moderation)
    {
        if (moderation.Platform == PlatformName)
        {
            _outbox.DropWhere(moderation.Affects, DropReasons.Moderation);
        }
    }

    public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_outbox.TryEnqueue(message));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sender = _outbox.RunAsync(stop.Token);
        var validation = _tokens.ValidateHourlyAsync(() => _state.Status.SetError(TwitchConnection.AuthFailedError), stop.Token);
        try
        {
            await _connection.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(sender, validation).ContinueWith(_ => { }, TaskScheduler.Default);
            _state.Status.Set(PlatformStates.Stopped);
        }
    }
}
