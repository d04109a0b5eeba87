using System.Diagnostics.Metrics;
using LiveBot.Core.Metrics;

namespace LiveBot.Questions;

/// <summary><c>livebot_questions{status}</c>: the questions kept, by status, read from the queue when scraped.</summary>
public sealed class QuestionMetrics : IMetricInstruments
{
    public QuestionMetrics(LiveBotMeter meter, QuestionQueue queue) =>
        meter.Meter.CreateObservableGauge("livebot_questions", () =>
        {
            var c = queue.Counters();
            return new Measurement<long>[]
            {
                new(c.Pending, new KeyValuePair<string, object?>("status", "pending")),
                new(c.Approved, new KeyValuePair<string, object?>("status", "approved")),
                new(c.OnAir, new KeyValuePair<string, object?>("status", "on_air")),
                new(c.Answered, new KeyValuePair<string, object?>("status", "answered")),
                new(c.Hidden, new KeyValuePair<string, object?>("status", "hidden")),
            };
        }, "{question}", "Questions gardées, par statut.");
}
