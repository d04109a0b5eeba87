using LiveBot.Core.Commands;
using LiveBot.Core.Stats;
using LiveBot.Offers.Places;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Commands;

/// <summary>Reports an offer request to the live report: the catalogue's job and place, never the words typed.</summary>
internal static class OfferStats
{
    public static void Record(CommandContext context, OfferKind kind, OfferRequest request, SearchOutcome? outcome, string source)
    {
        if (request.Status == OfferRequestStatus.Empty)
        {
            return;
        }

        var result = outcome switch
        {
            null => OfferOutcomes.NotUnderstood,
            { Status: SearchStatus.Unavailable } => OfferOutcomes.Unavailable,
            { Status: SearchStatus.None } => OfferOutcomes.None,
            { Widened: true } => OfferOutcomes.Widened,
            _ => OfferOutcomes.Found,
        };
        var place = request.Place;
        context.Stats.OfferRequest(new OfferRequestFact(context.Message.Platform, context.Message.Time, kind == OfferKind.Offers ? "offres" : "entreprises", result)
        {
            JobCode = request.Job?.Codes.FirstOrDefault(),
            JobLabel = request.Job?.Label,
            Diploma = request.Job?.Diploma?.Label,
            PlaceKind = place is null ? null : PlaceKindName(place.Kind),
            PlaceCode = place?.Kind switch
            {
                null => null,
                PlaceKind.Departement => place.Departement,
                PlaceKind.Region => place.RegionCode,
                _ => place.Insee,
            },
            PlaceLabel = place?.Label,

            // A region is no département: it counts among the places asked, not on the map.
            Departement = place?.Kind == PlaceKind.Region ? null : place?.Departement,
            Source = source,
        });
    }

    private static string PlaceKindName(PlaceKind kind) => kind switch
    {
        PlaceKind.Arrondissement => "arrondissement",
        PlaceKind.Departement => "departement",
        PlaceKind.Region => "region",
        _ => "commune",
    };
}
