using System.Diagnostics.Metrics;
using LiveBot.Core.Chat;
using LiveBot.Core.Stats;

namespace LiveBot.Core.Metrics;

/// <summary>
/// The chat's instruments. Lines in, messages sent, replies merged and dropped (by reason) and the connection
/// state are read from each platform's own counters (<see cref="IChatPlatform.GetHealth"/>) when scraped;
/// commands and offer requests are counted by the pipeline, which reports them here as it does to the live
/// report (<see cref="ILiveStats"/>).
/// </summary>
public sealed class ChatMetrics : IMetricInstruments, ILiveStats
{
    private readonly PlatformRegistry _platforms;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _offerRequests;

    public ChatMetrics(LiveBotMeter meter, PlatformRegistry platforms)
    {
        _platforms = platforms;
        var m = meter.Meter;
        _commands = m.CreateCounter<long>("livebot_commands", "{command}", "Commandes appelées, par plateforme, commande et réponse (answered).");
        _offerRequests = m.CreateCounter<long>("livebot_offer_requests", "{request}", "Demandes !offres / !entreprises, par plateforme, type et issue.");
        m.CreateObservableCounter("livebot_chat_lines", () => Each(h => h.MessagesIn), "{line}", "Lignes de chat reçues, par plateforme.");
        m.CreateObservableCounter("livebot_replies_sent", () => Each(h => h.MessagesOut), "{message}", "Messages envoyés par le bot, par plateforme.");
        m.CreateObservableCounter("livebot_replies_merged", () => Each(h => h.RepliesMerged), "{reply}", "Réponses parties dans le message d'une autre, par plateforme.");
        m.CreateObservableCounter("livebot_replies_dropped", Dropped, "{reply}", "Réponses abandonnées, par plateforme et raison.");
        m.CreateObservableGauge("livebot_platform_connected", () => Each(h => h.State == PlatformStates.Connected ? 1 : 0), null, "1 quand la plateforme est connectée, sinon 0.");
    }

    public void ChatLine(string platform, DateTimeOffset time)
    {
        // Read from the platforms' own counters (livebot_chat_lines).
    }

    public void Command(string platform, string commandId, bool answered, DateTimeOffset time) =>
        _commands.Add(1, new("platform", platform), new("command", commandId), new("answered", answered ? "true" : "false"));

    public void OfferRequest(OfferRequestFact fact) =>
        _offerRequests.Add(1, new("platform", fact.Platform), new("kind", fact.Kind), new("outcome", fact.Outcome));

    private IEnumerable<Measurement<long>> Each(Func<PlatformHealth, long> read)
    {
        foreach (var health in Healths())
        {
            yield return new Measurement<long>(read(health), new KeyValuePair<string, object?>("platform", health.Name));
        }
    }

    private IEnumerable<Measurement<long>> Dropped()
    {
        foreach (var health in Healths())
        {
            var byReason = health.DroppedByReason;
            var listed = 0L;
            foreach (var (reason, count) in byReason)
            {
                listed += count;
                yield return new Measurement<long>(count, new("platform", health.Name), new("reason", reason));
            }

            if (health.DroppedReplies > listed || byReason.Count == 0)
            {
                // Drops the platform does not break down (or none at all: the series exists from the start).
                yield return new Measurement<long>(health.DroppedReplies - listed, new("platform", health.Name), new("reason", "other"));
            }
        }
    }

    private List<PlatformHealth> Healths()
    {
        var list = new List<PlatformHealth>(_platforms.All.Count);
        foreach (var platform in _platforms.All)
        {
            try
            {
                list.Add(platform.GetHealth());
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                // A platform being disposed at stop: skipped this once.
            }
        }

        return list;
    }
}
