namespace LiveBot.Questions.Matching;

/// <summary>
/// The open questions by content word, to find the one a new question repeats without comparing it
/// with all of them. Jaccard(A, B) &gt;= t needs |A ∩ B| &gt;= t·|A|, so a match must share at least one of
/// the |A| - ⌈t·|A|⌉ + 1 rarest words of A (prefix filtering): only their postings are read, then each
/// candidate is checked exactly. Two questions only ever match with the same numbers and polarity words
/// (<see cref="QuestionFingerprint.Critical"/>), so the postings are kept apart by those: questions that share
/// their words but not their numbers ("… à 17 ans", "… à 18 ans") never read each other's postings, and the cost
/// of a lookup does not grow with the queue (issue 13). Not thread-safe: <see cref="QuestionQueue"/> holds its lock.
/// </summary>
public sealed class DuplicateIndex
{
    private readonly Dictionary<string, Dictionary<string, HashSet<int>>> _partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, QuestionFingerprint> _entries = [];

    public int Count => _entries.Count;

    public void Add(int id, QuestionFingerprint fingerprint)
    {
        if (fingerprint.IsEmpty || !_entries.TryAdd(id, fingerprint))
        {
            return;
        }

        if (!_partitions.TryGetValue(fingerprint.Critical, out var postings))
        {
            _partitions[fingerprint.Critical] = postings = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        }

        foreach (var token in fingerprint.Tokens)
        {
            if (!postings.TryGetValue(token, out var ids))
            {
                postings[token] = ids = [];
            }

            ids.Add(id);
        }
    }

    public void Remove(int id)
    {
        if (!_entries.Remove(id, out var fingerprint))
        {
            return;
        }

        if (!_partitions.TryGetValue(fingerprint.Critical, out var postings))
        {
            return;
        }

        foreach (var token in fingerprint.Tokens)
        {
            if (postings.TryGetValue(token, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                postings.Remove(token);
            }
        }

        if (postings.Count == 0)
        {
            _partitions.Remove(fingerprint.Critical);
        }
    }

    /// <summary>The most similar indexed question at or above <paramref name="threshold"/> (the oldest on a tie), or null.</summary>
    public (int Id, double Score)? FindBest(QuestionFingerprint query, double threshold)
    {
        if (query.IsEmpty || !_partitions.TryGetValue(query.Critical, out var postings))
        {
            return null;
        }

        var tokens = query.Tokens;
        var needed = (int)Math.Ceiling((threshold * tokens.Length) - 1e-9);
        var prefix = tokens.Length - Math.Max(needed, 1) + 1;
        var byRarity = new (int Count, string Token)[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            byRarity[i] = (postings.TryGetValue(tokens[i], out var ids) ? ids.Count : 0, tokens[i]);
        }

        Array.Sort(byRarity, (x, y) => x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(x.Token, y.Token));
        (int Id, double Score)? best = null;
        HashSet<int>? seen = null;
        for (var i = 0; i < prefix && i < byRarity.Length; i++)
        {
            if (byRarity[i].Count == 0)
            {
                continue;
            }

            foreach (var id in postings[byRarity[i].Token])
            {
                seen ??= [];
                if (!seen.Add(id))
                {
                    continue;
                }

                var candidate = _entries[id];
                var minSize = threshold * tokens.Length;
                if (candidate.Tokens.Length < minSize - 1e-9 || candidate.Tokens.Length * threshold > tokens.Length + 1e-9)
                {
                    continue; // Sizes too far apart for the threshold.
                }

                var score = query.Similarity(candidate);
                if (score + 1e-9 >= threshold && (best is null || score > best.Value.Score + 1e-9 || (Math.Abs(score - best.Value.Score) <= 1e-9 && id < best.Value.Id)))
                {
                    best = (id, score);
                }
            }
        }

        return best;
    }
}
