using System.Diagnostics.Metrics;
using LiveBot.Core.Metrics;

namespace LiveBot.Dashboard;

/// <summary>
/// <c>livebot_event_stream_clients{stream="presenter"|"overlay"}</c> (pages and overlays connected live) and
/// <c>livebot_event_stream_slow_clients_dropped_total</c>, read from the feed when scraped.
/// </summary>
public sealed class DashboardMetrics : IMetricInstruments
{
    public DashboardMetrics(LiveBotMeter meter, DashboardFeed feed)
    {
        var m = meter.Meter;
        m.CreateObservableGauge("livebot_event_stream_clients", () => new Measurement<int>[]
        {
            new(feed.PresenterCount, new KeyValuePair<string, object?>("stream", "presenter")),
            new(feed.OverlayCount, new KeyValuePair<string, object?>("stream", "overlay")),
        }, "{client}", "Flux d'événements ouverts : pages des présentateurs et overlays.");
        m.CreateObservableCounter("livebot_event_stream_slow_clients_dropped", () => feed.SlowClientsDropped, "{client}", "Clients trop lents déconnectés.");
    }
}
