using LiveBot.Core.Storage;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Questions.Tests;

/// <summary>A real <see cref="QuestionQueue"/> on a real LiteDB file in a temp folder, with fake time.</summary>
public sealed class TempQueue : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-questions-tests", Guid.NewGuid().ToString("N"));
    private LiteDbStore _store;

    public TempQueue(QuestionsOptions? options = null, ModerationRules? rules = null)
    {
        Options = options ?? new QuestionsOptions();
        Rules = rules ?? ModerationRules.Empty;
        _store = OpenStore();
        Queue = NewQueue();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));

    public QuestionsOptions Options { get; }

    public ModerationRules Rules { get; set; }

    public QuestionQueue Queue { get; private set; }

    public string DatabasePath => Path.Combine(_folder, "data", "livebot.db");

    public LiteDbStore Store => _store;

    /// <summary>Closes the database and opens it again, as a restart would.</summary>
    public QuestionQueue Reopen()
    {
        _store.Dispose();
        _store = OpenStore();
        Queue = NewQueue();
        return Queue;
    }

    /// <summary>Asks as viewer <paramref name="user"/> on the local chat, then moves time past the per-viewer pace.</summary>
    public SubmitResult Ask(string text, string user = "alice")
    {
        var result = Queue.Submit("local", "local", "local:" + user, user, text);
        Time.Advance(Options.MinInterval);
        return result;
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

    private QuestionQueue NewQueue() => new QuestionQueue(_store, Microsoft.Extensions.Options.Options.Create(Options), () => Rules, Time, NullLogger<QuestionQueue>.Instance).Load();
}
