namespace LiveBot.Polls;

/// <summary>Whether viewers may still vote.</summary>
public enum PollStatus
{
    Open,
    Closed,
}

/// <summary>One choice of a poll and its votes, in total and by platform ("twitch", "youtube", "local").</summary>
public sealed record PollChoice(string Text, int Votes, IReadOnlyDictionary<string, int> ByPlatform);

/// <summary>A poll as presenters, the overlay and the API see it (an immutable snapshot; no voter is named).</summary>
/// <param name="Id">Its number, never reused.</param>
/// <param name="Question">The question (untrusted text: encode it wherever it is shown).</param>
/// <param name="Choices">2 to 6 choices, in the order viewers vote for them (!1 is the first).</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="ClosesAt">When the timer closes it (null: closed by hand); once closed, when it closed.</param>
public sealed record Poll(int Id, string Question, PollStatus Status, IReadOnlyList<PollChoice> Choices, DateTimeOffset OpenedAt, DateTimeOffset? ClosesAt)
{
    public int Total => Choices.Sum(c => c.Votes);

    public bool IsOpen => Status == PollStatus.Open;
}

/// <summary>What changed, raised by <see cref="PollBox.Changed"/> once it is stored.</summary>
/// <param name="Kind">See the constants.</param>
/// <param name="PollId">The poll concerned.</param>
/// <param name="Poll">The poll after the change; null for <see cref="Voted"/> (read it when needed: a raid sends thousands).</param>
public sealed record PollChange(string Kind, int PollId, Poll? Poll)
{
    public const string Opened = "opened";
    public const string Voted = "voted";
    public const string Closed = "closed";
    public const string Removed = "removed";
}

/// <summary>How a poll was closed, for the logs.</summary>
public enum PollCloseReason
{
    Timer,
    Presenter,
    Chat,
}

/// <summary>What became of a vote. None of them gets a reply in chat.</summary>
public enum PollVoteOutcome
{
    Counted,
    Changed,
    Unchanged,
    NoOpenPoll,
    UnknownChoice,
}

/// <summary>What became of a request to open a poll.</summary>
public enum PollOpenOutcome
{
    Opened,
    AlreadyOpen,
}

public sealed record PollOpenResult(PollOpenOutcome Outcome, Poll Poll);
