namespace LiveBot.Offers.Data;

/// <summary>Hand-written data of the job catalogue (see docs/DATA.md).</summary>
internal static class JobShortcuts
{
    /// <summary>
    /// Common words and abbreviations viewers use, with the main ROME codes they mean. The first word is
    /// the label replies show (matching folds accents and case); "masculine / feminine" gives both.
    /// </summary>
    public static readonly (string[] Keys, string[] Codes)[] All =
    [
        (["informatique", "info", "informaticien", "it"], ["M1805", "M1810", "M1801", "M1802"]),
        (["développeur / développeuse", "dev", "developpement", "dev web", "developpeur web", "code", "programmation"], ["M1805"]),
        (["comptabilité", "compta", "comptable"], ["M1203", "M1608", "M1206"]),
        (["mécanicien / mécanicienne", "méca", "mecano", "mecanique", "meca auto", "mecanique auto", "garage", "garagiste"], ["I1604", "I1607", "I1606"]),
        (["BTP", "batiment", "chantier", "construction"], ["F1703", "F1602", "F1603", "F1606", "F1202"]),
        (["RH", "ressources humaines", "recrutement"], ["M1501", "M1502", "M1503"]),
        (["cuisine", "cuisto"], ["G1602", "G1601"]),
        (["coiffure", "coiffeur", "barbier"], ["D1202"]),
        (["vendeur / vendeuse", "vente", "vendeur magasin"], ["D1106", "D1214", "D1211", "D1212", "D1403"]),
        (["commerce", "commercial"], ["D1403", "D1402", "D1407", "D1401"]),
        (["resto", "restauration", "restaurant"], ["G1602", "G1803", "G1603"]),
        (["serveur", "service en salle"], ["G1803"]),
        (["boulangerie", "boulange"], ["D1102"]),
        (["pâtisserie", "patissier"], ["D1104"]),
        (["boucherie", "boucher"], ["D1101"]),
        (["esthétique", "estheticien"], ["D1208"]),
        (["secrétariat", "secretaire", "administratif"], ["M1607", "M1602", "M1604"]),
        (["électricien / électricienne", "élec", "electricite"], ["F1602", "I1309"]),
        (["plomberie", "plombier"], ["F1603"]),
        (["maçonnerie", "macon"], ["F1703"]),
        (["menuiserie", "menuisier"], ["H2206", "F1607"]),
        (["logistique", "logisticien", "entrepot", "magasinier"], ["N1103", "N1105", "N1101"]),
        (["caissier", "caisse", "hote de caisse"], ["D1505"]),
        (["agriculteur", "agriculture", "agricole", "ouvrier agricole"], ["A1416", "A1402", "A1403"]),
        (["usineur", "usinage", "tourneur", "fraiseur"], ["H2903", "H2906"]),
        (["électrotechnicien", "electrotechnique"], ["I1309", "H1209", "F1602"]),
        (["agent immobilier", "immobilier", "negociateur immobilier"], ["C1504"]),
        (["employé polyvalent / employée polyvalente", "equipier", "equipier polyvalent"], ["G1603", "D1507"]),
        (["hôtellerie", "hotel"], ["G1703", "G1501", "G1502"]),
        (["data", "data analyst", "données"], ["M1403", "M1802"]),
        (["marketing", "com", "communication"], ["M1705", "E1103", "E1101"]),
        (["pharmacie", "preparateur en pharmacie"], ["J1307"]),
        (["soudure", "soudeur"], ["H2913"]),
        (["espaces verts", "paysagiste", "jardinier"], ["A1203"]),
        (["petite enfance", "creche"], ["K1303", "J1304"]),
        (["aide à domicile", "auxiliaire de vie", "aide menagere"], ["K1302", "K1304"]),
        (["transport", "chauffeur", "routier"], ["N4101", "N4105"]),
        (["technicien de maintenance", "maintenance", "maintenance industrielle", "technicien maintenance"], ["I1304", "I1310", "I1309"]),
        (["sécurité", "vigile", "securite incendie"], ["K2503"]),
        (["agent d'entretien", "agent de nettoyage", "nettoyage", "menage"], ["K2204"]),
        (["conseiller / conseillère de vente", "conseiller vente"], ["D1214", "D1211", "D1212", "D1106"]),
        (["kinésithérapeute", "kiné", "kinesi"], ["J1404"]),
        (["animateur / animatrice", "animateur bafa", "bafa"], ["G1203", "G1202"]),
        (["aide de cuisine", "aide cuisinier", "aide cuisiniere"], ["G1605", "G1602"]),
        (["assistant / assistante de gestion PME", "assistant de gestion pme pmi", "assistant pme"], ["M1604", "M1203", "M1501"]),
        (["ouvrier / ouvrière du bâtiment", "ouvrier batiment", "ouvrier btp"], ["F1703", "F1602", "F1603", "F1606", "F1202"]),
    ];
}
