using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Offers.Sectors;
using LiveBot.Questions.Moderation;
using LiveBot.Testing;

namespace LiveBot.Tests.Hosting;

/// <summary>
/// Issue 13: a null, a wrong type, an array for an object or a huge number anywhere in a moderators' file is
/// an error of that file (file, line, path, value cut to 80 characters), never an exception; at start it
/// stops the bot with exit code 2, while running the previous version stays.
/// </summary>
public sealed class ModeratorFileMutationTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "shipped-config");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What replaces each value in turn.</summary>
    private static readonly string[] Replacements =
    [
        "null", "0", "-1", "42", "1e400", "99999999999999999999999", "-99999999999999999999", "1.5", "true", "\"\"",
        "\"x\"", "[]", "{}", "[null]", "{\"a\":null}", "[[]]", "[{}]", "\"" + new string('é', 5000) + "\"",
        "\"99999999999:00:00\"", "\"\\uFFFE\\uD800\"",
    ];

    private const string Placeholder = "__mutant__";

    public static TheoryData<string> Files() => new(["commands.json", "sectors.json", "moderation.json"]);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Parse_EveryValueMutated_ErrorOrModelNeverException_Issue13(string fileName)
    {
        await using var bot = await BotHost.StartAsync();
        var parse = Parser(bot, fileName);
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Shipped, fileName)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        Assert.Null(parse(Encoding.UTF8.GetBytes(original.ToJsonString())).Error);

        var count = 0;
        foreach (var mutant in Mutants(original))
        {
            count++;
            var (value, error) = parse(Encoding.UTF8.GetBytes(mutant));

            Assert.True(value is null != (error is null), mutant);
            if (error is not null)
            {
                var text = error.ToString();
                Assert.StartsWith(fileName, text, StringComparison.Ordinal);
                Assert.True(text.Length < 600, text);
                Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
            }
        }

        Assert.True(count > 100, $"{count} mutants only");
    }

    [Theory]
    [InlineData("""{ "commands": [ { "name": "a", "reply": "b" }, null ] }""", "commands.json, ligne 1, colonne 48 : valeur null interdite à « commands[1] » : un objet { … } attendu, lu « null »")]
    [InlineData("""{ "timers": [ null ] }""", "commands.json, ligne 1, colonne 15 : valeur null interdite à « timers[0] »")]
    [InlineData("""{ "builtins": { "aide": { "texts": { "list": null } } } }""", "commands.json, ligne 1, colonne 46 : valeur null interdite à « builtins.aide.texts.list » : un texte entre guillemets attendu, lu « null »")]
    [InlineData("""{ "commands": [ { "name": "a", "reply": "b", "aliases": [null] } ] }""", "commands.json, ligne 1, colonne 58 : valeur null interdite à « commands[0].aliases[0] »")]
    [InlineData("""{ "timers": [ { "name": "r", "message": "m", "interval": "00:01:00", "minChatLines": 1e40 } ] }""", "commands.json, ligne 1, colonne 90 : type de valeur inattendu pour « minChatLines » à « timers[0].minChatLines » : un nombre entier (de -2147483648 à 2147483647) attendu, lu « 1e40 »")]
    [InlineData("""{ "commands": { "name": "a" } }""", "commands.json, ligne 1, colonne 16 : type de valeur inattendu pour « commands » à « commands » : une liste [ … ] de valeurs (un objet { … }) attendu")]
    [InlineData("""{ "commands": [ { "name": "a", "reply": "b", "userCooldown": "99999999999:00:00" } ] }""", "commands.json, ligne 1, colonne 62 : durée invalide « 99999999999:00:00 »")]
    public async Task Parse_NullOrWrongType_FrenchErrorWithPathAndValue_Issue13(string json, string expected)
    {
        await using var bot = await BotHost.StartAsync();

        var (value, error) = Parser(bot, "commands.json")(Encoding.UTF8.GetBytes(json));

        Assert.Null(value);
        Assert.StartsWith(expected, error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_HugeBadValue_QuotedAtMost80Characters_Issue13()
    {
        await using var bot = await BotHost.StartAsync();
        var huge = new string('z', 100_000);

        var (_, error) = Parser(bot, "commands.json")(Encoding.UTF8.GetBytes($$"""{ "commands": [ { "name": "a", "reply": "b", "permission": "{{huge}}" } ] }"""));

        Assert.Contains("permission inconnue « " + new string('z', 79) + "… »", error!.ToString(), StringComparison.Ordinal);
        Assert.True(error.ToString().Length < 300);
    }

    [Theory]
    [InlineData("commands.json", """{ "commands": [ { "name": "info", "reply": "v1" }, null ] }""")]
    [InlineData("sectors.json", """{ "sectors": [ null ] }""")]
    [InlineData("moderation.json", """{ "blockedWords": [ "arnaque", null ] }""")]
    public async Task Start_NullInList_ExitCode2FrenchMessage_Issue13(string fileName, string content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        var configDir = Path.Combine(folder, "config");
        Directory.CreateDirectory(configDir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(configDir, fileName), content);
            using var bot = BotProcess.Start(configDir, Path.Combine(folder, "data", "livebot.db"));

            await bot.Process.WaitForExitAsync().WaitAsync(Patience);

            Assert.Equal(2, bot.Process.ExitCode);
            Assert.Contains($"LiveBot ne démarre pas : {fileName}, ligne 1, colonne", bot.Output, StringComparison.Ordinal);
            Assert.Contains("valeur null interdite à «", bot.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task LiveReload_NullInEveryList_PreviousVersionStaysAndErrorShown_Issue13()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string> { ["commands.json"] = """{ "commands": [ { "name": "info", "reply": "v1" } ] }""" });
        var file = bot.Service<ModeratorFile<CommandSet>>();
        var watcher = bot.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ModeratorFilesWatcher>().Single();
        string[] broken =
        [
            """{ "commands": [ { "name": "info", "reply": "v2" }, null ] }""",
            """{ "timers": [ null ] }""",
            """{ "builtins": { "question": { "texts": { "received": null } } } }""",
            """{ "builtins": { "aide": null } }""",
            """{ "commands": [ { "name": "info", "reply": "v2", "platforms": [null] } ] }""",
            """{ "commands": [ [ ] ] }""",
            """{ "timers": [ { "name": "r", "message": "m", "interval": "00:01:00", "minChatLines": 123456789012 } ] }""",
        ];

        foreach (var content in broken)
        {
            await File.WriteAllTextAsync(Path.Combine(bot.ConfigDir, "commands.json"), content);
            watcher.CheckAll();

            Assert.Equal("v1", file.Current.Find("info")?.Reply);
            Assert.Equal(["v1"], await bot.SayAsync("!info", "user" + Array.IndexOf(broken, content)));
            using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));
            Assert.StartsWith("commands.json, ligne", health.RootElement.GetProperty("config").GetProperty("commands").GetString(), StringComparison.Ordinal);
        }

        Assert.False(bot.App.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    private static Func<byte[], (object? Value, ConfigError? Error)> Parser(BotHost bot, string fileName) => fileName switch
    {
        "commands.json" => bytes => Box(new CommandsFileValidator(bot.App.Services.GetServices<IChatCommand>(), bot.App.Services.GetServices<Core.Chat.ChatPlatformName>()).Parse(bytes)),
        "sectors.json" => bytes => Box(new SectorsFileValidator(bot.Service<Offers.OffersData>().Jobs).Parse(bytes)),
        "moderation.json" => bytes => Box(ModerationFile.Parse(bytes)),
        _ => throw new UnreachableException(fileName),
    };

    private static (object? Value, ConfigError? Error) Box<T>((T? Value, ConfigError? Error) result)
        where T : class => (result.Value, result.Error);

    /// <summary>The document with each value in turn replaced by each of <see cref="Replacements"/>, and a null added to each list.</summary>
    private static IEnumerable<string> Mutants(JsonNode root)
    {
        var paths = new List<JsonNode>();
        Collect(root, paths);
        foreach (var node in paths)
        {
            foreach (var replacement in Replacements)
            {
                var copy = root.DeepClone();
                var target = Find(copy, node.GetPath());
                switch (target.Parent)
                {
                    case JsonObject parent:
                        parent[target.GetPropertyName()] = Placeholder;
                        break;
                    case JsonArray array:
                        array[target.GetElementIndex()] = Placeholder;
                        break;
                }

                // Spliced as text: a lone surrogate escape cannot go through JsonNode.
                yield return copy.ToJsonString().Replace("\"" + Placeholder + "\"", replacement, StringComparison.Ordinal);
            }

            if (node is JsonArray)
            {
                var copy = root.DeepClone();
                ((JsonArray)Find(copy, node.GetPath())).Add(null);
                yield return copy.ToJsonString();
            }
        }

        foreach (var replacement in new[] { "[]", "null", "42", "\"x\"", "[{}]" })
        {
            yield return replacement;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        return all.First(n => n.GetPath() == path);
    }
}
