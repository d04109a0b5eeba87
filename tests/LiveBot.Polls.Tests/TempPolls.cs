using LiveBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Polls.Tests;

/// <summary>A real <see cref="PollBox"/> on a real LiteDB file in a temp folder, with fake time.</summary>
public sealed class TempPolls : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-polls-tests", Guid.NewGuid().ToString("N"));
    private LiteDbStore _store;

    public TempPolls(PollsOptions? options = null)
    {
        Options = options ?? new PollsOptions();
        _store = OpenStore();
        Box = NewBox();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));

    public PollsOptions Options { get; }

    public PollBox Box { get; private set; }

    public LiteDbStore Store => _store;

    public string DatabasePath => Path.Combine(_folder, "data", "livebot.db");

    /// <summary>Closes the database and opens it again, as a restart would.</summary>
    public PollBox Reopen()
    {
        _store.Dispose();
        _store = OpenStore();
        Box = NewBox();
        return Box;
    }

    public Poll Open(string question = "Tu es en quelle classe ?", TimeSpan? duration = null, params string[] choices)
    {
        Assert.True(PollDraft.TryCreate(question, choices.Length == 0 ? ["3e", "2nde", "1re", "Terminale", "Après le bac"] : choices, duration, out var draft, out var error), error.ToString());
        var result = Box.Open(draft);
        Assert.Equal(PollOpenOutcome.Opened, result.Outcome);
        return result.Poll;
    }

    /// <summary>The file as it is on disk, read while LiteDB holds it open.</summary>
    public byte[] FileBytes()
    {
        using var stream = new FileStream(DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private LiteDbStore OpenStore() => new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = DatabasePath }));

    private PollBox NewBox() => new(_store, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<PollBox>.Instance);
}
