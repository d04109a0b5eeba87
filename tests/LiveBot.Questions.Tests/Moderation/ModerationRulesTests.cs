using System.Text;
using LiveBot.Questions.Moderation;

namespace LiveBot.Questions.Tests.Moderation;

public sealed class ModerationRulesTests
{
    [Theory]
    [InlineData("Regardez https://exemple.com c'est top")]
    [InlineData("mon site www.exemple.org")]
    [InlineData("venez sur discord.gg/abcd")]
    [InlineData("infos sur monsite.fr pour les apprentis")]
    [InlineData("rejoins t.me/apprentis")]
    public void HoldReason_Link_IsHeld(string text)
    {
        Assert.Equal("lien", ModerationRules.Empty.HoldReason(text));
    }

    [Theory]
    [InlineData("Est-ce qu'on peut faire un BTS après un bac+2 ?")]
    [InlineData("Le salaire est de 53 % du SMIC. C'est bien ?")]
    [InlineData("Bonjour... on peut commencer en janvier ?")]
    [InlineData("Je suis en BTS. Co-working possible en alternance ?")]
    [InlineData("J'ai fini.Me voilà en recherche, je fais comment ?")]
    [InlineData("Ça va.ça marche comment l'apprentissage ?")]
    public void HoldReason_NoLink_IsNotHeld(string text)
    {
        Assert.Null(ModerationRules.Empty.HoldReason(text));
    }

    [Fact]
    public void HoldReason_BlockedWordAnyCaseOrAccent_IsHeld()
    {
        var rules = new ModerationRules(["arnaque", "arnaq*", "nique ta mère"], holdLinks: true);

        Assert.Equal("mot bloqué « arnaque »", rules.HoldReason("C'est une ARNAQUE l'apprentissage ?"));
        Assert.Equal("mot bloqué « arnaq* »", rules.HoldReason("des arnaqueurs partout"));
        Assert.Equal("expression bloquée « nique ta mere »", rules.HoldReason("nique ta mere le patron"));
        Assert.Null(rules.HoldReason("Mon patron m'a dit que c'était une barnaque"));
    }

    [Fact]
    public void HoldReason_LinksAllowedByFile_IsNotHeld()
    {
        var rules = new ModerationRules([], holdLinks: false);

        Assert.Null(rules.HoldReason("voir https://www.1jeune1solution.gouv.fr"));
    }

    [Fact]
    public void Parse_ValidFile_ReadsWords()
    {
        var (rules, error) = ModerationFile.Parse(Encoding.UTF8.GetBytes("""{ "$schema": "./moderation.schema.json", "blockedWords": ["spam", "arnaq*"] }"""));

        Assert.Null(error);
        Assert.Equal(2, rules!.Count);
    }

    [Fact]
    public void Parse_EmptyWord_ReportsLineAndColumn()
    {
        var json = "{\n  \"blockedWords\": [\n    \"spam\",\n    \"  \"\n  ]\n}";

        var (rules, error) = ModerationFile.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(rules);
        Assert.NotNull(error);
        Assert.Equal(("moderation.json", 4, "mot vide"), (error.File, error.Line, error.Reason));
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefused()
    {
        var (_, error) = ModerationFile.Parse(Encoding.UTF8.GetBytes("""{ "blockedWord": ["spam"] }"""));

        Assert.Contains("propriété inconnue « blockedWord »", error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedFile_IsValid()
    {
        var (rules, error) = ModerationFile.Parse(QuestionsServiceCollectionExtensions.DefaultModerationJson()!);

        Assert.Null(error);
        Assert.True(rules!.Count > 0);
    }
}
