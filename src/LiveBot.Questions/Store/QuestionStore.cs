using LiteDB;
using LiveBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace LiveBot.Questions.Store;

/// <summary>
/// The questions on disk: collection <c>questions</c> and the numbering in <c>questions_meta</c>. Every write
/// goes through <see cref="LiteDbStore.WriteDurably"/> (on disk before the call returns, so a question confirmed
/// in chat survives kill -9). Reading and repairing happen in <see cref="Load"/>, never in the constructor.
/// Not thread-safe: <see cref="QuestionQueue"/> holds its lock.
/// </summary>
internal sealed class QuestionStore(LiteDbStore store, ILogger logger)
{
    private readonly StoreWriter _writer = new(store, logger, "Question change");

    private const string NumberingId = "numbering";

    private ILiteCollection<StoredQuestion> Questions => store.Collection<StoredQuestion>(QuestionQueue.CollectionName);

    private ILiteCollection<QuestionsMeta> Meta => store.Collection<QuestionsMeta>(QuestionQueue.MetaCollectionName);

    /// <summary>Why the last write failed, or null when it succeeded (shown on /healthz).</summary>
    public string? LastError => _writer.LastError;

    /// <summary>
    /// Every stored question and the last number given. A file edited by hand could hold two questions on
    /// air (never written by this code): the latest stays, the others are stored as answered.
    /// </summary>
    public (List<StoredQuestion> Questions, int LastNumber) Load()
    {
        var docs = Questions.FindAll().ToList();
        var lastNumber = docs.Count == 0 ? 0 : docs.Max(d => d.Id);
        var onAir = docs.Where(d => d.Status == QuestionStatus.OnAir).OrderByDescending(d => d.UpdatedAt).Skip(1).ToList();
        foreach (var extra in onAir)
        {
            var repaired = extra.Copy();
            repaired.Status = QuestionStatus.Answered;
            Durably(() => Questions.Update(repaired));
            docs[docs.IndexOf(extra)] = repaired;
        }

        lastNumber = Math.Max(lastNumber, Meta.FindById(NumberingId)?.LastNumber ?? 0);
        return (docs, lastNumber);
    }

    /// <summary>
    /// A new question and its number, in one transaction. Upsert: after a storage failure at the checkpoint the
    /// reopened store may replay an unconfirmed question of that number from the journal (issue 13); the
    /// viewer was told nothing was stored, so the next question takes the number over.
    /// </summary>
    public void Insert(StoredQuestion doc) => Durably(() =>
    {
        Questions.Upsert(doc);
        Meta.Upsert(new QuestionsMeta { Id = NumberingId, LastNumber = doc.Id });
    });

    /// <summary>Replaces stored questions, in one transaction.</summary>
    public void Update(params ReadOnlySpan<StoredQuestion> docs)
    {
        var all = docs.ToArray();
        Durably(() =>
        {
            var questions = Questions;
            foreach (var doc in all)
            {
                questions.Update(doc);
            }
        });
    }

    /// <summary>Deletes the questions (and their voters) created before <paramref name="cutoffMs"/> (Unix ms).</summary>
    public void DeleteCreatedBefore(long cutoffMs) => Durably(() => Questions.DeleteMany(q => q.CreatedAt < cutoffMs));

    private void Durably(Action write) => _writer.Durably(write);
}
