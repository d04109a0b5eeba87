using LiveBot.Core.Storage;
using LiveBot.Polls;
using LiveBot.Questions;
using LiveBot.Questions.Moderation;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Recording;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Testing.Reporting;

/// <summary>
/// The report's real parts on a real LiteDB file in a temp folder, with fake time: the recorder, the
/// question queue and its statistics, the polls, the store and the builder (tests and benchmarks).
/// </summary>
public sealed class ReportLab : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-report-tests", Guid.NewGuid().ToString("N"));

    public ReportLab(DateTimeOffset? start = null, QuestionsOptions? questions = null)
    {
        Time = new FakeTimeProvider(start ?? SyntheticLive.Start);
        QuestionOptions = questions ?? new QuestionsOptions { MaxOpenPerViewer = 1000 };
        Store = new LiteDbStore(Options.Create(new StorageOptions { Path = DatabasePath }));
        Queue = new QuestionQueue(Store, Options.Create(QuestionOptions), () => ModerationRules.Empty, Time, NullLogger<QuestionQueue>.Instance).Load();
        Reports = new ReportStore(Store);
        Recorder = new LiveStatsRecorder(Reports, Time);
        QuestionStats = new QuestionStats(Queue, Recorder);
        Polls = new PollBox(Store, Options.Create(new PollsOptions()), Time, NullLogger<PollBox>.Instance);
        Builder = new ReportBuilder(Reports, Queue, Recorder, Polls);
    }

    public FakeTimeProvider Time { get; }

    public QuestionsOptions QuestionOptions { get; }

    public string DatabasePath => Path.Combine(_folder, "data", "livebot.db");

    public LiteDbStore Store { get; }

    public QuestionQueue Queue { get; }

    public ReportStore Reports { get; }

    public LiveStatsRecorder Recorder { get; }

    public QuestionStats QuestionStats { get; }

    public PollBox Polls { get; }

    public ReportBuilder Builder { get; }

    /// <summary>The database file's bytes, read while it is open (as the retention tests do).</summary>
    public byte[] FileBytes()
    {
        using var stream = new FileStream(DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public void Dispose()
    {
        QuestionStats.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
