using System.Diagnostics.Metrics;
using LiveBot.Core.Metrics;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Quota;

/// <summary>
/// YouTube's quota as the ledger books it: <c>livebot_youtube_units_spent{kind="read"|"write"}</c> today (Pacific
/// day, back to 0 at the reset) and <c>livebot_youtube_units_remaining</c>.
/// </summary>
public sealed class YouTubeMetrics : IMetricInstruments
{
    public YouTubeMetrics(LiveBotMeter meter, QuotaLedger ledger, IOptions<YouTubeOptions> options)
    {
        var m = meter.Meter;
        m.CreateObservableGauge("livebot_youtube_units_spent", () =>
        {
            var today = ledger.Snapshot();
            return new Measurement<long>[]
            {
                new(today.ReadUnits, new KeyValuePair<string, object?>("kind", "read")),
                new(today.WriteUnits, new KeyValuePair<string, object?>("kind", "write")),
            };
        }, "{unit}", "Unités du quota YouTube dépensées aujourd'hui (jour du Pacifique), lectures et envois.");
        m.CreateObservableGauge(
            "livebot_youtube_units_remaining",
            () => Math.Max(0L, options.Value.DailyQuota - ledger.Snapshot().Spent),
            "{unit}",
            "Unités du quota YouTube restantes aujourd'hui.");
    }
}
