namespace LiveBot.Core.Stats;

/// <summary>
/// Where the chat path reports what happened, for the live report (aggregates only: never a viewer's
/// name, id or text). Implementations must be fast (called on every chat line) and never throw.
/// </summary>
public interface ILiveStats
{
    /// <summary>One chat line reached the pipeline (duplicates already removed).</summary>
    void ChatLine(string platform, DateTimeOffset time);

    /// <summary>A configured command was called; <paramref name="answered"/> when the bot replied.</summary>
    void Command(string platform, string commandId, bool answered, DateTimeOffset time);

    /// <summary>One !offres / !entreprises request, as understood, and how it ended.</summary>
    void OfferRequest(OfferRequestFact fact);
}

/// <summary>Records nothing (tests and hosts without the report).</summary>
public sealed class NoLiveStats : ILiveStats
{
    public static readonly NoLiveStats Instance = new();

    public void ChatLine(string platform, DateTimeOffset time)
    {
    }

    public void Command(string platform, string commandId, bool answered, DateTimeOffset time)
    {
    }

    public void OfferRequest(OfferRequestFact fact)
    {
    }
}

/// <summary>How an offer request ended.</summary>
public static class OfferOutcomes
{
    /// <summary>Results within the radius.</summary>
    public const string Found = "found";

    /// <summary>Results only after the one wider search.</summary>
    public const string Widened = "widened";

    /// <summary>Nothing, even widened.</summary>
    public const string None = "none";

    /// <summary>The source could not answer.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The job or the place was not understood (no search).</summary>
    public const string NotUnderstood = "not_understood";
}

/// <summary>
/// One offer request as the bot understood it: catalogue labels and codes only, never the words typed.
/// </summary>
/// <param name="Platform">"twitch", "youtube", "local".</param>
/// <param name="Time">When it was asked.</param>
/// <param name="Kind">"offres" or "entreprises".</param>
/// <param name="Outcome">One of <see cref="OfferOutcomes"/>.</param>
public sealed record OfferRequestFact(string Platform, DateTimeOffset Time, string Kind, string Outcome)
{
    /// <summary>Main ROME code of the understood job (null when not understood or a diploma).</summary>
    public string? JobCode { get; init; }

    /// <summary>The catalogue's label of the job ("boulanger").</summary>
    public string? JobLabel { get; init; }

    /// <summary>The understood diploma ("BTS NDRC"), when the request named one.</summary>
    public string? Diploma { get; init; }

    /// <summary>"commune", "arrondissement", "departement" or "region".</summary>
    public string? PlaceKind { get; init; }

    /// <summary>INSEE code of a commune, the département code, or the region code.</summary>
    public string? PlaceCode { get; init; }

    /// <summary>The place's label ("Lyon 3e", "Gironde").</summary>
    public string? PlaceLabel { get; init; }

    /// <summary>Département of the place (for the map), when it has one.</summary>
    public string? Departement { get; init; }

    /// <summary>Which source answered ("Demo", "ApiAlternance", "FranceTravail").</summary>
    public string? Source { get; init; }
}
