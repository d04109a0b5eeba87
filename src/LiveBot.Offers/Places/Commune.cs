namespace LiveBot.Offers.Places;

/// <summary>A commune or a municipal arrondissement (Paris, Lyon, Marseille) of the embedded data.</summary>
/// <param name="Insee">INSEE code ("69383").</param>
/// <param name="Name">Official name ("Lyon 3e Arrondissement").</param>
/// <param name="ShortName">Name for chat ("Lyon 3e").</param>
public sealed record Commune(
    string Insee,
    string Name,
    string ShortName,
    bool IsArrondissement,
    string Departement,
    string[] PostalCodes,
    int Population,
    double Latitude,
    double Longitude);

/// <summary>What the asker meant by a place.</summary>
public enum PlaceKind
{
    Commune,
    Arrondissement,
    Departement,

    /// <summary>One of the 18 regions, or a former region people still name (Alsace, Picardie...).</summary>
    Region,
}

/// <summary>
/// A resolved place: the centre of the search, its label for the reply, and the INSEE commune used by
/// the APIs (for a département: its most populous commune, and <see cref="Departement"/>; the centre is then
/// the middle of its communes).
/// </summary>
public sealed record Place(PlaceKind Kind, string Label, string Insee, string Departement, double Latitude, double Longitude)
{
    /// <summary>For a département or a region: the radius (km, from <see cref="Latitude"/>/<see cref="Longitude"/>, its centre) that covers it.</summary>
    public int? RadiusKm { get; init; }

    /// <summary>For a département or a region: the départements it is made of (only offers inside are listed).</summary>
    public IReadOnlyList<string> Departements { get; init; } = [];

    /// <summary>For a region: its INSEE code (for a former region, the code of the region it is part of now).</summary>
    public string? RegionCode { get; init; }

    /// <summary>For a region: how a sentence says "in" it ("en Bretagne", "dans les Hauts-de-France").</summary>
    public string? InPhrase { get; init; }

    /// <summary>A département or a region: searched as a whole, strictly.</summary>
    public bool IsArea => Kind is PlaceKind.Departement or PlaceKind.Region;

    /// <summary>What identifies the place in a cache key: its kind and commune, or the region's name.</summary>
    public string Key => Kind == PlaceKind.Region ? $"Region:{Label}" : $"{Kind}:{Insee}";

    public static Place Of(Commune commune) => new(
        commune.IsArrondissement ? PlaceKind.Arrondissement : PlaceKind.Commune,
        commune.ShortName,
        commune.Insee,
        commune.Departement,
        commune.Latitude,
        commune.Longitude);
}
