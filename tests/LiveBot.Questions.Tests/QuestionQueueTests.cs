using LiveBot.Questions.Moderation;

namespace LiveBot.Questions.Tests;

public sealed class QuestionQueueTests
{
    [Fact]
    public void Submit_NewQuestions_NumberedInOrderAndApproved()
    {
        using var temp = new TempQueue();

        var first = temp.Ask("Quel salaire pour un apprenti en BTS ?", "alice");
        var second = temp.Ask("Comment trouver une entreprise d'accueil ?", "bob");

        Assert.Equal((SubmitOutcome.Added, 1, 0), (first.Outcome, first.Question!.Id, first.Ahead));
        Assert.Equal((SubmitOutcome.Added, 2, 1), (second.Outcome, second.Question!.Id, second.Ahead));
        var stored = temp.Queue.Get(2)!;
        Assert.Equal(("local", "local", "local:bob", "bob", QuestionStatus.Approved, 0, false), (stored.Platform, stored.Channel, stored.AuthorId, stored.AuthorName, stored.Status, stored.Votes, stored.Held));
        Assert.Equal(temp.Time.GetUtcNow() - temp.Options.MinInterval, stored.CreatedAt);
    }

    [Fact]
    public void Submit_CloseToOpenQuestion_BecomesVote()
    {
        using var temp = new TempQueue();
        temp.Ask("On peut faire un apprentissage à 30 ans ?", "alice");

        var result = temp.Ask("est-ce qu'on peut faire un apprentissage a 30 ans", "bob");

        Assert.Equal((SubmitOutcome.Merged, 1, 1), (result.Outcome, result.Question!.Id, result.Question.Votes));
        Assert.Single(temp.Queue.List());
    }

    [Fact]
    public void Submit_SameQuestionTwiceBySameViewer_AlreadyBackedNoVote()
    {
        using var temp = new TempQueue();
        temp.Ask("On peut faire un apprentissage à 30 ans ?", "alice");
        temp.Ask("On peut faire un apprentissage à 30 ans ???", "bob");

        var byAuthor = temp.Ask("on peut faire un apprentissage a 30 ans", "alice");
        var byVoter = temp.Ask("on peut faire un apprentissage à 30 ans", "bob");

        Assert.Equal(SubmitOutcome.AlreadyBacked, byAuthor.Outcome);
        Assert.Equal(SubmitOutcome.AlreadyBacked, byVoter.Outcome);
        Assert.Equal(1, temp.Queue.Get(1)!.Votes);
    }

    [Fact]
    public void Submit_CloseToAnsweredQuestion_IsNewQuestion()
    {
        using var temp = new TempQueue();
        temp.Ask("On peut faire un apprentissage à 30 ans ?", "alice");
        temp.Queue.MarkAnswered(1);

        var result = temp.Ask("est-ce qu'on peut faire un apprentissage a 30 ans", "bob");

        Assert.Equal((SubmitOutcome.Added, 2), (result.Outcome, result.Question!.Id));
    }

    [Theory]
    [InlineData("trop court", SubmitOutcome.Added)]
    [InlineData("court ?", SubmitOutcome.TooShort)]
    [InlineData("         x          ", SubmitOutcome.TooShort)]
    public void Submit_Length_AtLeastTenCharacters(string text, SubmitOutcome expected)
    {
        using var temp = new TempQueue();

        Assert.Equal(expected, temp.Ask(text).Outcome);
    }

    [Fact]
    public void Submit_Length_AtMostThreeHundredCharacters()
    {
        using var temp = new TempQueue();

        var words = string.Join(' ', Enumerable.Repeat("apprenti", 40));

        Assert.Equal(SubmitOutcome.Added, temp.Ask(words[..299] + "?", "alice").Outcome);
        Assert.Equal(SubmitOutcome.TooLong, temp.Ask(words[..300] + "?", "bob").Outcome);
    }

