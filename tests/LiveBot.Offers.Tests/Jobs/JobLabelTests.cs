using LiveBot.Offers.Jobs;

namespace LiveBot.Offers.Tests.Jobs;

public sealed class JobLabelTests
{
    [Theory]
    [InlineData("Agent / Agente de sécurité", "Agent de sécurité", "Agente de sécurité")]
    [InlineData("Boulanger / Boulangère", "Boulanger", "Boulangère")]
    [InlineData("Responsable Commercial / Commerciale", "Responsable Commercial", "Responsable Commerciale")]
    [InlineData("Garde Forestier / Forestière", "Garde Forestier", "Garde Forestière")]
    [InlineData("Caviste affineur / Affineuse", "Caviste affineur", "Caviste affineuse")]
    [InlineData("Médecin Anesthésiste Réanimateur / Réanimatrice (MAR)", "Médecin Anesthésiste Réanimateur", "Médecin Anesthésiste Réanimatrice (MAR)")]
    [InlineData("Homme sage-femme / Sage-femme", "Homme sage-femme", "Sage-femme")]
    [InlineData("Ébéniste", "Ébéniste", "Ébéniste")]
    public void Genders_ReferentialLabel_BothWhole(string label, string masculine, string feminine)
    {
        Assert.Equal((masculine, feminine), JobLabel.Genders(label));
    }

    [Theory]
    [InlineData("commercial", "commercial")] // not « responsable Commercial », whose feminine the referential writes « Commerciale »
    [InlineData("commerciale", "commerciale")]
    [InlineData("commercial btob", "commercial")]
    [InlineData("conseiller de vente", "conseiller de vente")]
    [InlineData("conseillère de vente", "conseillère de vente")]
    [InlineData("infirmier", "infirmier")] // several titles start with it: not « infirmier de prévention »
    [InlineData("vendeuse", "vendeuse")]
    [InlineData("developpeuse", "développeuse")]
    [InlineData("mecanicien", "mécanicien")]
    [InlineData("vente", "vendeur")]
    [InlineData("kiné", "kinésithérapeute")] // not a typo of « line » (hotline): no typo fix under five letters
    [InlineData("bachelor marketing", "bachelor marketing")]
    [InlineData("bac+2 commerce", "BTS MCO")]
    public void Resolve_JobWords_LabelledAsTyped(string typed, string label)
    {
        Assert.Equal(label, TestData.Data.Jobs.Resolve(typed).Match?.Label);
    }

    [Theory]
    [InlineData("employée polyvalente mcdo", "employée polyvalente")]
    [InlineData("vendeuse zara", "vendeuse")]
    [InlineData("boulanger trifouillis", "boulanger")]
    [InlineData("xqwzt", null)]
    [InlineData("agent xqwzt", null)] // what is left is no whole title
    public void MatchIgnoringUnknownWords_WholeTitleLeft_ThatTitle(string typed, string? label)
    {
        Assert.Equal(label, TestData.Data.Jobs.MatchIgnoringUnknownWords(typed)?.Label);
    }
}
