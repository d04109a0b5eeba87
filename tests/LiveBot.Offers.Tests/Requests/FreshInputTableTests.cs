namespace LiveBot.Offers.Tests.Requests;

/// <summary>
/// Issue 12: a third table of chat lines (2026-12-03), written before running them: the diplomas of the issue
/// and others (BTS MOS, CAP petite enfance, BUT, titre pro), jobs in several words, the 13 regions by their
/// names, the overseas départements and Corsica, towns named short (« clermont », « aix », « st malo »), and
/// the phone's « ds le », « vers », « stp ». Before the fixes that came with it, 91 of 99 were understood
/// (92 %); the misses were general: BTS MOS missing from the table, « btob », a village named as a city is
/// (Clermont, Aix), three jobs in several words matched to the wrong title. The same measure as
/// <see cref="HeldOutInputTableTests"/> (the issue asks 95 %): every line now.
/// </summary>
public sealed class FreshInputTableTests
{
    internal static readonly (string Args, string Job, string Place)[] Lines =
    [
        ("bts mco a lyon", "BTS MCO", "69123"),
        ("bts ndrc vers marseille", "BTS NDRC", "13055"),
        ("bts sio slam paris", "BTS SIO", "75056"),
        ("bts gpme ds le 69", "BTS GPME", "dep:69"),
        ("bts cg toulouse", "BTS CG", "31555"),
        ("bts sam bordeaux", "BTS SAM", "33063"),
        ("bts ci lille", "BTS CI", "59350"),
        ("bts sp3s nantes", "BTS SP3S", "44109"),
        ("cap aepe strasbourg", "CAP AEPE", "67482"),
        ("cap petite enfance rennes", "CAP AEPE", "35238"),
        ("bac pro melec montpellier", "bac pro MELEC", "34172"),
        ("bac pro ciel grenoble", "bac pro CIEL", "38185"),
        ("bac pro mspc le havre", "bac pro MSPC", "76351"),
        ("bac pro assp nice", "bac pro ASSP", "06088"),
        ("cap cuisine en bretagne", "CAP cuisine", "reg:Bretagne"),
        ("cap boulanger ds le 35", "CAP boulanger", "dep:35"),
        ("cap patissier paris 11", "CAP pâtissier", "75111"),
        ("cap coiffure lyon 7", "CAP coiffure", "69387"),
        ("bp coiffure marseille", "BP coiffure", "13055"),
        ("bp boucher toulouse", "BP boucher", "31555"),
        ("cap maintenance des vehicules reims", "CAP MVA", "51454"),
        ("bac pro commerce rouen", "bac pro MCV", "76540"),
        ("bac pro vente caen", "bac pro MCV", "14118"),
        ("but gea nancy", "BUT GEA", "54395"),
        ("but tc metz", "BUT TC", "57463"),
        ("dut info clermont", "BUT informatique", "63113"),
        ("licence pro commerce dijon", "licence pro commerce", "21231"),
        ("titre pro secretaire assistant limoges", "titre pro secrétaire assistant", "87085"),
        ("master rh paris", "master RH", "75056"),
        ("mention complementaire cuisine brest", "MC cuisine", "29019"),
        ("bts compta gestion amiens", "BTS CG", "80021"),
        ("bts banque poitiers", "BTS banque", "86194"),
        ("bts tourisme perpignan", "BTS tourisme", "66136"),
        ("bts mos orleans", "BTS MOS", "45234"),
        ("bts electrotechnique tours", "BTS électrotechnique", "37261"),
        ("cap electricien besancon", "CAP électricien", "25056"),
        ("cap plombier brest", "CAP MIS", "29019"),
        ("cap menuisier annecy", "CAP menuisier", "74010"),
        ("bac pro logistique ds le 95", "bac pro logistique", "dep:95"),
        ("cap opérateur logistique roissy", "CAP logistique", "95527"),
        ("je cherche alternance boulangerie a paris", "D1102", "75056"),
        ("jcherche un contrat en cuisine vers lille stp", "G1602", "59350"),
        ("alternance vendeur magasin montpellier", "D1106", "34172"),
        ("apprenti coiffeur bordeaux svp", "D1202", "33063"),
        ("alternance comptable paris 15", "M1203", "75115"),
        ("apprentie estheticienne toulouse", "D1208", "31555"),
        ("auxiliaire de vie nantes", "K1302", "44109"),
        ("educateur sportif lyon", "G1204", "69123"),
        ("educatrice de jeunes enfants paris", "K1202", "75056"),
        ("assistant de gestion pme rennes", "M1604", "35238"),
        ("technicien reseau informatique toulouse", "M1810", "31555"),
        ("developpeur full stack lyon", "M1805", "69123"),
        ("community manager paris", "E1101", "75056"),
        ("chargé de communication nantes", "E1103", "44109"),
        ("commercial btob lille", "D1403", "59350"),
        ("conseiller de vente bordeaux", "D1214", "33063"),
        ("employé de commerce marseille", "D1403", "13055"),
        ("hotesse d'accueil nice", "M1601", "06088"),
        ("receptionniste hotel cannes", "G1703", "06029"),
        ("commis de cuisine annecy", "G1602", "74010"),
        ("barman lyon", "G1801", "69123"),
        ("agent de restauration dijon", "G1603", "21231"),
        ("ouvrier du batiment metz", "F1703", "57463"),
        ("peintre en batiment nancy", "F1606", "54395"),
        ("couvreur brest", "F1610", "29019"),
        ("technicien de maintenance industrielle mulhouse", "I1304", "68224"),
        ("operateur de production ds le 68", "H2907", "dep:68"),
        ("conducteur de ligne rouen", "H3301", "76540"),
        ("mecanicien poids lourds le mans", "I1604", "72181"),
        ("carrossier peintre tours", "I1606", "37261"),
        ("assistante dentaire ds le 13", "J1303", "dep:13"),
        ("preparateur en pharmacie lyon", "J1307", "69123"),
        ("opticien paris", "J1405", "75056"),
        ("ambulancier lille", "J1305", "59350"),
        ("fleuriste en paca", "D1209", "reg:Provence-Alpes-Côte d'Azur"),
        ("paysagiste en auvergne rhone alpes", "A1203", "reg:Auvergne-Rhône-Alpes"),
        ("vendeur hauts de france", "D1106", "reg:Hauts-de-France"),
        ("cuisinier grand est", "G1602", "reg:Grand Est"),
        ("serveuse nouvelle aquitaine", "G1803", "reg:Nouvelle-Aquitaine"),
        ("boulanger pays de la loire", "D1102", "reg:Pays de la Loire"),
        ("coiffeuse centre val de loire", "D1202", "reg:Centre-Val de Loire"),
        ("mecanicien bourgogne franche comte", "I1604", "reg:Bourgogne-Franche-Comté"),
        ("maçon martinique", "F1703", "dep:972"),
        ("cuisinier la reunion", "G1602", "dep:974"),
        ("vendeur mayotte", "D1106", "dep:976"),
        ("electricien guyane", "F1602", "dep:973"),
        ("plombier guadeloupe", "F1603", "dep:971"),
        ("coiffeur fort de france", "D1202", "97209"),
        ("boulanger saint denis 974", "D1102", "97411"),
        ("vendeur saint denis 93", "D1106", "93066"),
        ("aide soignante ds le 2b", "J1501", "dep:2B"),
        ("cuisinier bastia", "G1602", "2B033"),
        ("boulanger porto vecchio", "D1102", "2A247"),
        ("commercial aix", "D1403", "13001"),
        ("serveur aix en provence", "G1803", "13001"),
        ("vendeur clermont", "D1106", "63113"),
        ("coiffeur st etienne", "D1202", "42218"),
        ("boucher st malo", "D1101", "35288"),
        ("mecanicien ste maxime", "I1604", "83115"),
    ];

    [Fact]
    public void Parse_Issue12FreshTable_EveryLineUnderstood()
    {
        var misses = Lines.Select(line => (line, Got: HeldOutInputTableTests.Understood(line.Args, line.Job, line.Place))).Where(r => r.Got is not null);

        Assert.True(Lines.Length >= 90);
        Assert.Empty(misses.Select(m => $"{m.line.Args} -> {m.Got} (expected {m.line.Job}, {m.line.Place})"));
    }
}
