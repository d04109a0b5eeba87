using LiveBot.Twitch.Irc;

namespace LiveBot.Twitch.Tests.Fakes;

/// <summary>
/// What Twitch enforces, measured on arrival: 20 messages / 30 s (100 where the bot is moderator, VIP
/// or broadcaster), 1 / s per channel when not, 500 characters, 20 logins+JOINs / 10 s. Every breach
/// is recorded: a test fails on any, as Twitch would lock the bot out for 30 minutes.
/// <paramref name="arrivalTolerance"/> is zero under fake time (exact check); on the real clock, lines
/// the bot wrote 1.15 s apart can be read bunched up when the test machine stalls the server's reader,
/// so the per-channel spacing is then checked with that much slack (the exact rule is the fake-time tests').
/// </summary>
public sealed class TwitchLimitChecker(TimeProvider time, Func<string, bool> isPrivileged, TimeSpan arrivalTolerance = default)
{
    private readonly object _gate = new();
    private readonly List<DateTimeOffset> _messages = [];
    private readonly List<DateTimeOffset> _joins = [];
    private readonly Dictionary<string, DateTimeOffset> _lastByChannel = new(StringComparer.Ordinal);
    private readonly List<string> _breaches = [];
    private readonly Dictionary<string, (string Text, DateTimeOffset At)> _lastText = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Breaches
    {
        get
        {
            lock (_gate)
            {
                return _breaches.ToList();
            }
        }
    }

    /// <summary>Messages Twitch would have dropped as duplicates (msg_duplicate).</summary>
    public int Duplicates { get; private set; }

    /// <summary>Checks one PRIVMSG line; returns true when Twitch would call it a duplicate.</summary>
    public bool OnPrivmsg(string line)
    {
        if (!IrcMessage.TryParse(line, out var message) || !message.IsCommand("PRIVMSG") || message.ParamCount != 2)
        {
            Breach("malformed PRIVMSG: " + line);
            return false;
        }

        var channel = message.Param(0).ToString().TrimStart('#');
        var text = message.LastParam.ToString();
        var now = time.GetUtcNow();
        var privileged = isPrivileged(channel);
        lock (_gate)
        {
            _messages.Add(now);
            var limit = privileged ? 100 : 20;
            var inWindow = _messages.Count(t => t > now - TimeSpan.FromSeconds(30));
            if (inWindow > limit)
            {
                Breach($"{inWindow} messages within 30 s (limit {limit}) at {now:HH:mm:ss.fff}");
            }

            if (!privileged && _lastByChannel.TryGetValue(channel, out var last) && now - last < TimeSpan.FromSeconds(1) - arrivalTolerance)
            {
                Breach($"two messages to #{channel} {(now - last).TotalMilliseconds} ms apart");
            }

            _lastByChannel[channel] = now;
            if (text.Length > 500)
            {
                Breach($"message of {text.Length} characters");
            }

            if (text.StartsWith('/') || text.StartsWith('.') || text.Any(c => c is '\r' or '\n' or '\0'))
            {
                Breach("command or control character in: " + text);
            }

            var key = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var duplicate = !privileged && _lastText.TryGetValue(channel, out var previous) && previous.Text == key && now - previous.At < TimeSpan.FromSeconds(30);
            _lastText[channel] = (key, now);
            if (duplicate)
            {
                Duplicates++;
            }

            return duplicate;
        }
    }

    /// <summary>A login (NICK) or a JOIN: 20 per 10 s per account.</summary>
    public void OnLoginOrJoin()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _joins.Add(now);
            var inWindow = _joins.Count(t => t > now - TimeSpan.FromSeconds(10));
            if (inWindow > 20)
            {
                Breach($"{inWindow} logins/JOINs within 10 s");
            }
        }
    }

    public void Breach(string what)
    {
        lock (_gate)
        {
            _breaches.Add(what);
        }
    }
}
