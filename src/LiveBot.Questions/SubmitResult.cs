namespace LiveBot.Questions;

/// <summary>What became of a <c>!question</c>.</summary>
public enum SubmitOutcome
{
    /// <summary>Stored as a new question (see <see cref="Question.Held"/>).</summary>
    Added,

    /// <summary>Close to an open question: counted as a vote on it instead.</summary>
    Merged,

    /// <summary>Close to an open question this viewer already backed (or asked): nothing changed.</summary>
    AlreadyBacked,

    TooShort,
    TooLong,

    /// <summary>Less than <see cref="QuestionsOptions.MinInterval"/> since this viewer's last question.</summary>
    TooSoon,

    /// <summary>This viewer already has <see cref="QuestionsOptions.MaxOpenPerViewer"/> open questions.</summary>
    TooManyOpen,

    /// <summary>Long enough but no words (emoji only, "aaaaaaaaaaa"): see <see cref="QuestionText.HasWords"/>.</summary>
    NoWords,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Question">The new question, or the one it joined (Merged, AlreadyBacked).</param>
/// <param name="Ahead">Approved questions before it in the queue (Added and not held).</param>
/// <param name="RetryAfter">How long to wait (TooSoon).</param>
public sealed record SubmitResult(SubmitOutcome Outcome, Question? Question = null, int Ahead = 0, TimeSpan RetryAfter = default);

/// <summary>What became of a <c>!vote</c>.</summary>
public enum VoteOutcome
{
    Counted,
    AlreadyVoted,
    OwnQuestion,

    /// <summary>No such question, or hidden, or held for review: the same answer, so those stay secret.</summary>
    NotFound,

    /// <summary>Already answered.</summary>
    Closed,
}

public sealed record VoteResult(VoteOutcome Outcome, Question? Question = null);
