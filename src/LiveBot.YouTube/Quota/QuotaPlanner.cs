namespace LiveBot.YouTube.Quota;

/// <summary>How much of a reply the budget still allows.</summary>
public enum ReplyLevel
{
    /// <summary>Replies as written (merged only when several wait).</summary>
    Full = 0,

    /// <summary>Replies held a few seconds so that askers of the same thing share one message.</summary>
    Merged = 1,

    /// <summary>Only the short confirmation of replies that have one.</summary>
    ShortOnly = 2,

    /// <summary>No replies at all; reading goes on.</summary>
    None = 3,
}

/// <summary>
/// Plans the day's units: reads get <see cref="YouTubeOptions.ReadShare"/> of the quota spread over
/// <see cref="YouTubeOptions.ExpectedLiveDuration"/>, replies the rest. Pure arithmetic on a ledger
/// snapshot, so the figures are easy to test.
/// </summary>
public sealed class QuotaPlanner(YouTubeOptions options, double readShare, double aheadBoost = 1)
{
    /// <summary>
    /// Reply rate factor for the stream transports while replies are under plan (their share of units left at
    /// least the share of the live left): chat arrives at once, so replies go faster and merge less; once
    /// behind plan the rate is the sustainable one again (polling keeps 1: its delay is the read pace).
    /// </summary>
    public const double StreamAheadBoost = 2;

    /// <summary>
    /// Share planned for reading while the chat comes through streamList: a connection costs what one list
    /// call does and lasts minutes to hours, so 5 % (100 connections of a 10,000-unit day) is plenty and the
    /// rest goes to replies.
    /// </summary>
    public const double StreamReadShare = 0.05;

    public QuotaPlanner(YouTubeOptions options)
        : this(options, options.ReadShare)
    {
    }

    /// <summary>
    /// Share of the day the stream watchdog's liveChatMessages.list calls take over the expected live
    /// (3 h at one call a minute: 180 x 5 = 900 units, 9 % of 10,000), at most 0.4.
    /// </summary>
    public static double WatchdogShare(YouTubeOptions options)
    {
        var calls = options.ExpectedLiveDuration / options.StreamWatchdog;
        return Math.Min(0.4, calls * options.QuotaCosts.List / Math.Max(1, options.DailyQuota));
    }

    /// <summary>Below this much time left in the expected live, plans as if this much were left (lives overrun).</summary>
    public static readonly TimeSpan MinimumHorizon = TimeSpan.FromMinutes(30);

    public int ReadBudget => (int)(options.DailyQuota * readShare);

    public int WriteBudget => options.DailyQuota - ReadBudget;

    /// <summary>Time the budget has to last: what is left of the expected live, at least <see cref="MinimumHorizon"/>.</summary>
    public TimeSpan Horizon(DateTimeOffset now, DateTimeOffset liveStartedAt)
    {
        var left = options.ExpectedLiveDuration - (now - liveStartedAt);
        return left < MinimumHorizon ? MinimumHorizon : left;
    }

    /// <summary>Units reads may still use: their share, then whatever is left of the day (replies give way first).</summary>
    public int ReadUnitsLeft(QuotaSnapshot quota)
    {
        var left = ReadBudget - quota.ReadUnits;
        if (left < options.QuotaCosts.List)
        {
            left = options.DailyQuota - quota.Spent;
        }

        return Math.Max(left, 0);
    }

    /// <summary>Units replies may still use: their share, less what reads took beyond theirs.</summary>
    public int WriteUnitsLeft(QuotaSnapshot quota)
    {
        var readOverrun = Math.Max(0, quota.ReadUnits - ReadBudget);
        var left = Math.Min(WriteBudget - quota.WriteUnits - readOverrun, options.DailyQuota - quota.Spent);
        return Math.Max(left, 0);
    }

