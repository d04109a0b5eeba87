namespace LiveBot.Core.Chat;

/// <summary>
/// What a handler wants to say. The outbox of the platform decides how and when it is sent
/// (length, pace, merging, de-duplication).
/// </summary>
/// <param name="Text">The reply, without any mention of the asker: the platform adds it (threaded reply or "@name").</param>
public sealed record Reply(string Text)
{
    /// <summary>
    /// Replies with the same key answer the same request (command and arguments): under load an outbox
    /// may merge them into one message addressed to every asker. Null: never merged.
    /// </summary>
    public string? MergeKey { get; init; }

    /// <summary>A shorter confirmation an outbox may send instead when its budget is low (YouTube quota).</summary>
    public string? ShortText { get; init; }
}

/// <summary>A message queued for one platform's outbox.</summary>
/// <param name="Platform">Target platform name.</param>
/// <param name="Channel">Target chat on that platform.</param>
/// <param name="Text">Text to send, already sanitised by the pipeline.</param>
/// <param name="CreatedAt">When the pipeline produced it (outboxes drop replies that waited too long).</param>
public sealed record OutgoingMessage(string Platform, string Channel, string Text, DateTimeOffset CreatedAt)
{
    /// <summary>The chat line this answers, or null for announcements (timers).</summary>
    public ChatMessage? InReplyTo { get; init; }

    /// <inheritdoc cref="Reply.MergeKey"/>
    public string? MergeKey { get; init; }

    /// <inheritdoc cref="Reply.ShortText"/>
    public string? ShortText { get; init; }

    /// <summary>How many askers this message answers once merged (1 when not merged).</summary>
    public int Merged { get; init; } = 1;
}
