using LiveBot.Questions.Matching;

namespace LiveBot.Questions.Tests.Intake;

/// <summary>
/// Issue 13, "intake slows as the queue grows": the receipt's "N avant la tienne" and the duplicate lookup no
/// longer scan the queue. Their speed is measured in bench/ (harness questions-intake); these tests pin the
/// answers of the shortcuts to those of the full scan.
/// </summary>
public sealed class IntakeGrowthTests
{
    [Fact]
    public void Submit_ClockSetBack_AheadCountsOnlyQuestionsBefore_Issue13()
    {
        using var temp = new TempQueue();
        var clock = new SettableClock(temp.Time.GetUtcNow());
        var queue = new QuestionQueue(
            temp.Store,
            Microsoft.Extensions.Options.Options.Create(new QuestionsOptions { MinInterval = TimeSpan.Zero }),
            () => LiveBot.Questions.Moderation.ModerationRules.Empty,
            clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<QuestionQueue>.Instance).Load();
        queue.Submit("local", "local", "local:alice", "alice", "Comment trouver une entreprise d'accueil ?");
        clock.Now += TimeSpan.FromMinutes(1);
        queue.Submit("local", "local", "local:bob", "bob", "Quel salaire pour un apprenti boulanger ?");
        queue.Vote(2, "local:carol");
        clock.Now -= TimeSpan.FromHours(1); // The system clock set back (NTP).

        var earlier = queue.Submit("local", "local", "local:dave", "dave", "Faut-il le permis pour être plombier ?");

        // Older than #1 and without votes: only #2 (one vote) comes before it.
        Assert.Equal((SubmitOutcome.Added, 1), (earlier.Outcome, earlier.Ahead));
        Assert.Equal([2, 3, 1], queue.List().Select(q => q.Id));
    }

    [Fact]
    public void Submit_ManyQuestionsSameWordsOtherNumbers_EachAddedWithAllBefore_Issue13()
    {
        using var temp = new TempQueue();
        for (var age = 15; age < 60; age++)
        {
            var result = temp.Ask($"Est-ce que l'apprentissage en entreprise marche à {age} ans ?", "viewer" + age);
            Assert.Equal((SubmitOutcome.Added, age - 15), (result.Outcome, result.Ahead));
        }

        var merged = temp.Ask("est ce que l'apprentissage en entreprise marche a 42 ans", "late");
        Assert.Equal((SubmitOutcome.Merged, 42 - 15 + 1), (merged.Outcome, merged.Question!.Id));
    }

    [Fact]
    public void FindBest_OnlyOtherNumbersIndexed_NoMatchAndRemovalKeepsIndexEmpty_Issue13()
    {
        var index = new DuplicateIndex();
        index.Add(1, QuestionFingerprint.Of("apprentissage à 17 ans possible ?"));
        index.Add(2, QuestionFingerprint.Of("apprentissage à 18 ans possible ?"));

        Assert.Null(index.FindBest(QuestionFingerprint.Of("apprentissage à 19 ans possible ?"), 0.7));
        Assert.Equal(2, index.FindBest(QuestionFingerprint.Of("apprentissage a 18 ans possible"), 0.7)?.Id);
        index.Remove(1);
        index.Remove(2);
        Assert.Equal(0, index.Count);
        Assert.Null(index.FindBest(QuestionFingerprint.Of("apprentissage à 18 ans possible ?"), 0.7));
    }

    [Fact]
    public void List_BeforeLoad_ThrowsClearError()
    {
        using var temp = new TempQueue();
        var unloaded = new QuestionQueue(
            temp.Store,
            Microsoft.Extensions.Options.Options.Create(new QuestionsOptions()),
            () => LiveBot.Questions.Moderation.ModerationRules.Empty,
            temp.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<QuestionQueue>.Instance);

        Assert.Contains("Load()", Assert.Throws<InvalidOperationException>(() => unloaded.List()).Message);
    }

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
