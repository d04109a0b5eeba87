using LiveBot.Questions.Matching;

namespace LiveBot.Questions.Index;

/// <summary>One question in memory: its stored form, its snapshot, its voters, its fingerprint.</summary>
internal sealed class QuestionEntry
{
    public QuestionEntry(StoredQuestion doc, QuestionFingerprint fingerprint)
    {
        Fingerprint = fingerprint;
        Voters = new HashSet<string>(doc.Voters, StringComparer.Ordinal);
        Doc = doc;
        Snapshot = ToQuestion(doc);
    }

    public StoredQuestion Doc { get; private set; }

    public Question Snapshot { get; private set; }

    public HashSet<string> Voters { get; }

    public QuestionFingerprint Fingerprint { get; }

    /// <summary>Only <see cref="QuestionIndex"/> calls this, so that its counters follow.</summary>
    internal void Replace(StoredQuestion doc)
    {
        Doc = doc;
        Snapshot = ToQuestion(doc);
    }

    private static Question ToQuestion(StoredQuestion doc) => new(
        doc.Id,
        doc.Platform,
        doc.Channel,
        doc.AuthorId,
        doc.AuthorName,
        doc.Text,
        DateTimeOffset.FromUnixTimeMilliseconds(doc.CreatedAt),
        doc.Status,
        doc.Voters.Count)
    {
        Held = doc.Held,
        HeldReason = doc.HeldReason,
        SourceMessageId = doc.SourceMessageId,
        HiddenReason = doc.HiddenReason,
        StatusBeforeHidden = doc.StatusBeforeHidden,
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(doc.UpdatedAt),
    };
}
