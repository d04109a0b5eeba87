namespace LiveBot.Core.Stats;

/// <summary>Reports to two <see cref="ILiveStats"/> (the live report and the metrics) as if one.</summary>
public sealed class LiveStatsPair(ILiveStats first, ILiveStats second) : ILiveStats
{
    /// <summary>The one to use: both, either, or <see cref="NoLiveStats"/>.</summary>
    public static ILiveStats Of(ILiveStats? first, ILiveStats? second) =>
        first is null ? second ?? NoLiveStats.Instance
        : second is null ? first
        : new LiveStatsPair(first, second);

    public void ChatLine(string platform, DateTimeOffset time)
    {
        first.ChatLine(platform, time);
        second.ChatLine(platform, time);
    }

    public void Command(string platform, string commandId, bool answered, DateTimeOffset time)
    {
        first.Command(platform, commandId, answered, time);
        second.Command(platform, commandId, answered, time);
    }

    public void OfferRequest(OfferRequestFact fact)
    {
        first.OfferRequest(fact);
        second.OfferRequest(fact);
    }
}
