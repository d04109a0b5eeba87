using LiveBot.Questions.Index;
using LiveBot.Questions.Matching;
using LiveBot.Questions.Moderation;

namespace LiveBot.Questions.Intake;

/// <summary>
/// The rules a viewer's <c>!question</c> meets before it is filed: length and real words (<see cref="Check"/>,
/// outside the queue's lock), then pace, merge into a close open question, the held ones kept invisible and
/// the open questions per viewer (<see cref="Decide"/>, under it). Not thread-safe past <see cref="Check"/>.
/// </summary>
internal sealed class QuestionIntake(QuestionsOptions options, Func<ModerationRules> rules)
{
    /// <summary>UTF-16 units allowed per character of <see cref="QuestionsOptions.MaxLength"/> (emoji sequences are long).</summary>
    private const int MaxUnitsPerCharacter = 8;

    private readonly Dictionary<string, DateTimeOffset> _lastSubmit = new(StringComparer.Ordinal);

    /// <summary>Length, characters as read and real words; then the fingerprint and why it would be held (or null).</summary>
    public SubmitResult? Check(string text, out IntakeCandidate candidate)
    {
        candidate = default;
        text = text.Trim();
        var length = QuestionText.Length(text);
        if (length < options.MinLength)
        {
            return new SubmitResult(SubmitOutcome.TooShort);
        }

        // Characters as read; a cap in UTF-16 units too, as one cluster can hide any number of combining marks.
        if (length > options.MaxLength || text.Length > options.MaxLength * MaxUnitsPerCharacter)
        {
            return new SubmitResult(SubmitOutcome.TooLong);
        }

        if (!QuestionText.HasWords(text))
        {
            return new SubmitResult(SubmitOutcome.NoWords);
        }

        var reason = rules().HoldReason(text) ?? (options.RequireApproval ? "validation requise" : null);
        candidate = new IntakeCandidate(text, QuestionFingerprint.Of(text), reason);
        return null;
    }

    /// <summary>
    /// Under the lock: a refusal (too soon, already backed, too many open), or the open question to vote on
    /// (<paramref name="mergeInto"/>), or null for both: file it as a new question.
    /// </summary>
    public SubmitResult? Decide(QuestionIndex index, in IntakeCandidate candidate, string authorId, DateTimeOffset now, out QuestionEntry? mergeInto)
    {
        mergeInto = null;
        if (_lastSubmit.TryGetValue(authorId, out var last) && now - last < options.MinInterval)
        {
            return new SubmitResult(SubmitOutcome.TooSoon, RetryAfter: options.MinInterval - (now - last));
        }

        if (index.FindOpen(candidate.Fingerprint, options.SimilarityThreshold) is { } match)
        {
            if (match.Doc.AuthorId == authorId || match.Voters.Contains(authorId))
            {
                return new SubmitResult(SubmitOutcome.AlreadyBacked, match.Snapshot);
            }

            mergeInto = match;
            return null;
        }

        // A held question stays invisible: only its own author is told they asked it already.
        if (index.FindHeld(candidate.Fingerprint, options.SimilarityThreshold) is { } held && held.Doc.AuthorId == authorId)
        {
            return new SubmitResult(SubmitOutcome.AlreadyBacked, held.Snapshot);
        }

        return index.OpenOf(authorId) >= options.MaxOpenPerViewer ? new SubmitResult(SubmitOutcome.TooManyOpen) : null;
    }

    /// <summary>A question of <paramref name="authorId"/> was filed or counted as a vote: the pace starts again.</summary>
    public void Accepted(string authorId, DateTimeOffset now) => _lastSubmit[authorId] = now;

    /// <summary>Forgets viewers whose pace has run out (the map stays the size of the last minutes' askers).</summary>
    public void ForgetIdle(DateTimeOffset now)
    {
        foreach (var stale in _lastSubmit.Where(kv => now - kv.Value >= options.MinInterval).Select(kv => kv.Key).ToList())
        {
            _lastSubmit.Remove(stale);
        }
    }
}

/// <summary>A question that passed <see cref="QuestionIntake.Check"/>: its trimmed text, fingerprint and hold reason.</summary>
internal readonly record struct IntakeCandidate(string Text, QuestionFingerprint Fingerprint, string? HoldReason);
