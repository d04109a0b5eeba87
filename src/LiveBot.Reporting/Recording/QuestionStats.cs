using System.Collections.Concurrent;
using LiveBot.Questions;

namespace LiveBot.Reporting.Recording;

/// <summary>
/// Turns the question queue's changes into counts: questions asked and votes per platform and minute,
/// and the time each question went on air. Keeps only numbers (id, votes, status) per question.
/// </summary>
public sealed class QuestionStats : IDisposable
{
    private readonly QuestionQueue _queue;
    private readonly LiveStatsRecorder _recorder;
    private readonly ConcurrentDictionary<int, (int Votes, QuestionStatus Status)> _known = new();

    public QuestionStats(QuestionQueue queue, LiveStatsRecorder recorder)
    {
        _queue = queue;
        _recorder = recorder;
        _queue.Changed += OnChanged;
        foreach (var question in queue.List())
        {
            _known.TryAdd(question.Id, (question.Votes, question.Status));
        }
    }

    public void Dispose() => _queue.Changed -= OnChanged;

    private void OnChanged(QuestionChange change)
    {
        var question = change.Question;
        if (change.Kind == QuestionChange.Removed)
        {
            _known.TryRemove(question.Id, out _);
            return;
        }

        var before = _known.TryGetValue(question.Id, out var known) ? known : ((int Votes, QuestionStatus Status)?)null;
        _known[question.Id] = (question.Votes, question.Status);
        if (before is null)
        {
            _recorder.QuestionAsked(question.Platform);
            if (question.Votes > 0)
            {
                _recorder.Voted(question.Platform, question.Votes);
            }
        }
        else if (question.Votes > before.Value.Votes)
        {
            _recorder.Voted(question.Platform, question.Votes - before.Value.Votes);
        }

        if (question.Status == QuestionStatus.OnAir && before?.Status != QuestionStatus.OnAir)
        {
            _recorder.PutOnAir(question.Id);
        }
    }
}
