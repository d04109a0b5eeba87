namespace LiveBot.YouTube.Quota;

/// <summary>YouTube quota days run from midnight to midnight, Pacific time.</summary>
public static class PacificDay
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The quota day <paramref name="instant"/> belongs to, as "yyyy-MM-dd".</summary>
    public static string Of(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The next Pacific midnight after <paramref name="instant"/>, when the quota resets.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var nextMidnight = local.Date.AddDays(1);
        var offset = Zone.GetUtcOffset(nextMidnight);
        return new DateTimeOffset(nextMidnight, offset);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No time zone database: Pacific standard time all year (an hour off in summer, never wrong by a day).
            return TimeZoneInfo.CreateCustomTimeZone("Pacific", TimeSpan.FromHours(-8), "Pacific", "Pacific");
        }
    }
}
