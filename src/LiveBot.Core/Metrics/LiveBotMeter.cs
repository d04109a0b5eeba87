using System.Diagnostics.Metrics;

namespace LiveBot.Core.Metrics;

/// <summary>
/// The bot's one <see cref="Meter"/> ("LiveBot"), made by the host's <see cref="IMeterFactory"/>: each host
/// (and each test's host) has its own, and a host's exporter keeps only its own (see <see cref="IsOwn"/>).
/// Instruments are named <c>livebot_…</c> and made by small holders per feature (<see cref="IMetricInstruments"/>).
/// </summary>
public sealed class LiveBotMeter(IMeterFactory factory)
{
    public const string Name = "LiveBot";

    public Meter Meter { get; } = factory.Create(Name);

    /// <summary>
    /// False for an instrument of a meter another host's factory made (two bots in one process, as in the
    /// tests): an exporter listens by meter name, so without this it would read both.
    /// </summary>
    public static bool IsOwn(System.Diagnostics.Metrics.Instrument instrument, IMeterFactory factory) =>
        instrument.Meter.Scope is not IMeterFactory scope || ReferenceEquals(scope, factory);
}

/// <summary>A feature's instrument holder: made once at start, its observable instruments read the feature's state.</summary>
public interface IMetricInstruments;