    [Fact]
    public void Submit_Length_CountsCharactersAsReadNotUtf16Units()
    {
        using var temp = new TempQueue();
        var emoji = string.Concat(Enumerable.Repeat("😂", 10));
        var words = string.Join(' ', Enumerable.Repeat("apprenti", 40));

        var nineAsRead = temp.Ask("Salut " + "😂😂😂", "alice");
        var threeHundredAsRead = temp.Ask(words[..289] + emoji + "?", "bob");
        var hugeCluster = temp.Ask("Salut les apprentis e" + new string('\u0301', 3000), "carol");

        Assert.Equal(SubmitOutcome.TooShort, nineAsRead.Outcome);
        Assert.Equal(SubmitOutcome.Added, threeHundredAsRead.Outcome);
        Assert.Equal(SubmitOutcome.TooLong, hugeCluster.Outcome);
    }

    [Theory]
    [InlineData("😂😂😂😂😂😂😂😂😂😂😂")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAaaaaaaàààààà !!!")]
    [InlineData("ahahahahahahahahah")]
    [InlineData("?????????? !!!!!!!!!")]
    [InlineData("1234567890 12345")]
    [InlineData("ok ok ok ok ok ok ok")]
    public void Submit_NoRealWords_RefusedNotStored(string text)
    {
        using var temp = new TempQueue();

        var result = temp.Ask(text);

        Assert.Equal(SubmitOutcome.NoWords, result.Outcome);
        Assert.Equal(0, temp.Queue.Counters().Total);
    }

    [Theory]
    [InlineData("CAP ou BTS ?")]
    [InlineData("Et à 30 ans ? 😂😂😂")]
    [InlineData("Bac+3 => BTS ??")]
    public void Submit_ShortButRealWords_Added(string text)
    {
        using var temp = new TempQueue();

        Assert.Equal(SubmitOutcome.Added, temp.Ask(text).Outcome);
    }

    [Fact]
    public void Submit_TwiceWithinThirtySeconds_TooSoonUntilTimePasses()
    {
        using var temp = new TempQueue();
        temp.Queue.Submit("local", "local", "local:alice", "alice", "Quel salaire pour un apprenti ?");
        temp.Time.Advance(TimeSpan.FromSeconds(20));

        var tooSoon = temp.Queue.Submit("local", "local", "local:alice", "alice", "Comment trouver une entreprise ?");
        temp.Time.Advance(TimeSpan.FromSeconds(10));
        var later = temp.Queue.Submit("local", "local", "local:alice", "alice", "Comment trouver une entreprise ?");

        Assert.Equal((SubmitOutcome.TooSoon, TimeSpan.FromSeconds(10)), (tooSoon.Outcome, tooSoon.RetryAfter));
        Assert.Equal(SubmitOutcome.Added, later.Outcome);
    }

    [Fact]
    public void Submit_FourthOpenQuestion_RefusedUntilOneIsAnswered()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?");
        temp.Ask("Comment trouver une entreprise ?");
        temp.Ask("Combien de jours de congés ?");

        var fourth = temp.Ask("Peut-on changer de CFA en cours d'année ?");
        temp.Queue.MarkAnswered(2);
        var afterAnswer = temp.Ask("Peut-on changer de CFA en cours d'année ?");

        Assert.Equal(SubmitOutcome.TooManyOpen, fourth.Outcome);
        Assert.Equal(SubmitOutcome.Added, afterAnswer.Outcome);
    }

    [Theory]
    [InlineData("<script>alert('x')</script> on peut ?")]
    [InlineData("\u202Egnissecorp\u202C ??? 🙂🙂🙂🙂🙂🙂")]
    [InlineData("99999999999999999999999999 ans c'est trop ?")]
    [InlineData("{user} {number} {ahead} #1 #2 #3")]
    [InlineData("ﷺﷺﷺﷺﷺﷺﷺﷺﷺﷺ 𝕬𝖕𝖕𝖗𝖊𝖓𝖙𝖎")]
    public void Submit_HostileText_StoredVerbatim(string text)
    {
        using var temp = new TempQueue();

        var result = temp.Ask(text);

        Assert.Equal(SubmitOutcome.Added, result.Outcome);
        Assert.Equal(text, temp.Reopen().Get(1)!.Text);
    }

