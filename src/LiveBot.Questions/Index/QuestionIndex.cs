using LiveBot.Questions.Matching;

namespace LiveBot.Questions.Index;

/// <summary>
/// The questions mirrored in memory: by number, counters by status, the question on air, open questions per
/// viewer, and the duplicate indexes of open questions (clean ones, and held ones apart: a held question is
/// never a merge target for other viewers, who must not learn it exists). Every change of a question goes
/// through <see cref="Add"/>, <see cref="Replace"/> or <see cref="Remove"/>, so all of these stay in step.
/// Not thread-safe: <see cref="QuestionQueue"/> holds its lock.
/// </summary>
internal sealed class QuestionIndex
{
    private static readonly int StatusCount = Enum.GetValues<QuestionStatus>().Length;

    private readonly Dictionary<int, QuestionEntry> _entries = [];
    private readonly DuplicateIndex _open = new();
    private readonly DuplicateIndex _held = new();
    private readonly Dictionary<string, int> _openByAuthor = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[StatusCount];

    public int Count => _entries.Count;

    public IEnumerable<QuestionEntry> Entries => _entries.Values;

    /// <summary>The number of the question on air, if any.</summary>
    public int? OnAirId { get; private set; }

    /// <summary>Upper bounds of every creation time (Unix ms) and number ever indexed (they never go down).</summary>
    public long LatestCreatedAt { get; private set; } = long.MinValue;

    public int HighestId { get; private set; }

    public bool TryGet(int id, out QuestionEntry entry) => _entries.TryGetValue(id, out entry!);

    public QuestionEntry this[int id] => _entries[id];

    public int CountOf(QuestionStatus status) => _counts[(int)status];

    public int OpenOf(string authorId) => _openByAuthor.GetValueOrDefault(authorId);

    public QuestionCounters Counters() => new(
        _counts[(int)QuestionStatus.Pending],
        _counts[(int)QuestionStatus.Approved],
        _counts[(int)QuestionStatus.OnAir],
        _counts[(int)QuestionStatus.Answered],
        _counts[(int)QuestionStatus.Hidden],
        _entries.Count);

    /// <summary>The clean open question closest to <paramref name="fingerprint"/>, at or above the threshold.</summary>
    public QuestionEntry? FindOpen(QuestionFingerprint fingerprint, double threshold) =>
        _open.FindBest(fingerprint, threshold) is { } match ? _entries[match.Id] : null;

    /// <summary>The held open question closest to <paramref name="fingerprint"/>, at or above the threshold.</summary>
    public QuestionEntry? FindHeld(QuestionFingerprint fingerprint, double threshold) =>
        _held.FindBest(fingerprint, threshold) is { } match ? _entries[match.Id] : null;

    public void Add(QuestionEntry entry)
    {
        _entries[entry.Doc.Id] = entry;
        LatestCreatedAt = Math.Max(LatestCreatedAt, entry.Doc.CreatedAt);
        HighestId = Math.Max(HighestId, entry.Doc.Id);
        Track(entry, added: true);
    }

    public void Replace(QuestionEntry entry, StoredQuestion doc)
    {
        Track(entry, added: false);
        entry.Replace(doc);
        Track(entry, added: true);
    }

    public void Remove(QuestionEntry entry)
    {
        Track(entry, added: false);
        _entries.Remove(entry.Doc.Id);
    }

    /// <summary>Adds or removes <paramref name="entry"/> from the counters, the indexes and the per-viewer counts.</summary>
    private void Track(QuestionEntry entry, bool added)
    {
        var doc = entry.Doc;
        var delta = added ? 1 : -1;
        _counts[(int)doc.Status] += delta;
        if (doc.Status == QuestionStatus.OnAir)
        {
            OnAirId = added ? doc.Id : (OnAirId == doc.Id ? null : OnAirId);
        }

        if (!entry.Snapshot.IsOpen)
        {
            return;
        }

        var open = _openByAuthor.GetValueOrDefault(doc.AuthorId) + delta;
        if (open > 0)
        {
            _openByAuthor[doc.AuthorId] = open;
        }
        else
        {
            _openByAuthor.Remove(doc.AuthorId);
        }

        var index = doc.Held ? _held : _open;
        if (added)
        {
            index.Add(doc.Id, entry.Fingerprint);
        }
        else
        {
            index.Remove(doc.Id);
        }
    }
}
