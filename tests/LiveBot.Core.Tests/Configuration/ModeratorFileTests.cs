using System.Text;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Core.Tests.Configuration;

public sealed class ModeratorFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-core-tests", Guid.NewGuid().ToString("N"));
    private readonly ConfigStatusRegistry _status = new();

    public ModeratorFileTests() => Directory.CreateDirectory(_folder);

    private string FilePath => Path.Combine(_folder, "commands.json");

    [Fact]
    public void CheckForChanges_ValidEdit_ReplacesAndReportsOk()
    {
        var file = Load("""{ "commands": [ { "name": "a", "reply": "un" } ] }""");

        File.WriteAllText(FilePath, """{ "commands": [ { "name": "a", "reply": "deux" } ] }""");
        file.CheckForChanges();

        Assert.Equal("deux", file.Current.Find("a")?.Reply);
        Assert.Equal("ok", _status.Snapshot()["commands.json"]);
    }

    [Fact]
    public void CheckForChanges_BrokenEdit_KeepsLastGoodAndReportsError()
    {
        var file = Load("""{ "commands": [ { "name": "a", "reply": "un" } ] }""");
        ConfigError? rejected = null;
        file.Rejected += e => rejected = e;

        File.WriteAllText(FilePath, """{ "commands": [ { "name": "a", "reply": "deux", "permission": "roi" } ] }""");
        file.CheckForChanges();

        Assert.Equal("un", file.Current.Find("a")?.Reply);
        Assert.NotNull(rejected);
        Assert.Contains("permission inconnue « roi »", _status.Snapshot()["commands.json"], StringComparison.Ordinal);
        Assert.False(_status.AllOk);
    }

    [Fact]
    public void CheckForChanges_FixedAfterBreak_BackToOk()
    {
        var file = Load("""{ "commands": [ { "name": "a", "reply": "un" } ] }""");
        File.WriteAllText(FilePath, "{ broken");
        file.CheckForChanges();

        File.WriteAllText(FilePath, """{ "commands": [ { "name": "a", "reply": "trois" } ] }""");
        file.CheckForChanges();

        Assert.Equal("trois", file.Current.Find("a")?.Reply);
        Assert.True(_status.AllOk);
    }

    [Fact]
    public void CheckForChanges_FileDeleted_KeepsVersionInForce()
    {
        var file = Load("""{ "commands": [ { "name": "a", "reply": "un" } ] }""");

        File.Delete(FilePath);
        file.CheckForChanges();

        Assert.Equal("un", file.Current.Find("a")?.Reply);
    }

    [Fact]
    public void LoadInitial_InvalidFile_ThrowsWithPosition()
    {
        File.WriteAllText(FilePath, "{\n  \"prefix\": 3\n}");
        var file = Create();

        var ex = Assert.Throws<ConfigFileException>(file.LoadInitial);

        Assert.Equal(2, ex.Error.Line);
        Assert.Equal("commands.json", ex.Error.File);
    }

    [Fact]
    public void LoadInitial_MissingFile_UsesFallback()
    {
        var file = Create(() => Encoding.UTF8.GetBytes("""{ "commands": [ { "name": "defaut", "reply": "ok" } ] }"""));

        file.LoadInitial();

        Assert.NotNull(file.Current.Find("defaut"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ModeratorFile<CommandSet> Load(string json)
    {
        File.WriteAllText(FilePath, json);
        var file = Create();
        file.LoadInitial();
        return file;
    }

    private ModeratorFile<CommandSet> Create(Func<byte[]?>? fallback = null) =>
        new("commands.json", FilePath, new CommandsFileValidator([new AideCommand()], [new("twitch"), new("youtube"), new("local")]).Parse, fallback ?? (() => null), _status, NullLogger.Instance);
}
