using LiveBot.Core.Stats;
using LiveBot.Polls;
using LiveBot.Questions;
using LiveBot.Reporting.Recording;
using LiveBot.Reporting.Rendering;

namespace LiveBot.Reporting.Building;

/// <summary>
/// Builds the <see cref="LiveReport"/> of a period from the recorded counts and the question queue: the
/// period defaults to the first and last minute with a chat line. Questions are shown by number, text and
/// votes only; pending and hidden ones never by their text. Polls (when the host has them) by their counts.
/// </summary>
public sealed class ReportBuilder(ReportStore store, QuestionQueue queue, LiveStatsRecorder? recorder = null, PollBox? polls = null)
{
    public const int TopJobs = 15;
    public const int TopPlaces = 15;
    public const int TopQuestions = 10;
    public const int TopUnmet = 15;

    /// <param name="flush">Write the counts still in memory first (false from a flush's own listeners).</param>
    public LiveReport Build(DateTimeOffset? from = null, DateTimeOffset? to = null, bool flush = true)
    {
        if (flush)
        {
            recorder?.Flush();
        }

        if (from is null || to is null)
        {
            var span = store.ChatSpan();
            from ??= span is { } s ? DateTimeOffset.FromUnixTimeSeconds(s.First * 60) : null;
            to ??= span is { } e ? DateTimeOffset.FromUnixTimeSeconds((e.Last * 60) + 59) : null;
        }

        if (from is { } f && to is { } t && t < f)
        {
            (from, to) = (to, from);
        }

        var fromMinute = from is { } a ? a.ToUnixTimeSeconds() / 60 : long.MinValue / 120;
        var toMinute = to is { } b ? b.ToUnixTimeSeconds() / 60 : long.MaxValue / 120;
        var minutes = from is null && to is null ? [] : store.Minutes(fromMinute, toMinute);
        var offers = from is null && to is null ? [] : store.Offers(fromMinute, toMinute);
        var onAir = from is null && to is null ? [] : store.OnAir(fromMinute * 60, (toMinute * 60) + 59);
        var questions = queue.List().Where(q => (from is null || q.CreatedAt >= from) && (to is null || q.CreatedAt <= to)).ToList();

        var timeline = minutes
            .OrderBy(m => m.Minute).ThenBy(m => m.Platform, StringComparer.Ordinal)
            .Select(m => new TimelinePoint(DateTimeOffset.FromUnixTimeSeconds(m.Minute * 60), m.Platform, m.ChatLines, m.Commands.Values.Sum(), m.Questions, m.Votes))
            .ToList();
        var commands = minutes.SelectMany(m => m.Commands.Select(c => (c.Key, Count: c.Value, Answered: m.Answered.GetValueOrDefault(c.Key))))
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => new CommandCount(g.Key, g.Sum(c => c.Count), g.Sum(c => c.Answered)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var calls = commands.Sum(c => c.Count);
        var platforms = minutes.GroupBy(m => m.Platform, StringComparer.Ordinal)
            .Select(g => new PlatformSummary(
                g.Key,
                g.Sum(m => m.ChatLines),
                g.Sum(m => m.Commands.Values.Sum()),
                g.Sum(m => m.RepliesSent),
                g.Sum(m => m.RepliesMerged),
                g.Sum(m => m.RepliesDropped),
                g.Sum(m => m.Reconnects),
                g.Sum(m => m.YouTubeUnits)))
            .OrderBy(p => PlatformOrder(p.Name)).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var totals = new ReportTotals(
            platforms.Sum(p => p.ChatLines),
            calls,
            minutes.Sum(m => m.Questions),
            minutes.Sum(m => m.Votes),
            offers.Count,
            platforms.Sum(p => p.YouTubeUnits));

        return new LiveReport(
            from,
            to,
            ReportPeriod.Paris.Id,
            totals,
            timeline,
            onAir.OrderBy(o => o.Time).Select(o => new OnAirMark(DateTimeOffset.FromUnixTimeSeconds(o.Time), o.QuestionId)).ToList(),
            commands,
            calls == 0 ? null : (double)commands.Sum(c => c.Answered) / calls,
            Jobs(offers),
            Places(offers),
            Departements(offers),
            Unmet(offers),
            Count(offers, o => o.Outcome),
            Count(offers, o => o.Source ?? "?"),
            Questions(questions),
            platforms)
        {
            Polls = Polls(from, to),
        };
    }

    /// <summary>Twitch, YouTube, then the local test chat, then anything else.</summary>
    public static int PlatformOrder(string name) => name switch
    {
        "twitch" => 0,
        "youtube" => 1,
        "local" => 2,
        _ => 3,
    };

    private static List<JobCount> Jobs(List<OfferDoc> offers) =>
        offers.Where(o => o.JobLabel is not null || o.Diploma is not null)
            .GroupBy(o => o.Diploma is not null ? ("diplôme", o.Diploma) : (o.JobCode, o.JobLabel!))
            .Select(g => new JobCount(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderByDescending(j => j.Count).ThenBy(j => j.Label, StringComparer.Ordinal)
            .Take(TopJobs)
            .ToList();

    private static List<PlaceCount> Places(List<OfferDoc> offers) =>
        offers.Where(o => o.PlaceLabel is not null)
            .GroupBy(o => (o.PlaceKind ?? "commune", o.PlaceCode, o.PlaceLabel!, o.Departement))
            .Select(g => new PlaceCount(g.Key.Item1, g.Key.PlaceCode, g.Key.Item3, g.Key.Departement, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Label, StringComparer.Ordinal)
            .Take(TopPlaces)
            .ToList();

    private static List<DepartementCount> Departements(List<OfferDoc> offers) =>
        offers.Where(o => o.Departement is not null && o.Outcome != OfferOutcomes.NotUnderstood)
            .GroupBy(o => o.Departement!, StringComparer.Ordinal)
            .Select(g => new DepartementCount(g.Key, FranceMapData.Shared.Name(g.Key), g.Count(), g.Count(o => o.Outcome == OfferOutcomes.None)))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    private static List<UnmetDemand> Unmet(List<OfferDoc> offers) =>
        offers.Where(o => o.Outcome == OfferOutcomes.None && o.PlaceLabel is not null && (o.JobLabel ?? o.Diploma) is not null)
            .GroupBy(o => (Job: (o.Diploma ?? o.JobLabel)!, Place: o.PlaceLabel!, o.Departement))
            .Select(g => new UnmetDemand(g.Key.Job, g.Key.Place, g.Key.Departement, g.Count()))
            .OrderByDescending(u => u.Count).ThenBy(u => u.Job, StringComparer.Ordinal).ThenBy(u => u.Place, StringComparer.Ordinal)
            .Take(TopUnmet)
            .ToList();

    private static Dictionary<string, int> Count(List<OfferDoc> offers, Func<OfferDoc, string> key) =>
        offers.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static QuestionSummary Questions(List<Question> questions)
    {
        var counts = new QuestionCounters(
            questions.Count(q => q.Status == QuestionStatus.Pending),
            questions.Count(q => q.Status == QuestionStatus.Approved),
            questions.Count(q => q.Status == QuestionStatus.OnAir),
            questions.Count(q => q.Status == QuestionStatus.Answered),
            questions.Count(q => q.Status == QuestionStatus.Hidden),
            questions.Count);

        // Held or hidden questions may hold what moderators kept off screen: never shown by their text.
        var shown = questions.Where(q => q.Status is QuestionStatus.Approved or QuestionStatus.OnAir or QuestionStatus.Answered).ToList();
        var top = shown.OrderByDescending(q => q.Votes).ThenBy(q => q.Id).Take(TopQuestions).Select(Line).ToList();
        var open = shown.Where(q => q.Status == QuestionStatus.Approved).OrderByDescending(q => q.Votes).ThenBy(q => q.Id).Select(Line).ToList();
        return new QuestionSummary(counts, top, open);
    }

    /// <summary>Polls open at some time in the period (all of them when it is unbounded), oldest first.</summary>
    private List<PollSummary> Polls(DateTimeOffset? from, DateTimeOffset? to) =>
        polls is null ? [] : polls.List()
            .Where(p => (to is null || p.OpenedAt <= to) && (from is null || p.IsOpen || (p.ClosesAt ?? p.OpenedAt) >= from))
            .OrderBy(p => p.OpenedAt).ThenBy(p => p.Id)
            .Select(p => new PollSummary(
                p.Id,
                p.Question,
                p.IsOpen ? "open" : "closed",
                p.OpenedAt,
                p.IsOpen ? null : p.ClosesAt,
                p.Total,
                p.Choices.Select(c => new PollChoiceSummary(c.Text, c.Votes, PollTexts.Percent(c.Votes, p.Total), c.ByPlatform)).ToList()))
            .ToList();

    private static QuestionLine Line(Question q) => new(q.Id, q.Text, q.Votes, q.Status switch
    {
        QuestionStatus.OnAir => "onair",
        QuestionStatus.Answered => "answered",
        _ => "approved",
    });
}
