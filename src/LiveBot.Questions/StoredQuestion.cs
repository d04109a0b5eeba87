namespace LiveBot.Questions;

/// <summary>A question as kept in LiteDB (collection <c>questions</c>); times are Unix milliseconds.</summary>
public sealed class StoredQuestion
{
    public int Id { get; set; }
    public string Platform { get; set; } = string.Empty;
    public string Channel { get; set; } = string.Empty;
    public string AuthorId { get; set; } = string.Empty;
    public string AuthorName { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public QuestionStatus Status { get; set; }
    public QuestionStatus? StatusBeforeHidden { get; set; }
    public bool Held { get; set; }
    public string? HeldReason { get; set; }

    /// <summary>The platform's id of the chat line that asked it (to hide it when moderators delete that line); null before issue 11.</summary>
    public string? SourceMessageId { get; set; }

    /// <summary>Why it was hidden by moderation in chat (French, for presenters); null when hidden by a presenter or not hidden.</summary>
    public string? HiddenReason { get; set; }

    /// <summary>Who backed it (platform-qualified ids), so that each viewer counts once; purged with it.</summary>
    public List<string> Voters { get; set; } = [];

    public StoredQuestion Copy()
    {
        var copy = (StoredQuestion)MemberwiseClone();
        copy.Voters = [.. Voters];
        return copy;
    }
}

/// <summary>The last number given (collection <c>questions_meta</c>), so numbers never restart after a purge.</summary>
public sealed class QuestionsMeta
{
    public string Id { get; set; } = "numbering";
    public int LastNumber { get; set; }
}
