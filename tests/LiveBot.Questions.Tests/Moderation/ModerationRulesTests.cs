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

    [Theory]
    [InlineData("Mon patron est un c0nnard, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un co-nnard, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un c.o.n.n.a.r.d, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un c o n n a r d, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un c . o . n . n . a . r . d !", "mot bloqué « connard »")]
    [InlineData("Mon patron est un CONNNNNARD, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un c0nn4rrrd_, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Mon patron est un con​nard, je fais quoi ?", "mot bloqué « connard »")]
    [InlineData("Ajoute-moi sur sn@p pour en parler", "mot bloqué « snap »")]
    [InlineData("Ajoute-moi sur 5n4p pour en parler", "mot bloqué « snap »")]
    [InlineData("Ajoute-moi sur $nap pour en parler", "mot bloqué « snap »")]
    [InlineData("Ajoute-moi sur s.n.a.p pour en parler", "mot bloqué « snap »")]
    [InlineData("Ajoute-moi sur 1nst4 pour en parler", "mot bloqué « insta »")]
    [InlineData("Une sa1ope ce patron", "mot bloqué « salope »")]
    [InlineData("Une s4l0p3 ce patron", "mot bloqué « salope »")]
    [InlineData("Je me suis fait 3ncul3r par mon patron", "mot bloqué « encul* »")]
    [InlineData("Je me suis fait en-cu-lé par mon patron", "mot bloqué « encul* »")]
    [InlineData("n1que ta m3re le patron", "expression bloquée « nique ta mere »")]
    [InlineData("niiiique ta mèèère le patron", "expression bloquée « nique ta mere »")]
    [InlineData("n.i.q.u.e ta m-3-r-e le patron", "expression bloquée « nique ta mere »")]
    [InlineData("n i q u e ta mère le patron", "expression bloquée « nique ta mere »")]
    public void HoldReason_DisguisedBlockedWord_IsHeld(string text, string reason)
    {
        var rules = new ModerationRules(["connard", "snap", "insta", "salope", "encul*", "nique ta mère"], holdLinks: true);

        Assert.Equal(reason, rules.HoldReason(text));
    }

    [Theory]
    [InlineData("On peut faire un apprentissage à 30 ans ?")]
    [InlineData("Un BTS en 2 ans c'est possible en alternance ?")]
    [InlineData("Après un bac+3, on peut encore signer un contrat ?")]
    [InlineData("J'ai 17 ans, il y a un âge minimum ?")]
    [InlineData("Il y a 35 h par semaine et 5 semaines de congés ?")]
    [InlineData("Mon contrat commence le 1er septembre, c'est normal ?")]
    [InlineData("Le salaire c'est 43 % du SMIC la 1re année ?")]
    [InlineData("Qu'il y a-t-il à faire si l'entreprise me lâche ?")]
    [InlineData("Je suis en CAP, j'ai le droit à un conseil ?")]
    [InlineData("Le snack de l'école est fermé, on mange où ?")]
    [InlineData("Est-ce que l'instance paritaire peut m'aider ?")]
    [InlineData("Mon patron est un con, je fais quoi ?")]
    [InlineData("C'est quoi le salaire brut / net d'un apprenti ?")]
    [InlineData("Je fais un BTS en 2 ans. Comment trouver une boîte ?")]
    [InlineData("J'ai envoyé 50 CV @ 3 entreprises, rien !")]
    public void HoldReason_OrdinaryQuestionsWithDigitsAndSigns_NotHeld(string text)
    {
        var rules = new ModerationRules(["connard", "snap", "insta", "salope", "encul*", "nique ta mère", "ntm", "fdp", "batard", "pute"], holdLinks: true);

        Assert.Null(rules.HoldReason(text));
    }

    [Fact]
    public void HoldReason_HostileTexts_AnswersWithoutThrowing()
    {
        var rules = new ModerationRules(["connard", "encul*", "nique ta mère"], holdLinks: true);
        var texts = new[]
        {
            string.Concat(Enumerable.Repeat("a ", 1200)),
            string.Concat(Enumerable.Repeat("1@$", 800)),
            string.Concat(Enumerable.Repeat("x . ", 600)),
            string.Concat(Enumerable.Repeat("[.](dot)", 300)),
            "e" + new string('\u0301', 2400),
            string.Concat(Enumerable.Repeat("😂", 1200)),
            "\u202Egnissecorp\u202C ??? \0\uFFFF",
        };

        Assert.All(texts, text => rules.HoldReason(text));
    }

    [Theory]
    [InlineData("va voir evil . com pour les offres")]
    [InlineData("va voir evil. com pour les offres")]
    [InlineData("va voir evil[.]com pour les offres")]
    [InlineData("va voir evil [.] com pour les offres")]
    [InlineData("va voir evil(dot)com pour les offres")]
    [InlineData("va voir evil [dot] fr pour les offres")]
    [InlineData("va voir evil dot com pour les offres")]
    [InlineData("va voir www evil com pour les offres")]
    [InlineData("rejoins discord . gg/abcd")]
    public void HoldReason_DisguisedLink_IsHeld(string text)
    {
        Assert.Equal("lien", ModerationRules.Empty.HoldReason(text));
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

    [Theory]
    [InlineData("pd", "« pd » est trop court : au moins 3 lettres, sinon trop de questions normales seraient retenues")]
    [InlineData("a b", "« a b » est trop court : au moins 3 lettres, sinon trop de questions normales seraient retenues")]
    [InlineData("e*", "« e* » : il faut au moins 3 lettres avant l'étoile, sinon trop de questions normales seraient retenues")]
    [InlineData("co*", "« co* » : il faut au moins 3 lettres avant l'étoile, sinon trop de questions normales seraient retenues")]
    public void Parse_EntryTooShort_RefusedAtItsLine(string word, string reason)
    {
        var json = "{\n  \"blockedWords\": [\n    \"spam\",\n    \"" + word + "\"\n  ]\n}";

        var (rules, error) = ModerationFile.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(rules);
        Assert.Equal(("moderation.json", 4, reason), (error!.File, error.Line, error.Reason));
    }

    [Theory]
    [InlineData("ntm")]
    [InlineData("con*")]
    [InlineData("ta mère")]
    public void Parse_EntryOfThreeLetters_Accepted(string word)
    {
        var (rules, error) = ModerationFile.Parse(Encoding.UTF8.GetBytes("{ \"blockedWords\": [\"" + word + "\"] }"));

        Assert.Null(error);
        Assert.Equal(1, rules!.Count);
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
