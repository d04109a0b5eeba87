using LiveBot.Offers.Places;
using LiveBot.Offers.Requests;

namespace LiveBot.Offers.Tests.Requests;

public sealed class OfferRequestParserTests
{
    /// <summary>Chat arguments -> (a ROME code among those found, INSEE code of the place).</summary>
    public static TheoryData<string, string, string> Table() => new()
    {
        // Plain, accents, plural and gender.
        { "boulanger Lyon", "D1102", "69123" },
        { "boulangère à Lyon", "D1102", "69123" },
        { "boulangers a lyon", "D1102", "69123" },
        { "Boulangeres LYON", "D1102", "69123" },
        { "coiffeuse Paris", "D1202", "75056" },
        { "vendeuses Nice", "D1214", "06088" },
        { "électricienne Strasbourg", "F1602", "67482" },
        { "esthéticienne Tours", "D1208", "37261" },
        { "maçon Le Mans", "F1703", "72181" },
        { "aide soignante Lille", "J1501", "59350" },
        { "mécanicien automobile Aix-en-Provence", "I1604", "13001" },
        { "pâtissier Paris 1er", "D1104", "75101" },

        // Typos by edit distance.
        { "boulangé Lyon", "D1102", "69123" },
        { "cuisinié Marseille", "G1602", "13055" },
        { "coifeur Bordeaux", "D1202", "33063" },

        // Abbreviations and common words.
        { "info 69003", "M1805", "69383" },
        { "dev 13008", "M1805", "13208" },
        { "compta Paris 15", "M1203", "75115" },
        { "RH Lyon 3e", "M1501", "69383" },
        { "méca Marseille 13e", "I1604", "13213" },
        { "BTP 75015", "F1703", "75115" },
        { "cuisine 2A", "G1602", "2A004" },
        { "coiffure 13", "D1202", "13055" },
        { "vente Gironde", "D1214", "33063" },
        { "vente Bouches-du-Rhône", "D1214", "13055" },
        { "développeur web Montpellier", "M1805", "34172" },

        // Saint/Sainte, hyphens, apostrophes, case.
        { "cuisinier saint etienne", "G1602", "42218" },
        { "cuisinier St-Étienne", "G1602", "42218" },
        { "cuisinier SAINT-ETIENNE", "G1602", "42218" },
        { "serveur Ste-Maxime", "G1803", "83115" },
        { "plombier L'Haÿ-les-Roses", "F1603", "94038" },
        { "plombier l hay les roses", "F1603", "94038" },

        // Homonyms: the most populous, unless a département is given.
        { "vendeur Saint-Denis", "D1214", "97411" },
        { "vendeur Saint-Denis 93", "D1214", "93066" },
        { "serveur Valence", "G1803", "26362" },
        { "serveur Valence (26)", "G1803", "26362" },
        { "info Paris 75", "M1805", "75056" },

        // Postal codes and arrondissements.
        { "boulanger 69003", "D1102", "69383" },
        { "boulanger 13008", "D1102", "13208" },
        { "comptable 06000", "M1203", "06088" },
        { "boulanger Paris 15e", "D1102", "75115" },
        { "boulanger Lyon 1er", "D1102", "69381" },
        { "boulanger Marseille 13e", "D1102", "13213" },
        { "boulanger paris 15ème arrondissement", "D1102", "75115" },
        { "boulanger paris16", "D1102", "75116" },
        { "boulanger lyon3e", "D1102", "69383" },

        // Départements by name and number.
        { "boulanger bouches du rhone", "D1102", "13055" },
        { "boulanger 33", "D1102", "33063" },

        // Separators.
        { "boulanger près de Nantes", "D1102", "44109" },
        { "boulanger vers Lille", "D1102", "59350" },
        { "boulanger sur Toulouse", "D1102", "31555" },
        { "boulanger, Rennes", "D1102", "35238" },
        { "boulangère,Rennes", "D1102", "35238" },
        { "Boulanger à Clermont-Ferrand", "D1102", "63113" },
        { "aide à domicile Lyon", "K1302", "69123" },
        { "caissière Lille", "D1505", "59350" },
        { "boulanger à Lyonn", "D1102", "69123" },
        { "boulanger à Marseile", "D1102", "13055" },
        { "Lyon boulanger", "D1102", "69123" },
        { "boulanger Bordeau", "D1102", "33063" },
        { "vendeuse boulangerie Lyon", "D1106", "69123" },
        { "agent immobilier Nantes", "C1504", "44109" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Parse_ChatInput_FindsRomeCodeAndCommune(string args, string rome, string insee)
    {
        var request = TestData.Parser.Parse(args);

        Assert.Equal(OfferRequestStatus.Ok, request.Status);
        Assert.Contains(rome, request.Job!.Codes);
        Assert.Equal(insee, request.Place!.Insee);
    }

    [Fact]
    public void Parse_Boulanger_OnlyTheBakerCode()
    {
        var request = TestData.Parser.Parse("boulanger Lyon");

        Assert.Equal(["D1102"], request.Job!.Codes);
        Assert.Equal("boulanger", request.Job.Label);
    }

    [Theory]
    [InlineData("Gironde", PlaceKind.Departement, "Gironde")]
    [InlineData("2A", PlaceKind.Departement, "Corse-du-Sud")]
    [InlineData("Lyon 3e", PlaceKind.Arrondissement, "Lyon 3e")]
    [InlineData("69003", PlaceKind.Arrondissement, "Lyon 3e")]
    [InlineData("Valence (26)", PlaceKind.Commune, "Valence")]
    public void Resolve_Place_KindAndLabel(string text, PlaceKind kind, string label)
    {
        var place = TestData.Data.Places.Resolve(text);

        Assert.NotNull(place);
        Assert.Equal(kind, place.Kind);
        Assert.Equal(label, place.Label);
    }

    [Theory]
    [InlineData("", OfferRequestStatus.Empty)]
    [InlineData("boulanger", OfferRequestStatus.NoPlace)]
    [InlineData("Lyon", OfferRequestStatus.NoJob)]
    [InlineData("à Lyon", OfferRequestStatus.NoJob)]
    [InlineData("boulanger à Zzyzxville", OfferRequestStatus.UnknownPlace)]
    [InlineData("xqwzt Lyon", OfferRequestStatus.UnknownJob)]
    [InlineData("mécanicien automobile", OfferRequestStatus.NoPlace)]
    [InlineData("vendeuse boulangerie", OfferRequestStatus.NoPlace)]
    [InlineData("boulanger Trifouillis", OfferRequestStatus.UnknownPlace)]
    [InlineData("boulanger Paris 21e", OfferRequestStatus.UnknownPlace)]
    [InlineData("boulanger Marseille 17", OfferRequestStatus.UnknownPlace)]
    [InlineData("boulanger 00000", OfferRequestStatus.UnknownPlace)]
    public void Parse_Incomplete_SaysWhatIsMissing(string args, OfferRequestStatus status)
    {
        Assert.Equal(status, TestData.Parser.Parse(args).Status);
    }

    [Fact]
    public void Parse_UnknownJob_SuggestsCloseJobs()
    {
        var request = TestData.Parser.Parse("boulangxyz Lyon");

        Assert.Equal(OfferRequestStatus.UnknownJob, request.Status);
        Assert.Contains(request.Suggestions, s => s.StartsWith("Boulanger", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ValenceWithOtherDepartement_FindsThatOne()
    {
        Assert.Equal("82186", TestData.Parser.Parse("serveur Valence 82").Place!.Insee);
    }

    [Theory]
    [InlineData("{user} Lyon")]
    [InlineData("🍞🍞🍞 🥐")]
    [InlineData("à à à à à à à à")]
    [InlineData(",,,,")]
    [InlineData("boulanger 99999")]
    [InlineData("boulanger zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz zzzzzzzzzz")]
    public void Parse_HostileInput_NeverThrows(string args)
    {
        var request = TestData.Parser.Parse(args);

        Assert.NotEqual(OfferRequestStatus.Ok, request.Status);
    }

    [Fact]
    public void Load_EmbeddedData_AllCommunesAndJobs()
    {
        Assert.True(TestData.Data.Places.Communes.Count > 34_000);
        Assert.Equal(1584, TestData.Data.Jobs.Jobs.Count);
    }
}