    [Fact]
    public void Submit_SameViewerOnTwoPlatforms_CountedApart()
    {
        using var temp = new TempQueue(new QuestionsOptions { MaxOpenPerViewer = 1 });

        var twitch = temp.Queue.Submit("twitch", "chaine", "twitch:42", "alice", "Quel salaire pour un apprenti ?");
        var youtube = temp.Queue.Submit("youtube", "live", "youtube:42", "alice", "Comment trouver une entreprise ?");

        Assert.Equal((SubmitOutcome.Added, SubmitOutcome.Added), (twitch.Outcome, youtube.Outcome));
    }

    [Fact]
    public void Submit_WithLink_HeldPendingAndNeverOnAirUntilApproved()
    {
        using var temp = new TempQueue();

        var result = temp.Ask("Allez voir https://exemple.com pour les offres !");
        var id = result.Question!.Id;

        Assert.Equal((QuestionStatus.Pending, true, "lien"), (result.Question.Status, result.Question.Held, result.Question.HeldReason));
        Assert.Null(temp.Queue.PutOnAir(id));
        Assert.Null(temp.Queue.PutNextOnAir());
        var approved = temp.Queue.Approve(id)!;
        Assert.Equal((QuestionStatus.Approved, false, null), (approved.Status, approved.Held, approved.HeldReason));
        Assert.Equal(QuestionStatus.OnAir, temp.Queue.PutOnAir(id)!.Status);
    }

    [Fact]
    public void Submit_BlockedWord_Held()
    {
        using var temp = new TempQueue(rules: new ModerationRules(["arnaque"], holdLinks: true));

        var result = temp.Ask("L'apprentissage c'est une arnaque ?");

        Assert.Equal((QuestionStatus.Pending, true, "mot bloqué « arnaque »"), (result.Question!.Status, result.Question.Held, result.Question.HeldReason));
    }

    [Fact]
    public void Submit_BlocklistReloaded_NewRulesApply()
    {
        using var temp = new TempQueue();
        temp.Ask("Le patron est un escroc ou pas ?", "alice");

        temp.Rules = new ModerationRules(["escroc"], holdLinks: true);
        var after = temp.Ask("Mon patron est un escroc, je fais quoi ?", "bob");

        Assert.False(temp.Queue.Get(1)!.Held);
        Assert.True(after.Question!.Held);
    }

    [Fact]
    public void Submit_RequireApproval_EveryQuestionHeld()
    {
        using var temp = new TempQueue(new QuestionsOptions { RequireApproval = true });

        var result = temp.Ask("Quel salaire pour un apprenti ?");

        Assert.Equal((QuestionStatus.Pending, true, "validation requise"), (result.Question!.Status, result.Question.Held, result.Question.HeldReason));
        Assert.Equal(0, result.Ahead);
    }

    [Fact]
    public void Vote_OncePerViewer_NotOwnNotAnswered()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?", "alice");

