namespace LiveBot.Reporting.Recording;

/// <summary>One minute of one platform's chat, as counts only (LiteDB <c>report_minutes</c>).</summary>
public sealed class MinuteDoc
{
    /// <summary>"{minute}|{platform}".</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Minutes since the Unix epoch (UTC).</summary>
    public long Minute { get; set; }

    public string Platform { get; set; } = string.Empty;

    public long ChatLines { get; set; }

    public long Questions { get; set; }

    public long Votes { get; set; }

    public long RepliesSent { get; set; }

    public long RepliesMerged { get; set; }

    public long RepliesDropped { get; set; }

    public long Reconnects { get; set; }

    public long YouTubeUnits { get; set; }

    /// <summary>Configured command id -> calls that minute.</summary>
    public Dictionary<string, long> Commands { get; set; } = [];

    /// <summary>Configured command id -> calls the bot answered.</summary>
    public Dictionary<string, long> Answered { get; set; } = [];

    public static string Key(long minute, string platform) => minute.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + platform;
}

/// <summary>One offer request as understood (LiteDB <c>report_offers</c>): catalogue words, no viewer.</summary>
public sealed class OfferDoc
{
    public int Id { get; set; }

    public long Minute { get; set; }

    public string Platform { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Outcome { get; set; } = string.Empty;

    public string? JobCode { get; set; }

    public string? JobLabel { get; set; }

    public string? Diploma { get; set; }

    public string? PlaceKind { get; set; }

    public string? PlaceCode { get; set; }

    public string? PlaceLabel { get; set; }

    public string? Departement { get; set; }

    public string? Source { get; set; }
}

/// <summary>A question put on air (LiteDB <c>report_onair</c>): its number and the time, for the timeline.</summary>
public sealed class OnAirDoc
{
    public int Id { get; set; }

    /// <summary>Seconds since the Unix epoch (UTC).</summary>
    public long Time { get; set; }

    public int QuestionId { get; set; }
}
