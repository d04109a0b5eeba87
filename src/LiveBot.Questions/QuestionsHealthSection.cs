using LiveBot.Core.Health;

namespace LiveBot.Questions;

/// <summary>The <c>questions</c> section of /healthz: counters by status; degraded while writes to LiteDB fail.</summary>
public sealed class QuestionsHealthSection(QuestionQueue queue) : IHealthSection
{
    public string Name => "questions";

    public bool IsDegraded => queue.LastStorageError is not null;

    public object Report()
    {
        var counters = queue.Counters();
        return new Dictionary<string, object?>
        {
            ["pending"] = counters.Pending,
            ["approved"] = counters.Approved,
            ["onAir"] = counters.OnAir,
            ["answered"] = counters.Answered,
            ["hidden"] = counters.Hidden,
            ["total"] = counters.Total,
            ["requireApproval"] = queue.Options.RequireApproval,
            ["retentionDays"] = queue.Options.RetentionDays,
            ["storageError"] = queue.LastStorageError,
        };
    }
}
