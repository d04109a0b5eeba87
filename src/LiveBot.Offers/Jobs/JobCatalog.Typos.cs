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
        if (stem.Length < 4)
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
        for (var length = stem.Length - max; length <= stem.Length + max; length++)
        {
            if (!_vocabularyByLength.TryGetValue(length, out var words))
            {
                continue;
            }

            foreach (var known in words)
            {
                var distance = JobKey.Distance(stem, known, Math.Min(max, bestDistance));
                var count = _postings[known].Count;
                if (distance < bestDistance || (distance == bestDistance && distance <= max && count > bestCount))
                {
                    best = known;
                    bestDistance = distance;
                    bestCount = count;
                }
            }
        }

        return bestDistance <= max ? best : null;
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
        var start = Array.BinarySearch(_sortedVocabulary, stem, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < _sortedVocabulary.Length && _sortedVocabulary[i].StartsWith(stem, StringComparison.Ordinal); i++)
        {
            yield return (_sortedVocabulary[i], 0);
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
            foreach (var known in _vocabularyByLength.GetValueOrDefault(length) ?? [])
            {
                var distance = JobKey.Distance(stem, known, 3);
                if (distance is > 0 and <= 3)
                {
                    yield return (known, distance);
                }
            }
        }
    }
}
