using LiveBot.Core.Health;

namespace LiveBot.Polls;

/// <summary>The <c>polls</c> section of /healthz: the open poll and its votes; degraded while LiteDB refuses writes.</summary>
public sealed class PollsHealthSection(PollBox polls) : IHealthSection
{
    public string Name => "polls";

    public bool IsDegraded => polls.LastStorageError is not null;

    public object Report()
    {
        var open = polls.Current;
        return new Dictionary<string, object?>
        {
            ["open"] = open?.Id,
            ["votes"] = open?.Total ?? 0,
            ["kept"] = polls.List().Count,
            ["retentionDays"] = polls.Options.RetentionDays,
            ["storageError"] = polls.LastStorageError,
        };
    }
}
