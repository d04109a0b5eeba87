namespace LiveBot.Reporting.Building;

/// <summary>Everything the report shows, as served by <c>GET /api/report</c> (camelCase JSON).</summary>
public sealed record LiveReport(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string TimeZone,
    ReportTotals Totals,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<OnAirMark> OnAir,
    IReadOnlyList<CommandCount> Commands,
    double? AnsweredShare,
    IReadOnlyList<JobCount> Jobs,
    IReadOnlyList<PlaceCount> Places,
    IReadOnlyList<DepartementCount> Departements,
    IReadOnlyList<UnmetDemand> Unmet,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<string, int> Sources,
    QuestionSummary Questions,
    IReadOnlyList<PlatformSummary> Platforms)
{
    /// <summary>The polls of the period (open at some time in it), oldest first: counts only, never a voter.</summary>
    public IReadOnlyList<PollSummary> Polls { get; init; } = [];

    /// <summary>True when nothing at all was recorded in the period.</summary>
    public bool IsEmpty => Totals.ChatLines == 0 && Totals.OfferRequests == 0 && Questions.Counts.Total == 0 && Polls.Count == 0;
}

public sealed record ReportTotals(long ChatLines, long Commands, long Questions, long Votes, int OfferRequests, long YouTubeUnits);

/// <summary>One minute of one platform.</summary>
public sealed record TimelinePoint(DateTimeOffset Minute, string Platform, long ChatLines, long Commands, long Questions, long Votes);

public sealed record OnAirMark(DateTimeOffset Time, int QuestionId);

public sealed record CommandCount(string Name, long Count, long Answered);

/// <summary>A job (ROME code and label) or a diploma, and how often it was asked.</summary>
public sealed record JobCount(string? Code, string Label, int Count);

public sealed record PlaceCount(string Kind, string? Code, string Label, string? Departement, int Count);

/// <summary>Offer requests whose place lies in a département, and how many of them got no offer.</summary>
public sealed record DepartementCount(string Code, string Name, int Requests, int Unmet);

/// <summary>A job x place asked and left without offer (nothing even widened).</summary>
public sealed record UnmetDemand(string Job, string Place, string? Departement, int Count);

public sealed record QuestionSummary(
    Questions.QuestionCounters Counts,
    IReadOnlyList<QuestionLine> TopVoted,
    IReadOnlyList<QuestionLine> ApprovedUnanswered);

/// <summary>A question as the report shows it: its number, text and votes (never its author).</summary>
public sealed record QuestionLine(int Id, string Text, int Votes, string Status);

public sealed record PlatformSummary(
    string Name,
    long ChatLines,
    long Commands,
    long RepliesSent,
    long RepliesMerged,
    long RepliesDropped,
    long Reconnects,
    long YouTubeUnits);

/// <summary>A poll as the report shows it: its question, status, times and counts (total and by platform).</summary>
public sealed record PollSummary(
    int Id,
    string Question,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    int Total,
    IReadOnlyList<PollChoiceSummary> Choices);

/// <summary>One choice: votes, share of the poll's votes (0-100), and votes by platform (platforms without a vote left out).</summary>
public sealed record PollChoiceSummary(string Text, int Votes, int Percent, IReadOnlyDictionary<string, int> ByPlatform);
