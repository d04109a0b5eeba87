namespace LiveBot.Offers.Jobs;

/// <summary>Words that match no job exactly: several words matching no single job, small typos, suggestions.</summary>
public sealed partial class JobCatalog
{
    /// <summary>Several words matching no single job together ("vendeuse boulangerie"): the jobs matching all but one.</summary>
    private List<int> Partial(List<string> stems)
    {
        var matched = new Dictionary<int, int>();
        foreach (var stem in stems)
        {
            foreach (var id in _postings[stem])
            {
                matched[id] = matched.GetValueOrDefault(id) + 1;
            }
        }

        return matched
            .Where(kv => kv.Value >= stems.Count - 1 && (!_entries[kv.Key].IsTitle || kv.Value * 2 >= _entries[kv.Key].StemCount))
            .OrderByDescending(kv => kv.Value)
            .ThenByDescending(kv => _entries[kv.Key].IsShortcut)
            .ThenByDescending(kv => (double)kv.Value / _entries[kv.Key].StemCount)
            .ThenBy(kv => _entries[kv.Key].Label, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .ToList();
    }

    /// <summary>Typo fixes already computed (the parser tries several splits of one line); bounded.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _closest = new(StringComparer.Ordinal);

    private string? Closest(string stem)
    {
        // One letter in four is too much: « kiné » is not « line ».
        if (stem.Length < 5)
        {
            return null;
        }

        if (_closest.TryGetValue(stem, out var known))
        {
            return known;
        }

        if (_closest.Count > 20_000)
        {
            _closest.Clear();
        }

        return _closest[stem] = ComputeClosest(stem);
    }

    private string? ComputeClosest(string stem)
    {
        var max = stem.Length >= 7 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        var bestCount = 0;
        foreach (var id in Candidates(stem, max))
        {
            var known = Typos.Words[id];
            var distance = JobKey.Distance(stem, known, Math.Min(max, bestDistance));
            var count = _postings[known].Count;
            if (distance < bestDistance || (distance == bestDistance && distance <= max && count > bestCount))
            {
                best = known;
                bestDistance = distance;
                bestCount = count;
            }
        }

        return bestDistance <= max ? best : null;
    }

    /// <summary>
    /// The known words that may lie within <paramref name="max"/> edits of <paramref name="stem"/>, in the
    /// vocabulary's order (length, then ordinal): one edit (transposition included) spoils at most three of
    /// a word's bigrams (ends marked), so a word sharing fewer than the stem's distinct bigrams minus 3 x
    /// <paramref name="max"/> cannot be that close. Reads only the bigram lists, never the whole vocabulary.
    /// </summary>
    private List<int> Candidates(string stem, int max)
    {
        var grams = Bigrams(stem);
        var threshold = grams.Count - (3 * max);
        var result = new List<int>();
        if (threshold <= 0)
        {
            for (var id = 0; id < Typos.Words.Length; id++)
            {
                if (Math.Abs(Typos.Words[id].Length - stem.Length) <= max)
                {
                    result.Add(id);
                }
            }

            return result;
        }

        var counts = System.Buffers.ArrayPool<byte>.Shared.Rent(Typos.Words.Length);
        Array.Clear(counts, 0, Typos.Words.Length); // A rented array holds what its last user left.
        var touched = new List<int>();
        try
        {
            foreach (var gram in grams)
            {
                if (!Typos.BigramPostings.TryGetValue(gram, out var ids))
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    if (Math.Abs(Typos.Words[id].Length - stem.Length) > max)
                    {
                        continue;
                    }

                    if (counts[id] == 0)
                    {
                        touched.Add(id);
                    }

                    counts[id] = (byte)Math.Min(counts[id] + 1, 255);
                }
            }

            foreach (var id in touched)
            {
                if (counts[id] >= threshold)
                {
                    result.Add(id);
                }

                counts[id] = 0;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(counts);
        }

        result.Sort();
        return result;
    }

    /// <summary>The distinct bigrams of a word with its ends marked ("^b", "bo", ..., "r$").</summary>
    private static HashSet<int> Bigrams(string word)
    {
        var grams = new HashSet<int>();
        var previous = '^';
        foreach (var c in word)
        {
            grams.Add((previous << 16) | c);
            previous = c;
        }

        grams.Add((previous << 16) | '$');
        return grams;
    }

    private TypoTables Typos => _typos.Value;

    /// <summary>Builds the typo tables now (in the background after start), so the first typo does not wait.</summary>
    public void WarmUp() => _ = _typos.Value;

    /// <summary>The vocabulary ordered by length then ordinal, and per bigram the words holding it.</summary>
    private static (string[] Words, Dictionary<int, int[]> Postings) TypoIndex(IEnumerable<string> vocabulary)
    {
        var words = vocabulary.OrderBy(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();
        var postings = new Dictionary<int, List<int>>();
        for (var id = 0; id < words.Length; id++)
        {
            foreach (var gram in Bigrams(words[id]))
            {
                if (!postings.TryGetValue(gram, out var list))
                {
                    list = [];
                    postings[gram] = list;
                }

                list.Add(id);
            }
        }

        return (words, postings.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    /// <summary>Up to three ROME jobs whose words are close to (or start like) the words typed.</summary>
    private List<string> Suggest(List<string> stems)
    {
        var scores = new Dictionary<int, int>();
        foreach (var stem in stems.Where(s => s.Length >= 3))
        {
            foreach (var (known, distance) in Near(stem))
            {
                foreach (var id in _postings[known].Where(i => _entries[i].IsJob))
                {
                    scores[id] = Math.Min(scores.GetValueOrDefault(id, int.MaxValue), distance);
                }
            }
        }

        return scores
            .OrderBy(kv => kv.Value)
            .ThenBy(kv => _entries[kv.Key].StemCount)
            .ThenBy(kv => _entries[kv.Key].Label, StringComparer.Ordinal)
            .Select(kv => _entries[kv.Key].Display)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }

    /// <summary>Known words starting with the stem or starting it (distance 0), or within 3 edits, read from the length buckets.</summary>
    private IEnumerable<(string Known, int Distance)> Near(string stem)
    {
        var start = Array.BinarySearch(Typos.SortedVocabulary, stem, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < Typos.SortedVocabulary.Length && Typos.SortedVocabulary[i].StartsWith(stem, StringComparison.Ordinal); i++)
        {
            yield return (Typos.SortedVocabulary[i], 0);
        }

        for (var length = 4; length < stem.Length; length++)
        {
            if (_postings.ContainsKey(stem[..length]))
            {
                yield return (stem[..length], 0);
            }
        }

        for (var length = Math.Max(1, stem.Length - 3); length <= stem.Length + 3; length++)
        {
            foreach (var known in Typos.VocabularyByLength.GetValueOrDefault(length) ?? [])
            {
                var distance = JobKey.Distance(stem, known, 3);
                if (distance is > 0 and <= 3)
                {
                    yield return (known, distance);
                }
            }
        }
    }

    /// <summary>What typo fixes and suggestions read: the vocabulary in three orders and its bigram lists.</summary>
    private sealed record TypoTables(
        string[] Words,
        Dictionary<int, int[]> BigramPostings,
        string[] SortedVocabulary,
        Dictionary<int, string[]> VocabularyByLength)
    {
        public static TypoTables Build(IEnumerable<string> vocabulary)
        {
            var (words, postings) = TypoIndex(vocabulary);
            return new TypoTables(
                words,
                postings,
                vocabulary.Order(StringComparer.Ordinal).ToArray(),
                vocabulary.GroupBy(k => k.Length).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray()));
        }
    }
}
