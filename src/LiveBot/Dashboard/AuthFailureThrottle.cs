using System.Collections.Concurrent;
using LiveBot.Core.Text;

namespace LiveBot.Dashboard;

/// <summary>
/// Slows down token guessing (issue 13): each client address has a token bucket of <see cref="Burst"/> wrong
/// tokens, refilled by one every <see cref="Refill"/>; an empty bucket refuses every token check of that
/// address (429) until it refills, and is logged once per lock-out. 20,000 guesses then take hours, not
/// seconds. The bucket is counted here on the injected <see cref="TimeProvider"/>: the framework's
/// TokenBucketRateLimiter refills on the real clock even when replenished by hand, which tests on fake
/// time cannot drive.
/// </summary>
public sealed partial class AuthFailureThrottle(TimeProvider time, ILogger<AuthFailureThrottle> logger)
{
    /// <summary>Wrong tokens one address may present in a row before it is slowed down.</summary>
    public const int Burst = 20;

    /// <summary>Clients remembered at most; past that, the fully refilled ones are forgotten.</summary>
    private const int MaxClients = 10_000;

    /// <summary>One more attempt per this delay once the burst is spent.</summary>
    public static readonly TimeSpan Refill = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, Bucket> _clients = new(StringComparer.Ordinal);

    /// <summary>Wrong tokens seen since start (all clients).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    private long _failures;

    public bool IsBlocked(string client)
    {
        if (!_clients.TryGetValue(client, out var bucket))
        {
            return false;
        }

        lock (bucket)
        {
            bucket.Catch(time.GetUtcNow());
            return bucket.Tokens <= 0;
        }
    }

    public void Failed(string client)
    {
        Interlocked.Increment(ref _failures);
        if (_clients.Count >= MaxClients)
        {
            Forget();
        }

        var bucket = _clients.GetOrAdd(client, _ => new Bucket(time.GetUtcNow()));
        lock (bucket)
        {
            var now = time.GetUtcNow();
            bucket.Catch(now);
            bucket.Failures++;
            bucket.Tokens = Math.Max(0, bucket.Tokens - 1);
            if (bucket.Tokens <= 0 && !bucket.Logged)
            {
                bucket.Logged = true;
                Log.Throttled(logger, ValueQuote.Quote(client), bucket.Failures, Refill.TotalSeconds);
            }
        }
    }

    private void Forget()
    {
        var now = time.GetUtcNow();
        foreach (var (client, bucket) in _clients)
        {
            lock (bucket)
            {
                bucket.Catch(now);
                if (bucket.Tokens >= Burst)
                {
                    _clients.TryRemove(client, out _);
                }
            }
        }
    }

    private sealed class Bucket(DateTimeOffset start)
    {
        private DateTimeOffset _refilledAt = start;

        public int Tokens { get; set; } = Burst;

        public long Failures { get; set; }

        public bool Logged { get; set; }

        /// <summary>Adds the tokens earned since the last refill (on the injected clock).</summary>
        public void Catch(DateTimeOffset now)
        {
            var periods = (long)((now - _refilledAt) / Refill);
            if (periods <= 0)
            {
                return;
            }

            _refilledAt += Refill * periods;
            Tokens = (int)Math.Min(Burst, Tokens + periods);
            if (Tokens > 0)
            {
                Logged = false;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Presenter token: {Failures} wrong tokens from {Client}; its checks are refused for now (one more try every {Seconds} s)")]
        public static partial void Throttled(ILogger logger, string client, long failures, double seconds);
    }
}