        Assert.Equal(VoteOutcome.Counted, temp.Queue.Vote(1, "local:bob").Outcome);
        Assert.Equal(VoteOutcome.AlreadyVoted, temp.Queue.Vote(1, "local:bob").Outcome);
        Assert.Equal(VoteOutcome.OwnQuestion, temp.Queue.Vote(1, "local:alice").Outcome);
        Assert.Equal(VoteOutcome.Counted, temp.Queue.Vote(1, "twitch:bob").Outcome);
        Assert.Equal(VoteOutcome.NotFound, temp.Queue.Vote(99, "local:bob").Outcome);
        temp.Queue.MarkAnswered(1);
        Assert.Equal(VoteOutcome.Closed, temp.Queue.Vote(1, "local:carol").Outcome);
        temp.Queue.Hide(1);
        Assert.Equal(VoteOutcome.NotFound, temp.Queue.Vote(1, "local:carol").Outcome);
        Assert.Equal(2, temp.Queue.Get(1)!.Votes);
    }

    [Fact]
    public void Vote_HeldQuestion_NotFoundLikeAnUnknownNumber()
    {
        using var temp = new TempQueue(rules: new ModerationRules(["connard"], holdLinks: true));
        temp.Ask("Mon patron est un connard, je fais quoi ?", "alice");

        var vote = temp.Queue.Vote(1, "local:bob");
        temp.Queue.MarkAnswered(1);
        var afterAnswered = temp.Queue.Vote(1, "local:carol");

        Assert.Equal((VoteOutcome.NotFound, null), (vote.Outcome, vote.Question));
        Assert.Equal((VoteOutcome.NotFound, null), (afterAnswered.Outcome, afterAnswered.Question));
        Assert.Equal(0, temp.Queue.Get(1)!.Votes);
    }

    [Fact]
    public void Submit_CloseToHeldQuestion_NotMergedIntoItUntilApproved()
    {
        using var temp = new TempQueue(rules: new ModerationRules(["connard"], holdLinks: true));
        temp.Ask("Mon patron est un connard, je fais quoi ?", "alice");

        var other = temp.Ask("mon patron est un connard je fais quoi", "bob");
        var byAuthor = temp.Ask("Mon patron est un connard, je fais quoi ??", "alice");
        temp.Queue.Approve(1);
        var afterApproval = temp.Ask("mon patron est un connard, je fais quoi", "carol");

        Assert.Equal((SubmitOutcome.Added, 2), (other.Outcome, other.Question!.Id));
        Assert.Equal((SubmitOutcome.AlreadyBacked, 1), (byAuthor.Outcome, byAuthor.Question!.Id));
        Assert.Equal((SubmitOutcome.Merged, 1, 1), (afterApproval.Outcome, afterApproval.Question!.Id, afterApproval.Question.Votes));
    }

    [Fact]
    public void List_SortedByVotesThenOldest_FilteredByStatusAndPlatform()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Ask("Comment trouver une entreprise ?", "bob");
        temp.Queue.Submit("twitch", "chaine", "twitch:1", "carol", "Combien de jours de congés ?");
        temp.Queue.Vote(2, "local:x");
        temp.Queue.Hide(1);

        Assert.Equal([2, 1, 3], temp.Queue.List().Select(q => q.Id));
        Assert.Equal([2, 3], temp.Queue.List(QuestionStatus.Approved).Select(q => q.Id));
        Assert.Equal([3], temp.Queue.List(platform: "twitch").Select(q => q.Id));
    }

    [Fact]
    public void Statuses_FullLifecycle_OneOnAirAtATime()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Ask("Comment trouver une entreprise ?", "bob");
        temp.Queue.Vote(2, "local:carol");

        var next = temp.Queue.PutNextOnAir()!;
        var other = temp.Queue.PutOnAir(1)!;

        Assert.Equal(2, next.Id);
        Assert.Equal(QuestionStatus.OnAir, other.Status);
        Assert.Equal(QuestionStatus.Answered, temp.Queue.Get(2)!.Status);
        Assert.Equal(1, temp.Queue.OnAir!.Id);
        Assert.Null(temp.Queue.PutNextOnAir());
        Assert.Null(temp.Queue.OnAir);
        Assert.Equal(QuestionStatus.Answered, temp.Queue.Get(1)!.Status);
        Assert.Equal(new QuestionCounters(0, 0, 0, 2, 0, 2), temp.Queue.Counters());
    }

    [Fact]
    public void Approve_QuestionOnAir_StaysOnAirUnchanged()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?");
        temp.Queue.PutOnAir(1);
        var changes = new List<QuestionChange>();
        temp.Queue.Changed += changes.Add;

        var approved = temp.Queue.Approve(1);

        Assert.Equal(QuestionStatus.OnAir, approved!.Status);
        Assert.Equal(1, temp.Queue.OnAir!.Id);
        Assert.Empty(changes);
    }

    [Fact]
    public void HideAndRestore_ReturnsToStatusBeforeHiding()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Ask("Un lien : www.exemple.fr, c'est bien ?", "bob");

        var hidden = temp.Queue.Hide(2)!;
        var restored = temp.Queue.Restore(2)!;

        Assert.Equal((QuestionStatus.Hidden, QuestionStatus.Pending), (hidden.Status, hidden.StatusBeforeHidden));
        Assert.Equal((QuestionStatus.Pending, true, null), (restored.Status, restored.Held, restored.StatusBeforeHidden));
        Assert.Null(temp.Queue.Approve(temp.Queue.Hide(1)!.Id));
        Assert.Equal(QuestionStatus.Approved, temp.Queue.Restore(1)!.Status);
    }

    [Fact]
    public void Restore_HiddenWhileOnAir_ComesBackApproved()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?");
        temp.Queue.PutOnAir(1);

        temp.Queue.Hide(1);

        Assert.Null(temp.Queue.OnAir);
        Assert.Equal(QuestionStatus.Approved, temp.Queue.Restore(1)!.Status);
    }

    [Fact]
    public void Transitions_UnknownQuestion_ReturnNull()
    {
        using var temp = new TempQueue();

        Assert.All(
            new Func<int, Question?>[] { temp.Queue.Approve, temp.Queue.PutOnAir, temp.Queue.MarkAnswered, temp.Queue.Hide, temp.Queue.Restore },
            transition => Assert.Null(transition(404)));
    }

    [Fact]
    public void Changed_EveryChange_RaisedInOrderAfterItIsStored()
    {
        using var temp = new TempQueue();
        var changes = new List<(string Kind, int Id, QuestionStatus Status, bool Stored)>();
        temp.Queue.Changed += change =>
        {
            var stored = temp.Store.Collection<StoredQuestion>(QuestionQueue.CollectionName).FindById(change.Question.Id);
            changes.Add((change.Kind, change.Question.Id, change.Question.Status, stored?.Status == change.Question.Status));
        };

        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Ask("Comment trouver une entreprise ?", "bob");
        temp.Queue.PutOnAir(1);
        temp.Queue.PutOnAir(2);

        Assert.Equal(
            [
                ("added", 1, QuestionStatus.Approved, true),
                ("added", 2, QuestionStatus.Approved, true),
                ("updated", 1, QuestionStatus.OnAir, true),
                ("updated", 1, QuestionStatus.Answered, true),
                ("updated", 2, QuestionStatus.OnAir, true),
            ],
            changes);
    }

    [Fact]
    public void Changed_ThrowingHandler_DoesNotBreakTheQueue()
    {
        using var temp = new TempQueue();
        temp.Queue.Changed += _ => throw new InvalidOperationException("page gone");

        Assert.Equal(SubmitOutcome.Added, temp.Ask("Quel salaire pour un apprenti ?").Outcome);
        Assert.NotNull(temp.Queue.Get(1));
    }

    [Fact]
    public void Reopen_AfterRestart_KeepsQuestionsVotesAndNumbering()
    {
        using var temp = new TempQueue();
        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Ask("Comment trouver une entreprise ?", "bob");
        temp.Queue.Vote(1, "local:carol");
        temp.Queue.PutOnAir(2);
        temp.Ask("Un lien www.exemple.fr ici ?", "erin");
        temp.Queue.Hide(3);

        var queue = temp.Reopen();
        var next = temp.Ask("Combien de jours de congés ?", "dave");

        Assert.Equal((QuestionStatus.Hidden, QuestionStatus.Pending, true, "lien"), (queue.Get(3)!.Status, queue.Get(3)!.StatusBeforeHidden, queue.Get(3)!.Held, queue.Get(3)!.HeldReason));
        Assert.Equal(QuestionStatus.Pending, queue.Restore(3)!.Status);
        Assert.Equal(new QuestionCounters(1, 2, 1, 0, 0, 4), queue.Counters());
        Assert.Equal(1, queue.Get(1)!.Votes);
        Assert.Equal(VoteOutcome.AlreadyVoted, queue.Vote(1, "local:carol").Outcome);
        Assert.Equal(2, queue.OnAir!.Id);
        Assert.Equal(4, next.Question!.Id);
    }

    [Fact]
    public void Submit_StorageFails_NothingConfirmedAndNumberNotUsed()
    {
        using var temp = new TempQueue();
        temp.Store.Dispose();

        Assert.ThrowsAny<Exception>(() => temp.Queue.Submit("local", "local", "local:alice", "alice", "Quel salaire pour un apprenti ?"));

        Assert.Equal(0, temp.Queue.Counters().Total);
        Assert.NotNull(temp.Queue.LastStorageError);
        Assert.True(new QuestionsHealthSection(temp.Queue).IsDegraded);
        temp.Reopen();
        Assert.Equal(1, temp.Ask("Quel salaire pour un apprenti ?").Question!.Id);
    }

    [Fact]
    public async Task Submit_ManyViewersAtOnce_DistinctContiguousNumbersAndOrderedEvents()
    {
        using var temp = new TempQueue(new QuestionsOptions { MinInterval = TimeSpan.Zero });
        var added = new List<int>();
        temp.Queue.Changed += change => added.Add(change.Question.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 25)
                .Select(i => temp.Queue.Submit("local", "local", $"local:v{t}-{i}", "v", $"Le métier numéro {(t * 100) + i} recrute ?"))
                .ToList())));

        var ids = results.SelectMany(r => r).Select(r => r.Question!.Id).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 200), ids);
        Assert.Equal(Enumerable.Range(1, 200), added);
    }

    [Fact]
    public void PurgeExpired_OlderThanRetention_DeletedWithVotersAndNumberingContinues()
    {
        using var temp = new TempQueue(new QuestionsOptions { RetentionDays = 30 });
        temp.Ask("Quel salaire pour un apprenti ?", "alice");
        temp.Queue.Vote(1, "local:bob");
        temp.Time.Advance(TimeSpan.FromDays(20));
        temp.Ask("Comment trouver une entreprise ?", "bob");
        var removed = new List<int>();
        temp.Queue.Changed += change => removed.Add(change.Kind == QuestionChange.Removed ? change.Question.Id : 0);

        temp.Time.Advance(TimeSpan.FromDays(10));
        var purged = temp.Queue.PurgeExpired();
        var queue = temp.Reopen();

        Assert.Equal(1, purged);
        Assert.Equal([1], removed);
        Assert.Null(queue.Get(1));
        Assert.NotNull(queue.Get(2));
        Assert.DoesNotContain(
            temp.Store.Collection<StoredQuestion>(QuestionQueue.CollectionName).FindAll(),
            q => q.Voters.Contains("local:bob") || q.AuthorId == "local:alice");
        queue.PurgeExpired();
        queue.MarkAnswered(2);
        temp.Time.Advance(TimeSpan.FromDays(31));
        queue.PurgeExpired();
        Assert.Equal(3, temp.Ask("Combien de jours de congés ?", "carol").Question!.Id);
    }

    [Fact]
    public void PurgeExpired_DeletedQuestions_TextAndVotersGoneFromTheDatabaseFile()
    {
        using var temp = new TempQueue(new QuestionsOptions { RetentionDays = 30, MaxOpenPerViewer = 100 });
        for (var q = 0; q < 6; q++)
        {
            temp.Ask($"Zorglub{q} question secrète numéro {q} de mineur ?", "mineur-secret-" + q);
        }

        // Votes interleaved on every question: the documents grow, move and leave older versions behind.
        for (var i = 0; i < 150; i++)
        {
            for (var q = 1; q <= 6; q++)
            {
                temp.Queue.Vote(q, $"local:votant-secret-{q}-{i}");
            }
        }

        temp.Queue.Hide(2);
        temp.Queue.Restore(2);
        temp.Queue.PutOnAir(3);
        temp.Queue.MarkAnswered(3);
        temp.Time.Advance(TimeSpan.FromDays(31));
        temp.Ask("Combien de jours de congés pour un apprenti ?", "carol");
        var beforePurge = ReadShared(temp.DatabasePath);

        Assert.Equal(6, temp.Queue.PurgeExpired());

        var afterPurge = ReadShared(temp.DatabasePath);
        foreach (var secret in new[] { "Zorglub"u8.ToArray(), "votant-secret"u8.ToArray(), "mineur-secret"u8.ToArray() })
        {
            Assert.NotEqual(-1, beforePurge.AsSpan().IndexOf(secret));
            Assert.Equal(-1, afterPurge.AsSpan().IndexOf(secret));
        }

        Assert.NotEqual(-1, afterPurge.AsSpan().IndexOf("Combien de jours"u8));
        Assert.Equal(0, new FileInfo(Path.Combine(Path.GetDirectoryName(temp.DatabasePath)!, "livebot-log.db")).Length);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
