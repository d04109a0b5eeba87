using LiveBot.Core.Chat;

namespace LiveBot.Reporting.Recording;

/// <summary>
/// Reads each platform's counters (replies sent, merged, dropped; connections; YouTube units), the typed
/// figures of <see cref="PlatformHealth"/> the metrics read too, and records how much they moved since the
/// last reading. Reading the counters the outboxes already keep needs no hook in the platform clients.
/// </summary>
public sealed class PlatformSampler(IEnumerable<IChatPlatform> platforms, LiveStatsRecorder recorder)
{
    private readonly Dictionary<string, Reading> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Sample()
    {
        lock (_gate)
        {
            foreach (var platform in platforms)
            {
                PlatformHealth health;
                try
                {
                    health = platform.GetHealth();
                }
                catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
                {
                    continue;
                }

                var now = Read(health);
                if (_last.TryGetValue(health.Name, out var before))
                {
                    recorder.PlatformActivity(
                        health.Name,
                        Delta(now.Sent, before.Sent),
                        Delta(now.Merged, before.Merged),
                        Delta(now.Dropped, before.Dropped),
                        Reconnects(before, now),
                        Delta(now.Units, before.Units));
                }
                else if (now.Sent + now.Merged + now.Dropped + now.Units > 0)
                {
                    // First reading after start: what the platform counted before it is this session's too.
                    recorder.PlatformActivity(health.Name, now.Sent, now.Merged, now.Dropped, 0, 0);
                }

                _last[health.Name] = now;
            }
        }
    }

    /// <summary>A counter that went down was reset (new quota day, new client): the new value is the change.</summary>
    private static long Delta(long now, long before) => now >= before ? now - before : now;

    private static long Reconnects(Reading before, Reading now)
    {
        if (now.Connections is { } connections && before.Connections is { } previous)
        {
            // The first connection is no reconnect.
            return previous == 0 ? Math.Max(0, connections - 1) : Math.Max(0, connections - previous);
        }

        return now.State == PlatformStates.Reconnecting && before.State != PlatformStates.Reconnecting ? 1 : 0;
    }

    private static Reading Read(PlatformHealth health) =>
        new(health.MessagesOut, health.RepliesMerged, health.DroppedReplies, health.Connections, health.UnitsSpentToday, health.State);

    private readonly record struct Reading(long Sent, long Merged, long Dropped, long? Connections, long Units, string State);
}
