namespace LiveBot.Questions;

/// <summary>Where a question stands. The overlay only ever shows <see cref="OnAir"/>.</summary>
public enum QuestionStatus
{
    /// <summary>Waiting for a moderator: only held questions (link, blocked word, RequireApproval) stay here.</summary>
    Pending,

    /// <summary>In the queue, visible to presenters; clean questions start here when approval is not required.</summary>
    Approved,

    /// <summary>On screen; at most one at a time.</summary>
    OnAir,

    Answered,

    Hidden,
}

/// <summary>One viewer question as presenters see it (an immutable snapshot).</summary>
/// <param name="Id">Its number in chat (#1, #2...), never reused.</param>
/// <param name="Platform">"twitch", "youtube", "local".</param>
/// <param name="Channel">The chat it was asked in.</param>
/// <param name="AuthorId">Platform-qualified user id ("twitch:123").</param>
/// <param name="AuthorName">Display name (untrusted text: encode it wherever it is shown).</param>
/// <param name="Text">The question as typed, sanitised (untrusted text).</param>
/// <param name="CreatedAt">When it was received.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Votes">Viewers who backed it (by !vote or by asking the same thing), the author not counted.</param>
public sealed record Question(
    int Id,
    string Platform,
    string Channel,
    string AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset CreatedAt,
    QuestionStatus Status,
    int Votes)
{
    /// <summary>Held for review (link, blocked word or RequireApproval): never approved implicitly.</summary>
    public bool Held { get; init; }

    /// <summary>Why it is held, in French for moderators ("lien", "mot bloqué « x »", "validation requise").</summary>
    public string? HeldReason { get; init; }

    /// <summary>The platform's id of the chat line that asked it (null for questions filed before it was kept).</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>
    /// Why it is hidden when chat moderation hid it ("auteur banni du chat", "message supprimé par la modération"),
    /// in French for presenters; null otherwise.
    /// </summary>
    public string? HiddenReason { get; init; }

    /// <summary>The status <see cref="QuestionQueue.Restore"/> goes back to (set while hidden).</summary>
    public QuestionStatus? StatusBeforeHidden { get; init; }

    /// <summary>Last change (status or votes).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Pending, approved or on air: still expecting an answer.</summary>
    public bool IsOpen => Status is QuestionStatus.Pending or QuestionStatus.Approved or QuestionStatus.OnAir;
}

/// <summary>What changed, raised by <see cref="QuestionQueue.Changed"/> once it is durable.</summary>
/// <param name="Kind">"added", "updated" or "removed" (retention purge).</param>
/// <param name="Question">The question after the change (before removal for "removed").</param>
public sealed record QuestionChange(string Kind, Question Question)
{
    public const string Added = "added";
    public const string Updated = "updated";
    public const string Removed = "removed";
}

/// <summary>How many questions are in each status.</summary>
public sealed record QuestionCounters(int Pending, int Approved, int OnAir, int Answered, int Hidden, int Total);
