using System.Diagnostics.Metrics;
using LiveBot.Core.Metrics;

namespace LiveBot.Offers.Mirror;

/// <summary><c>livebot_offers_mirror_age_seconds</c>: age of the offers mirror's data, while there is one.</summary>
public sealed class OffersMetrics : IMetricInstruments
{
    public OffersMetrics(LiveBotMeter meter, OfferMirror mirror) =>
        meter.Meter.CreateObservableGauge(
            "livebot_offers_mirror_age",
            () => mirror.DataAge is { } age ? [new Measurement<double>(Math.Round(age.TotalSeconds))] : Array.Empty<Measurement<double>>(),
            "s",
            "Âge des données du miroir des offres (absent sans miroir chargé).");
}
