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
        { "cuisinier corse-du-sud", "G1602", "dep:2A" },
    };

    public static TheoryData<string, string, string> Titles() => new()
    {
        // The issue's lines, as they are.
        { "agent de sécurité Strasbourg", "K2503", "67482" },
        { "technicien de maintenance Le Mans", "I1304", "72181" },
        { "préparateur de commandes Roissy", "N1103", "95527" },
        { "aide soignante 93", "J1501", "dep:93" },
        { "maçon Île-de-France", "F1703", "reg:Île-de-France" },

        // ROME titles in several words, any gender and number, small typos.
        { "agente de securite lyon", "K2503", "69123" },
        { "agent securite a lille", "K2503", "59350" },
        { "preparatrice de commande 95", "N1103", "dep:95" },
        { "préparateur commandes Orléans", "N1103", "45234" },
        { "aide-soignant Nantes", "J1501", "44109" },
        { "aide soignant à Rennes", "J1501", "35238" },
        { "jardinier paysagiste Angers", "A1203", "49007" },
        { "esthéticienne à Nice", "D1208", "06088" },
        { "prothésiste ongulaire Toulon", "D1208", "83137" },
        { "fleuriste Dijon", "D1209", "21231" },
        { "vendeuse en prêt-à-porter Lille", "D1214", "59350" },
        { "assistante commerciale Lyon", "D1401", "69123" },
        { "hôtesse de caisse Reims", "D1505", "51454" },
        { "community manager Paris", "E1101", "75056" },
        { "chargée de communication Bordeaux", "E1103", "33063" },
        { "graphiste nantes", "E1205", "44109" },
        { "conducteur de travaux Grenoble", "F1201", "38185" },
        { "charpentier Annecy", "F1503", "74010" },
        { "plombier chauffagiste Metz", "F1603", "57463" },
        { "peintre en batiment Limoges", "F1606", "87085" },
        { "carreleur Perpignan", "F1608", "66136" },
        { "couvreur Brest", "F1610", "29019" },
        { "commis de cuisine Annecy", "G1602", "74010" },
        { "employé polyvalent de restauration Tours", "G1603", "37261" },
        { "réceptionniste hotel Nice", "G1703", "06088" },
        { "barman Biarritz", "G1801", "64122" },
        { "serveuse Montpellier", "G1803", "34172" },
        { "menuisier Caen", "H2206", "14118" },
        { "ebeniste Nancy", "H2207", "54395" },
        { "chaudronnier Le Havre", "H2902", "76351" },
        { "soudeuse Valenciennes", "H2913", "59606" },
        { "frigoriste Toulouse", "I1306", "31555" },
        { "mécanicien poids lourds Rouen", "I1604", "76540" },
        { "carrossier Amiens", "I1606", "80021" },
        { "assistante dentaire Nîmes", "J1303", "30189" },
        { "auxiliaire de puériculture Lyon", "J1304", "69123" },
        { "ambulancier Clermont-Ferrand", "J1305", "63113" },
        { "préparatrice en pharmacie Besançon", "J1307", "25056" },
        { "opticien Poitiers", "J1405", "86194" },
        { "educateur specialise Lille", "K1207", "59350" },
        { "accompagnant éducatif petite enfance Rennes", "K1303", "35238" },
        { "monteur vidéo Paris 11", "L1507", "75111" },
        { "assistante de direction Marseille", "M1604", "13055" },
        { "secrétaire médicale Pau", "M1609", "64445" },
        { "developpeur web Nantes", "M1805", "44109" },
        { "technicien informatique Lyon 7", "M1810", "69387" },
        { "cariste Roissy", "N1101", "95527" },
        { "livreur Saint-Étienne", "N4105", "42218" },
        { "agent de sécurité incendie Lyon", "K2503", "69123" },
        { "je cherche une alternance agent de sécurité à Lille", "K2503", "59350" },
        { "technicien de maintenence Nantes", "I1304", "44109" },
        { "préparateur de comandes Lyon", "N1103", "69123" },

        // Phone phrasing: all lower case, no accents, "sur" for "in".
        { "coiffeuse sur toulouse", "D1202", "31555" },
        { "vendeuse a bordeaux", "D1214", "33063" },
    };

    public static TheoryData<string, string, string> Diplomas() => new()
    {
        // The issue's lines, as they are.
        { "bts ndrc paris", "BTS NDRC", "75056" },
        { "CAP cuisine Reims", "CAP cuisine", "51454" },
        { "bac pro commerce Rouen", "bac pro commerce", "76540" },

        // Acronyms, any case, with or without "à".
        { "BTS MCO Lyon", "BTS MCO", "69123" },
        { "bts sio a bordeaux", "BTS SIO", "33063" },
        { "BTS GPME Nantes", "BTS GPME", "44109" },
        { "bts sam toulouse", "BTS SAM", "31555" },
        { "BTS CG Lille", "BTS CG", "59350" },
        { "bts mco à montpellier", "BTS MCO", "34172" },
        { "bts ci marseille", "BTS CI", "13055" },
        { "BTS SP3S Montpellier", "BTS SP3S", "34172" },
        { "CAP AEPE Rennes", "CAP AEPE", "35238" },
        { "cap aepe 93", "CAP AEPE", "dep:93" },
        { "bac pro MELEC Strasbourg", "bac pro MELEC", "67482" },
        { "bac pro ciel Grenoble", "bac pro CIEL", "38185" },
        { "bac pro MSPC Le Havre", "bac pro MSPC", "76351" },
        { "bac pro ASSP Dijon", "bac pro ASSP", "21231" },
        { "bac pro agora Tours", "bac pro AGORA", "37261" },
        { "BUT GEA Nancy", "BUT GEA", "54395" },
        { "dut tc Angers", "DUT TC", "49007" },
        { "titre pro DWWM Paris", "titre pro DWWM", "75056" },
        { "tp advf Limoges", "titre pro ADVF", "87085" },
        { "licence pro RH Lyon", "licence pro RH", "69123" },
        { "BTS NDRC en alternance à Lille", "BTS NDRC", "59350" },
        { "ndrc Lyon", "BTS NDRC", "69123" },
        { "bts ndrc idf", "BTS NDRC", "reg:Île-de-France" },
        { "BTS MCO Bretagne", "BTS MCO", "reg:Bretagne" },

        // A speciality in words.
        { "BTS comptabilité gestion Paris", "BTS CG", "75056" },
        { "bts commerce international Lyon", "BTS CI", "69123" },
        { "cap petite enfance Nice", "CAP AEPE", "06088" },
        { "cap coiffure Metz", "CAP coiffure", "57463" },
        { "CAP boulanger Caen", "CAP boulanger", "14118" },
        { "cap patisserie Lyon", "CAP pâtissier", "69123" },
        { "bac pro cuisine Pau", "bac pro cuisine", "64445" },
        { "bts tourisme Nice", "BTS tourisme", "06088" },
        { "bts communication Paris", "BTS communication", "75056" },
        { "mention complémentaire sommellerie Bordeaux", "MC sommellerie", "33063" },
        { "BP coiffure Toulon", "BP coiffure", "83137" },
        { "brevet professionnel boulanger Lille", "BP boulanger", "59350" },
        { "master marketing Paris", "master marketing", "75056" },
        { "bts electrotechnique Lyon", "BTS électrotechnique", "69123" },
        { "titre pro secrétaire médicale Lyon", "titre pro secrétaire médicale", "69123" },
        { "diplôme d'état aide soignant Lille", "DE aide-soignant", "59350" },
        { "CAP fleuriste Rennes", "CAP fleuriste", "35238" },
        { "cap toiletteur Lyon", "CAP toiletteur", "69123" },
    };

    [Theory]
    [MemberData(nameof(Diplomas))]
    public void Parse_Issue12Diplomas_DiplomaPlaceAndArea(string args, string diploma, string place) => AssertUnderstood(args, diploma, place);

    [Theory]
    [InlineData("CAP cuisine Reims", 3)]
    [InlineData("bac pro commerce Rouen", 4)]
    [InlineData("BTS NDRC Paris", 5)]
    [InlineData("BUT GEA Paris", 5)]
    [InlineData("licence pro RH Paris", 6)]
    [InlineData("master marketing Paris", 7)]
    public void Parse_Issue12Diploma_ItsLevel(string args, int level)
    {
        Assert.Equal(level, TestData.Parser.Parse(args).Job!.Diploma!.Level);
    }

    [Theory]
    [InlineData("bts Lyon", "BTS ")]
    [InlineData("cap Paris", "CAP ")]
    public void Parse_Issue12DiplomaWithoutSpeciality_SuggestsThatKind(string args, string prefix)
    {
        var request = TestData.Parser.Parse(args);

        Assert.Equal(OfferRequestStatus.UnknownJob, request.Status);
        Assert.NotEmpty(request.Suggestions);
        Assert.All(request.Suggestions, s => Assert.StartsWith(prefix, s, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Issue12DiplomaTable_AtLeast80WithRomeCodesAndLevels()
    {
        var diplomas = TestData.Data.Jobs.Diplomas!.All.ToList();

        Assert.True(diplomas.Count >= 80, diplomas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(diplomas, d => Assert.InRange(d.Level, 3, 7));
        Assert.All(diplomas.SelectMany(d => d.Codes), code => Assert.NotNull(TestData.Data.Jobs.Find(code)));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Parse_Issue12Titles_JobPlaceAndArea(string args, string job, string place) => AssertUnderstood(args, job, place);

    [Theory]
    [InlineData("préparatrice de commandes Roissy", "préparatrice de commandes")]
    [InlineData("préparateur de commandes Roissy", "préparateur de commandes")]
    [InlineData("agente de sécurité Lyon", "agente de sécurité")]
    [InlineData("aide soignante 93", "aide-soignante")]
    [InlineData("ebeniste Lyon", "ébéniste")]
    [InlineData("electricien Lyon", "électricien")]
    [InlineData("électricienne Lyon", "électricienne")]
    [InlineData("boulangère Lyon", "boulangère")]
    [InlineData("graphisme Lyon", "graphisme, infographisme")]
    public void Parse_Issue12Label_TheTitleInTheAskersGenderAccentedAndWhole(string args, string label)
    {
        var request = TestData.Parser.Parse(args);

        Assert.Equal(label, request.Job!.Label);
        Assert.True(request.Job.Label.Length <= 40);
    }

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
