using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using LiveBot.Offers.Requests;

namespace LiveBot.Offers.Tests.Requests;

/// <summary>
/// Issue 12: what 16-25 year olds type on a phone after !offres, with what must be understood. The job is
/// a main ROME code among those found; the place an INSEE code, "dep:93" (a département) or "reg:Label" (a region).
/// </summary>
public sealed partial class ChatInputTableTests
{
    public static TheoryData<string, string, string> Places() => new()
    {
        // Regions by name and by the names people use, winning over a commune of the same name.
        { "maçon Île-de-France", "F1703", "reg:Île-de-France" },
        { "cuisine Corse", "G1602", "reg:Corse" },
        { "vendeur Bretagne", "D1214", "reg:Bretagne" },
        { "vendeur en bretagne", "D1214", "reg:Bretagne" },
        { "boulanger idf", "D1102", "reg:Île-de-France" },
        { "coiffeuse en IDF", "D1202", "reg:Île-de-France" },
        { "boulanger PACA", "D1102", "reg:Provence-Alpes-Côte d'Azur" },
        { "cuisinier region sud", "G1602", "reg:Provence-Alpes-Côte d'Azur" },
        { "serveur AURA", "G1803", "reg:Auvergne-Rhône-Alpes" },
        { "plombier hauts de france", "F1603", "reg:Hauts-de-France" },
        { "plombier Hauts-de-France", "F1603", "reg:Hauts-de-France" },
        { "mécanicien Normandie", "I1604", "reg:Normandie" },
        { "boulanger nouvelle aquitaine", "D1102", "reg:Nouvelle-Aquitaine" },
        { "comptable Occitanie", "M1203", "reg:Occitanie" },
        { "vendeuse pays de la loire", "D1214", "reg:Pays de la Loire" },
        { "info grand est", "M1805", "reg:Grand Est" },
        { "boucher centre val de loire", "D1101", "reg:Centre-Val de Loire" },
        { "coiffure bourgogne franche comté", "D1202", "reg:Bourgogne-Franche-Comté" },
        { "boulanger région parisienne", "D1102", "reg:Île-de-France" },
        { "boulanger Alsace", "D1102", "reg:Alsace" },
        { "électricien en Picardie", "F1602", "reg:Picardie" },
        { "vendeur Bretagne 90", "D1214", "90019" },

        // Communes named by the start of their name; a typo fix comes after.
        { "boulanger Roissy-en-Brie", "D1102", "77390" },
        { "boulanger à Villefranche", "D1102", "69264" },

        // Corsica and overseas.
        { "cuisinier 2B", "G1602", "dep:2B" },
        { "serveur Haute-Corse", "G1803", "dep:2B" },
        { "serveuse corse du sud", "G1803", "dep:2A" },
        { "boulanger Ajaccio", "D1102", "2A004" },
        { "cuisine Bastia", "G1602", "2B033" },
        { "vendeur 20", "D1214", "reg:Corse" },
        { "vendeur Guadeloupe", "D1214", "dep:971" },
        { "vendeuse Martinique", "D1214", "dep:972" },
        { "boulanger Guyane", "D1102", "dep:973" },
        { "boulanger la réunion", "D1102", "dep:974" },
        { "boulanger reunion", "D1102", "dep:974" },
        { "coiffeur Mayotte", "D1202", "dep:976" },
        { "cuisinier 974", "G1602", "dep:974" },
        { "vendeur Pointe-à-Pitre", "D1214", "97120" },
        { "vendeur Fort-de-France", "D1214", "97209" },
        { "serveur Cayenne", "G1803", "97302" },
        { "cuisinier Mamoudzou", "G1602", "97611" },
        { "boulanger 97400", "D1102", "97411" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Parse_Issue12Places_JobPlaceAndArea(string args, string job, string place) => AssertUnderstood(args, job, place);

    private static void AssertUnderstood(string args, string job, string place)
    {
        var request = TestData.Parser.Parse(args);

        Assert.True(request.Status == OfferRequestStatus.Ok, $"{args}: {request.Status}");
        if (JobCatalog.IsRomeCode(job))
        {
            Assert.Contains(job, request.Job!.Codes);
        }
        else
        {
            Assert.Equal(job, request.Job!.Diploma?.Label);
        }

        Assert.Equal(place, Describe(request.Place!));
    }

    private static string Describe(Place place) => place.Kind switch
    {
        PlaceKind.Departement => "dep:" + place.Departement,
        PlaceKind.Region => "reg:" + place.Label,
        _ => place.Insee,
    };
}
