using System.Collections.Concurrent;
using LiveBot.Core.Chat;

namespace LiveBot.Core.Commands;

/// <summary>
/// Global (per command and chat) and per-user cooldowns. Moderators and broadcasters are never held
/// back: they run the show.
/// </summary>
public sealed class CooldownTracker(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _readyAt = new(StringComparer.Ordinal);

    /// <summary>True, and the cooldowns start, when <paramref name="message"/> may run <paramref name="command"/> now.</summary>
    public bool TryStart(CommandDefinition command, ChatMessage message)
    {
        if (message.Role >= ChatRole.Moderator)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var globalKey = $"g|{command.Id}|{message.Platform}|{message.Channel}";
        var userKey = $"u|{command.Id}|{message.QualifiedUserId}";
        lock (_readyAt)
        {
            if (_readyAt.TryGetValue(globalKey, out var globalReady) && globalReady > now)
            {
                return false;
            }

            if (_readyAt.TryGetValue(userKey, out var userReady) && userReady > now)
            {
                return false;
            }

            if (command.GlobalCooldown > TimeSpan.Zero)
            {
                _readyAt[globalKey] = now + command.GlobalCooldown;
            }

            if (command.UserCooldown > TimeSpan.Zero)
            {
                _readyAt[userKey] = now + command.UserCooldown;
            }

            if (_readyAt.Count > 50_000)
            {
                foreach (var (key, ready) in _readyAt)
                {
                    if (ready <= now)
                    {
                        _readyAt.TryRemove(key, out _);
                    }
                }
            }
        }

        return true;
    }
}
