using LiveBot.Offers.Requests;

namespace LiveBot.Offers.Tests;

/// <summary>The embedded data, loaded once for all tests (as the bot loads it once at start).</summary>
internal static class TestData
{
    public static OffersData Data => OffersData.Shared;

    public static OfferRequestParser Parser { get; } = new(Data.Places, Data.Jobs);
}
