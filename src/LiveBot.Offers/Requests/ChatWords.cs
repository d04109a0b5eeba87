namespace LiveBot.Offers.Requests;

/// <summary>
/// Words of chat around an !offres request that name neither a job nor a place (folded: no accents, lower
/// case), as 16-25 year olds type them on a phone.
/// </summary>
internal static class ChatWords
{
    private static readonly HashSet<string> Preamble = new(StringComparer.Ordinal)
    {
        "slt", "salut", "bonjour", "bjr", "wesh", "yo", "cc", "coucou", "hello", "svp", "stp", "pls", "plz",
        "je", "j", "jveux", "jveu", "veux", "voudrais", "jvoudrais", "aimerais", "jaimerais", "cherche", "jcherche",
        "recherche", "jrecherche", "cherches", "trouver", "etre", "devenir", "faire", "un", "une", "des", "de",
        "d", "alternance", "apprentissage", "offre", "offres", "taf", "boulot", "job", "stage", "contrat",
        "comme", "en", "moi", "ya", "quoi", "y", "il", "a", "t", "pour", "avez", "vous", "as", "tu", "est", "ce", "qu",
        "quelles", "quels", "quel", "quelle",
    };

    private static readonly HashSet<string> Politeness = new(StringComparer.Ordinal)
    {
        "stp", "svp", "svpp", "stpp", "pls", "plz", "please", "merci", "mrc", "bcp", "svplait", "..", "...", ".",
    };

    private static readonly HashSet<string> BeforePlace = new(StringComparer.Ordinal)
    {
        "ds", "dns", "le", "la", "les", "l", "cote", "proche", "loin", "pas", "coin", "secteur", "region", "par",
        "ici", "autour", "alentours", "environs", "des", "aux", "au",
    };

    /// <summary>A word of the line's start that is no job (« jveux », « être », « une alternance de »).</summary>
    public static bool IsPreamble(string folded) => Preamble.Contains(folded);

    /// <summary>A word of the line's end that is no place (« stp », « merci »).</summary>
    public static bool IsPoliteness(string folded) => Politeness.Contains(folded);

    /// <summary>A word between the job and the place (« ds le », « à côté de », « pas loin de »).</summary>
    public static bool IsBeforePlace(string folded) => BeforePlace.Contains(folded);
}
