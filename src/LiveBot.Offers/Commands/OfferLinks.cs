using System.Globalization;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Commands;

/// <summary>Links the replies point to.</summary>
public static class OfferLinks
{
    /// <summary>The apprenticeship search of 1jeune1solution, short enough for any chat.</summary>
    public const string Home = "https://www.1jeune1solution.gouv.fr/apprentissage";

    /// <summary>The 1jeune1solution apprenticeship search for that job and place.</summary>
    public static string Search(JobMatch job, Place place, int radiusKm) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Home}?libelleMetier={Uri.EscapeDataString(job.Label)}&codeRomes={Uri.EscapeDataString(string.Join(',', job.Codes))}&libelleCommune={Uri.EscapeDataString(place.Label)}&codeCommune={place.Insee}&latitudeCommune={place.Latitude:0.###}&longitudeCommune={place.Longitude:0.###}&distanceCommune={radiusKm}&page=1");
}
