using LiveBot.Offers.Index;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Sources;

/// <summary>Offers (<c>!offres</c>) or companies open to spontaneous applications (<c>!entreprises</c>).</summary>
public enum OfferKind
{
    Offers,
    Companies,
}

/// <summary>
/// One search: main ROME codes around a place, optionally only one target diploma level (3..7, offers
/// only) and only inside a strict <see cref="Area"/> (a département, a region...).
/// </summary>
public sealed record OfferQuery(OfferKind Kind, IReadOnlyList<string> Codes, Place Place, int RadiusKm, int MaxResults)
{
    /// <summary>Only offers whose <c>target_diploma</c> is this level (3 CAP ... 7 Bac+5); null: any.</summary>
    public int? DiplomaLevel { get; init; }

    /// <summary>Only items inside this area (checked on each item's commune, postal code and coordinates); null: the radius alone.</summary>
    public OfferArea? Area { get; init; }

    /// <summary>Cache key: kind, then <see cref="SearchKey"/>.</summary>
    public string CacheKey => $"{Kind}|{SearchKey}";

    /// <summary>What one upstream call answers for both kinds: ROME codes, place, radius, diploma, area.</summary>
    public string SearchKey => $"{string.Join(',', Codes.Order(StringComparer.Ordinal))}|{Place.Key}|{RadiusKm}|{DiplomaLevel}|{Area?.Key}";
}

/// <summary>One offer (or company) as the reply shows it.</summary>
/// <param name="Title">Offer title, or the company name.</param>
/// <param name="Company">The employer of an offer, if known.</param>
/// <param name="City">Where, for chat ("Lyon 2e").</param>
/// <param name="DistanceKm">From the centre of the searched place; null when unknown.</param>
/// <param name="Published">When the offer was published, if known.</param>
/// <param name="Url">Where to apply, if the source gives it.</param>
public sealed record OfferItem(string Title, string? Company, string City, double? DistanceKm, DateTimeOffset? Published, string? Url);

/// <summary>The nearest items (distance, then newest first) and how many matched in all.</summary>
public sealed record OfferResults(IReadOnlyList<OfferItem> Items, int Total)
{
    public static readonly OfferResults Empty = new([], 0);
}

/// <summary>Orders items the way replies show them: nearest first, then newest.</summary>
public static class OfferOrder
{
    public static IEnumerable<OfferItem> Sort(IEnumerable<OfferItem> items) =>
        items.OrderBy(i => i.DistanceKm ?? double.MaxValue)
            .ThenByDescending(i => i.Published ?? DateTimeOffset.MinValue)
            .ThenBy(i => i.Title, StringComparer.Ordinal);
}

/// <summary>A source of offers (the demo catalogue or an upstream API).</summary>
public interface IOfferSource
{
    string Name { get; }

    /// <summary>True for the demo catalogue: replies then say so.</summary>
    bool IsDemo { get; }

    /// <summary>Searches; throws <see cref="OfferSourceException"/> when the source cannot answer.</summary>
    Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken);
}

/// <summary>The source could not answer (down, slow, refused the credentials, answered nonsense).</summary>
public sealed class OfferSourceException(string message, Exception? inner = null) : Exception(message, inner);
