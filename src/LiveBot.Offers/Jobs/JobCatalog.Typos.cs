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

    private string? Closest(string stem)
    {
        if (stem.Length < 4)
        {
            return null;
        }

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
            foreach (var (known, posting) in _postings)
            {
                var distance = known.StartsWith(stem, StringComparison.Ordinal) || (known.Length >= 4 && stem.StartsWith(known, StringComparison.Ordinal))
                    ? 0
                    : JobKey.Distance(stem, known, 3);
                if (distance > 3)
                {
                    continue;
                }

                foreach (var id in posting.Where(i => _entries[i].IsJob))
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
}
