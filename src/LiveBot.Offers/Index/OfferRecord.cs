using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Index;

/// <summary>
/// One job opportunity as the index keeps it, whatever its origin: an item of API Alternance's export or
/// search (read by <see cref="ExportReader"/>) or a fictitious item of the demo catalogue.
/// </summary>
/// <param name="Kind">An offer (<c>!offres</c>) or a company open to spontaneous applications (<c>!entreprises</c>).</param>
/// <param name="Title">The offer's title, or the company's name.</param>
/// <param name="Company">The employer of an offer, if known (null for a company).</param>
/// <param name="RomeCodes">ROME codes as given (fine codes are indexed under their main code).</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Insee">INSEE code of the commune when the source knows it; else found from the postal code and the coordinates.</param>
/// <param name="PostalCode">Postal code read from the address ("69002"), if any.</param>
/// <param name="DiplomaLevel">Target diploma level 3..7 (European scale), 0 when unknown.</param>
/// <param name="Published">Publication date, if known.</param>
/// <param name="Expires">Expiration date, if known: an expired offer is never shown.</param>
/// <param name="Url">Where to apply (https only), if known.</param>
public sealed record OfferRecord(
    OfferKind Kind,
    string Title,
    string? Company,
    IReadOnlyList<string> RomeCodes,
    double Latitude,
    double Longitude,
    string? Insee,
    string? PostalCode,
    int DiplomaLevel,
    DateTimeOffset? Published,
    DateTimeOffset? Expires,
    string? Url);

/// <summary>Where an indexed item is, for area filters (département, region, commune).</summary>
/// <param name="Insee">INSEE code of its commune (or arrondissement), when one is near.</param>
/// <param name="Departement">Its département code ("69", "2A", "974"), when known.</param>
/// <param name="PostalCode">Postal code from its address, 0 when unknown (format with "D5").</param>
public readonly record struct OfferLocation(double Latitude, double Longitude, string? Insee, string? Departement, int PostalCode);

/// <summary>
/// A strict area: only items for which <see cref="Contains"/> is true are counted and shown.
/// <see cref="Key"/> names the area in cache keys ("dep:33", "reg:84").
/// </summary>
public sealed record OfferArea(string Key, Func<OfferLocation, bool> Contains);
