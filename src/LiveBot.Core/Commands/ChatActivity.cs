using System.Collections.Concurrent;

namespace LiveBot.Core.Commands;

/// <summary>Lines seen per chat since start, for timers that only speak in active chats.</summary>
public sealed class ChatActivity
{
    private readonly ConcurrentDictionary<(string Platform, string Channel), long> _lines = new();

    public void Count(string platform, string channel) => _lines.AddOrUpdate((platform, channel), 1, (_, n) => n + 1);

    public long Lines(string platform, string channel) => _lines.GetValueOrDefault((platform, channel));
}
