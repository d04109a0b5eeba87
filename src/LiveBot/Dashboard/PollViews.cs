using LiveBot.Polls;

namespace LiveBot.Dashboard;

/// <summary>A poll as <c>GET /api/polls/{id}</c>, the presenter page and the CSV see it (the JSON shape, exactly).</summary>
public sealed record PollView(
    int Id,
    string Question,
    string Status,
    IReadOnlyList<PollChoiceView> Choices,
    int Total,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosesAt)
{
    public static PollView From(Poll poll) => new(
        poll.Id,
        poll.Question,
        PollStatusNames.ToApi(poll.Status),
        poll.Choices.Select(c => new PollChoiceView(c.Text, c.Votes, c.ByPlatform)).ToList(),
        poll.Total,
        poll.OpenedAt,
        poll.ClosesAt);
}

/// <summary>One choice: its text, its votes, and its votes by platform ("twitch", "youtube", "local"; platforms without a vote left out).</summary>
public sealed record PollChoiceView(string Text, int Votes, IReadOnlyDictionary<string, int> ByPlatform);

/// <summary>What the public overlay shows of a poll: totals and percentages only.</summary>
public sealed record OverlayPoll(int Id, string Question, string Status, IReadOnlyList<OverlayPollChoice> Choices, int Total, DateTimeOffset? ClosesAt)
{
    public static OverlayPoll From(Poll poll) => new(
        poll.Id,
        poll.Question,
        PollStatusNames.ToApi(poll.Status),
        poll.Choices.Select(c => new OverlayPollChoice(c.Text, c.Votes, PollTexts.Percent(c.Votes, poll.Total))).ToList(),
        poll.Total,
        poll.IsOpen ? poll.ClosesAt : null);
}

public sealed record OverlayPollChoice(string Text, int Votes, int Percent);

public static class PollStatusNames
{
    public static string ToApi(PollStatus status) => status == PollStatus.Open ? "open" : "closed";

    public static string ToFrench(PollStatus status) => status == PollStatus.Open ? "en cours" : "clos";
}
