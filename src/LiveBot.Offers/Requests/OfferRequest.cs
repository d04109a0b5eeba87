using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers.Requests;

/// <summary>How far the arguments of !offres / !entreprises were understood.</summary>
public enum OfferRequestStatus
{
    /// <summary>A job and a place.</summary>
    Ok,

    /// <summary>Nothing typed after the command.</summary>
    Empty,

    /// <summary>A place but no job words.</summary>
    NoJob,

    /// <summary>Job words but nothing that reads as a place.</summary>
    NoPlace,

    /// <summary>Words after "à"/"sur"/"," that name no known place.</summary>
    UnknownPlace,

    /// <summary>A place, and job words matching no job.</summary>
    UnknownJob,
}

/// <summary>The understood request: job words and their ROME codes, the place.</summary>
public sealed record OfferRequest(OfferRequestStatus Status, string JobText, string PlaceText)
{
    public JobMatch? Job { get; init; }

    public Place? Place { get; init; }

    private Lazy<IReadOnlyList<string>> _suggestions = new(Array.Empty<string>());

    /// <summary>
    /// Close jobs when <see cref="Status"/> is <see cref="OfferRequestStatus.UnknownJob"/>: looked for only
    /// when read (the reply needs them; parsing a line never pays for the search over the vocabulary).
    /// </summary>
    public IReadOnlyList<string> Suggestions
    {
        get => _suggestions.Value;
        init => _suggestions = new(value);
    }

    /// <summary>Computes <see cref="Suggestions"/> on first read, once (thread-safe).</summary>
    public Func<IReadOnlyList<string>> SuggestionsSource
    {
        init => _suggestions = new(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