    /// <summary>
    /// Time until the next read: the pace at which the units left last for the rest of the live, shorter
    /// when chat is busy and longer when quiet, never shorter than the server's <paramref name="serverMinimum"/>.
    /// Null when no read is affordable any more today.
    /// </summary>
    public TimeSpan? ReadInterval(QuotaSnapshot quota, DateTimeOffset now, DateTimeOffset liveStartedAt, TimeSpan serverMinimum, double messagesPerMinute)
    {
        var reads = ReadUnitsLeft(quota) / options.QuotaCosts.List;
        if (reads < 1)
        {
            return null;
        }

        var sustainable = Horizon(now, liveStartedAt) / reads;
        var factor = messagesPerMinute switch
        {
            >= 20 => 0.5,
            >= 5 => 0.75,
            >= 1 => 1.0,
            _ => 1.5,
        };
        var interval = sustainable * factor;
        var floor = serverMinimum > TimeSpan.FromSeconds(1) ? serverMinimum : TimeSpan.FromSeconds(1);
        return interval < floor ? floor : interval;
    }

    /// <summary>Pace of the checks while no live is on: slower as the day's units run low; null when none is affordable.</summary>
    public TimeSpan? WaitingInterval(QuotaSnapshot quota, int checkCost)
    {
        var left = options.DailyQuota - quota.Spent;
        if (left < checkCost)
        {
            return null;
        }

        var factor = left < options.DailyQuota / 10 ? 4 : left < options.DailyQuota / 4 ? 2 : 1;
        return options.WaitingInterval * factor;
    }

    /// <summary>What replies may still be, given the units left for them.</summary>
    public ReplyLevel Level(QuotaSnapshot quota)
    {
        var left = WriteUnitsLeft(quota);
        if (left < options.QuotaCosts.Insert)
        {
            return ReplyLevel.None;
        }

        var share = (double)left / Math.Max(1, WriteBudget);
        return share > 0.5 ? ReplyLevel.Full : share > 0.2 ? ReplyLevel.Merged : ReplyLevel.ShortOnly;
    }

    /// <summary>Sends per second the units left for replies allow over the rest of the live.</summary>
    public double SendRate(QuotaSnapshot quota, DateTimeOffset now, DateTimeOffset liveStartedAt)
    {
        var left = WriteUnitsLeft(quota);
        var horizon = Horizon(now, liveStartedAt);
        var rate = left / options.QuotaCosts.Insert / horizon.TotalSeconds;
        var underPlan = (double)left / Math.Max(1, WriteBudget) >= Math.Min(1, horizon / options.ExpectedLiveDuration);
        return underPlan ? rate * aheadBoost : rate;
    }
}

/// <summary>
/// A token bucket for replies: a few may go at once (a burst of questions), then they follow the
/// <see cref="QuotaPlanner.SendRate"/>, and replies waiting meanwhile get merged.
/// </summary>
public sealed class SendPacer(int capacity)
{
    private double _tokens = capacity;
    private DateTimeOffset? _last;

    public double Tokens => _tokens;

    /// <summary>Time until a send is allowed at <paramref name="ratePerSecond"/> (zero: now).</summary>
    public TimeSpan TimeUntilNext(DateTimeOffset now, double ratePerSecond)
    {
        Refill(now, ratePerSecond);
        if (_tokens >= 1)
        {
            return TimeSpan.Zero;
        }

        if (ratePerSecond <= 0)
        {
            return TimeSpan.MaxValue;
        }

        return TimeSpan.FromSeconds(Math.Ceiling((1 - _tokens) / ratePerSecond * 1000) / 1000);
    }

    public void Consume(DateTimeOffset now, double ratePerSecond)
    {
        Refill(now, ratePerSecond);
        _tokens = Math.Max(0, _tokens - 1);
    }

    private void Refill(DateTimeOffset now, double ratePerSecond)
    {
        if (_last is { } last && now > last)
        {
            _tokens = Math.Min(capacity, _tokens + (now - last).TotalSeconds * ratePerSecond);
        }

        _last = now;
    }
}
