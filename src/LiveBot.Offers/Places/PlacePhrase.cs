namespace LiveBot.Offers.Places;

/// <summary>
/// French for places in a sentence: "de" elided or merged with the article of the name ("d'Aurillac",
/// "du Mans", "des Sables-d'Olonne"), and a département named as one ("dans le 33 (Gironde)"), not as a town.
/// </summary>
public static class PlacePhrase
{
    /// <summary>"Lyon" -> "de Lyon", "Aurillac" -> "d'Aurillac", "Le Mans" -> "du Mans", "Les Sables-d'Olonne" -> "des Sables-d'Olonne".</summary>
    public static string Of(string name)
    {
        if (StartsWithWord(name, "Le"))
        {
            return "du " + name[3..];
        }

        if (StartsWithWord(name, "Les"))
        {
            return "des " + name[4..];
        }

        return name.Length > 0 && IsVowel(name[0]) ? "d'" + name : "de " + name;
    }

    /// <summary>"près de Lyon", "près d'Aurillac"; a département: "dans le 33 (Gironde)"; a region: "en Bretagne".</summary>
    public static string Near(Place place) => place.IsArea ? In(place) : "près " + Of(place.Label);

    /// <summary>"autour de Lyon"; a département: "dans le 33 (Gironde)"; a region: "en Bretagne".</summary>
    public static string Around(Place place) => place.IsArea ? In(place) : "autour " + Of(place.Label);

    /// <summary>"à moins de 60 km de Lyon"; a département: "dans le 33 (Gironde)"; a region: "en Bretagne".</summary>
    public static string Within(Place place, int radiusKm) =>
        place.IsArea ? In(place) : $"à moins de {radiusKm} km {Of(place.Label)}";

    /// <summary>"dans le 33 (Gironde)", "dans le 2A (Corse-du-Sud)", "en Île-de-France", "dans les Hauts-de-France".</summary>
    public static string In(Place place) => place.Kind == PlaceKind.Region
        ? place.InPhrase ?? "en " + place.Label
        : $"dans le {place.Departement} ({place.Label})";

    private static bool StartsWithWord(string name, string article) =>
        name.Length > article.Length + 1 && name.StartsWith(article, StringComparison.Ordinal) && name[article.Length] == ' ';

    /// <summary>Vowels (and y) elide "de"; h is left alone (aspirated or not, "de Hazebrouck" is never wrong to read).</summary>
    private static bool IsVowel(char c) => "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸaeiouyàâäéèêëîïôöùûüÿ".Contains(c, StringComparison.Ordinal);
}
