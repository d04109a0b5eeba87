using System.Text;
using LiveBot.Core.Commands;

namespace LiveBot.Core.Tests.Configuration;

public sealed class CommandsFileValidatorTests
{
    private static readonly CommandsFileValidator Validator = new([new AideCommand()], [new("twitch"), new("youtube"), new("local")]);

    public static TheoryData<string, string> BrokenFiles => new()
    {
        {
            "{ \"commands\": [ { \"name\": \"x\", \"reply\": \"y\" } ",
            "commands.json, ligne 1, colonne 47 : JSON invalide"
        },
        {
            "",
            "commands.json : le fichier est vide"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"discord\", \"reply\": \"ok\", \"permission\": \"modo\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 55 : permission inconnue « modo » (attendu : viewer, subscriber, vip, moderator, broadcaster)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\", \"globalCooldown\": \"10s\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 53 : durée invalide « 10s » (format attendu hh:mm:ss, par exemple 00:00:30)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\", \"userCooldown\": \"02:00:00\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 51 : durée trop longue « 02:00:00 » (maximum 01:00:00)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\" },\n    { \"name\": \"b\", \"aliases\": [\"A\"], \"reply\": \"ok\" }\n  ]\n}",
            "commands.json, ligne 4, colonne 32 : nom ou alias en double « A » (déjà utilisé par « a »)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"help\", \"reply\": \"ok\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 15 : nom ou alias en double « help » (déjà utilisé par « aide »)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"long\", \"reply\": \"" + new string('x', 501) + "\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 32 : réponse trop longue : 501 caractères (maximum 500)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"Salut {pseudo}\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 29 : variable inconnue « {pseudo} » (possibles : {args}, {channel}, {count}, {platform}, {user}, {arg1}…{arg9})"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\", \"permision\": \"viewer\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 47 : propriété inconnue « permision »"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"aliases\": \"b\", \"reply\": \"ok\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 34 : type de valeur inattendu pour « aliases »"
        },
        {
            "{\n  \"commands\": [\n    { \"reply\": \"ok\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 5 : le champ « name » est obligatoire"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a b\", \"reply\": \"ok\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 15 : nom de commande invalide « a b » (lettres, chiffres, + - _, sans espace ni « ! », 30 caractères au plus)"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\", \"platforms\": [\"tiktok\"] }\n  ]\n}",
            "commands.json, ligne 3, colonne 48 : plateforme inconnue « tiktok » (attendu : twitch, youtube, local)"
        },
        {
            "{\n  \"builtins\": {\n    \"aidez\": { \"name\": \"x\" }\n  }\n}",
            "commands.json, ligne 3, colonne 14 : commande intégrée inconnue « aidez » (connues : aide)"
        },
        {
            "{\n  \"builtins\": {\n    \"aide\": { \"texts\": { \"liste\": \"x\" } }\n  }\n}",
            "commands.json, ligne 3, colonne 35 : texte inconnu « liste » pour « aide » (connus : list)"
        },
        {
            "{\n  \"builtins\": {\n    \"aide\": { \"texts\": { \"list\": \"{count}\" } }\n  }\n}",
            "commands.json, ligne 3, colonne 34 : variable inconnue « {count} » (possibles : {channel}, {commands}, {platform}, {user})"
        },
        {
            "{\n  \"timers\": [\n    { \"name\": \"r\", \"message\": \"m\", \"interval\": \"00:00:05\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 48 : durée trop courte « 00:00:05 » (minimum 00:00:30)"
        },
        {
            "{\n  \"timers\": [\n    { \"name\": \"r\", \"message\": \"m\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 5 : un minuteur demande « name », « message » et « interval »"
        },
        {
            "{\n  \"commands\": [\n    { \"name\": \"a\", \"reply\": \"ok\", \"userCooldown\": \"99:00:00\" }\n  ]\n}",
            "commands.json, ligne 3, colonne 51 : durée trop longue « 99:00:00 » (maximum 01:00:00)"
        },
        {
            "{ \"prefix\": \"/\" }",
            "commands.json, ligne 1, colonne 13 : préfixe invalide « / » : Twitch prend les messages"
        },
        {
            "{ \"prefix\": \"a\" }",
            "commands.json, ligne 1, colonne 13 : préfixe invalide « a »"
        },
        {
            "{\n  \"commands\": [ { \"name\": \"a\" \"reply\": \"b\" } ]\n}",
            "commands.json, ligne 2, colonne 31 : JSON invalide : virgule manquante, ou caractère en trop après une valeur"
        },
        {
            "{\n  \"commands\": [ { \"name\": \"é\", \"reply\": \"b\" } \n}",
            "commands.json, ligne 3, colonne 1 : JSON invalide :"
        },
        {
            "{ \"commands\": [ { \"name\": \"aé\", reply: \"b\" } ] }",
            "commands.json, ligne 1, colonne 33 : JSON invalide : nom de propriété attendu"
        },
        {
            "[]",
            "commands.json, ligne 1, colonne 2 : type de valeur inattendu"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Parse_BrokenFile_ExactError(string json, string expected)
    {
        var (value, error) = Validator.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(value);
        Assert.NotNull(error);
        var text = error.ToString();
        Assert.Equal(expected, text[..Math.Min(expected.Length, text.Length)]);
    }

    [Fact]
    public void Parse_ShippedCommandsJson_IsValid()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "commands.json");
        var (value, error) = new CommandsFileValidator([new AideCommand()], [new("twitch"), new("youtube"), new("local")]).Parse(File.ReadAllBytes(path));

        // The shipped file may configure built-ins of other capabilities: only the core's own must parse here.
        Assert.True(error is null || error.Reason.StartsWith("commande intégrée inconnue", StringComparison.Ordinal), error?.ToString());
        Assert.True(value is not null || error is not null);
    }

    [Fact]
    public void Parse_ByteOrderMark_Accepted()
    {
        var json = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "commands": [ { "name": "a", "reply": "ok" } ] }""")).ToArray();

        var (value, error) = Validator.Parse(json);

        Assert.Null(error);
        Assert.NotNull(value?.Find("a"));
    }

    [Fact]
    public void Parse_BrokenJson_ReasonInFrenchWithoutEnglish()
    {
        var (_, error) = Validator.Parse(Encoding.UTF8.GetBytes("{ \"commands\": [ { \"name\": 'a' } ] }"));

        Assert.NotNull(error);
        Assert.DoesNotContain(" is ", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("value", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Path", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var json = "{\n  // moderators' notes\n  \"commands\": [ { \"name\": \"a\", \"reply\": \"ok\", }, ],\n}";

        var (value, error) = Validator.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(error);
        Assert.NotNull(value?.Find("a"));
    }
}
