using System.Text.Json;
using Json.Schema;

namespace LiveBot.Tests.Hosting;

/// <summary>Every moderators' file shipped in config/ matches the JSON Schema shipped beside it.</summary>
public sealed class ShippedConfigTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "shipped-config");

    public static TheoryData<string> ModeratorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var schema in Directory.GetFiles(Folder, "*.schema.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(schema).Replace(".schema.json", ".json", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModeratorFiles))]
    public void ShippedFile_MatchesItsSchemaAndReferencesIt(string fileName)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, fileName)), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var schema = Load(fileName.Replace(".json", ".schema.json", StringComparison.Ordinal));

        var result = schema.Evaluate(file.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("./" + fileName.Replace(".json", ".schema.json", StringComparison.Ordinal), file.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void CommandsSchema_UnknownPermission_Rejected()
    {
        using var file = JsonDocument.Parse("""{ "commands": [ { "name": "a", "reply": "b", "permission": "modo" } ] }""");

        Assert.False(Load("commands.schema.json").Evaluate(file.RootElement).IsValid);
    }

    private static JsonSchema Load(string schemaFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, schemaFile)));
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("urn:livebot:" + schemaFile));
    }
}
