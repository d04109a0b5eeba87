using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Polls.Tests;

public sealed class PollBoxTests
{
    [Fact]
    public void Vote_ViewersOfThreePlatforms_CountedByChoiceAndPlatform_Issue14()
    {
        using var temp = new TempPolls();
        var poll = temp.Open();

        Assert.Equal(PollVoteOutcome.Counted, temp.Box.Vote("twitch", "1", 4));
        Assert.Equal(PollVoteOutcome.Counted, temp.Box.Vote("youtube", "UC1", 4));
        Assert.Equal(PollVoteOutcome.Counted, temp.Box.Vote("local", "local-zoe", 2));
        Assert.Equal(PollVoteOutcome.Counted, temp.Box.Vote("youtube", "1", 4)); // same id, other platform: another viewer

        var now = temp.Box.Get(poll.Id)!;
        Assert.Equal(4, now.Total);
        Assert.Equal(3, now.Choices[3].Votes);
        Assert.Equal(new Dictionary<string, int> { ["twitch"] = 1, ["youtube"] = 2 }, now.Choices[3].ByPlatform);
        Assert.Equal(new Dictionary<string, int> { ["local"] = 1 }, now.Choices[1].ByPlatform);
    }

    [Fact]
    public void Vote_ViewerChangesTheirVote_OldOneReplaced_Issue14()
    {
        using var temp = new TempPolls();
        temp.Open();

        temp.Box.Vote("twitch", "42", 1);
        Assert.Equal(PollVoteOutcome.Unchanged, temp.Box.Vote("twitch", "42", 1));
        Assert.Equal(PollVoteOutcome.Changed, temp.Box.Vote("twitch", "42", 3));

        var poll = temp.Box.Current!;
        Assert.Equal(1, poll.Total);
        Assert.Equal([0, 0, 1, 0, 0], poll.Choices.Select(c => c.Votes));
    }

    [Fact]
    public void Vote_UnknownNumberOrNoPollOpen_Ignored_Issue14()
    {
        using var temp = new TempPolls();
        Assert.Equal(PollVoteOutcome.NoOpenPoll, temp.Box.Vote("twitch", "1", 1));
        temp.Open(choices: ["oui", "non"]);

        Assert.Equal(PollVoteOutcome.UnknownChoice, temp.Box.Vote("twitch", "1", 3));
        Assert.Equal(PollVoteOutcome.UnknownChoice, temp.Box.Vote("twitch", "1", 0));
        Assert.Equal(0, temp.Box.Current!.Total);
    }

    [Fact]
    public void Open_WhileAPollIsOpen_RefusedOneAtATime_Issue14()
    {
        using var temp = new TempPolls();
        var first = temp.Open();
        Assert.True(PollDraft.TryCreate("Autre ?", ["a", "b"], null, out var draft, out _));

        var second = temp.Box.Open(draft);

        Assert.Equal(PollOpenOutcome.AlreadyOpen, second.Outcome);
        Assert.Equal(first.Id, second.Poll.Id);
        temp.Box.Close(first.Id, PollCloseReason.Presenter);
        Assert.Equal(PollOpenOutcome.Opened, temp.Box.Open(draft).Outcome);
        Assert.Equal([2, 1], temp.Box.List().Select(p => p.Id));
    }

    [Theory]
    [InlineData("", PollDraftError.NoQuestion)]
    [InlineData("Q ? | a", PollDraftError.TooFewChoices)]
    [InlineData("Q ? | a | b | c | d | e | f | g", PollDraftError.TooManyChoices)]
    [InlineData("Q ? | Oui | oui", PollDraftError.DuplicateChoice)]
    [InlineData("Q ? | Élève | eleve", PollDraftError.DuplicateChoice)]
    public void TryCreate_BadPoll_RefusedWithReason(string line, PollDraftError expected)
    {
        var parts = line.Split('|');

        Assert.False(PollDraft.TryCreate(parts[0], parts[1..], null, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Close_CountsKeptVoterKeysAndSaltGoneFromTheFile_Issue14()
    {
        using var temp = new TempPolls();
        var poll = temp.Open();
        for (var i = 0; i < 300; i++)
        {
            temp.Box.Vote(i % 2 == 0 ? "twitch" : "youtube", "viewer-" + i, (i % 5) + 1);
        }

        var voterKeys = temp.Store.Collection<StoredPollVote>(PollBox.VotesCollectionName).FindAll().Select(v => v.Voter).ToList();
        Assert.Equal(300, voterKeys.Count);
        Assert.DoesNotContain(voterKeys, k => k.Contains("viewer", StringComparison.Ordinal)); // a one-way hash, never the id
        temp.Store.Database.Checkpoint();
        var before = temp.FileBytes();

        var closed = temp.Box.Close(poll.Id, PollCloseReason.Chat)!.Value;

        var after = temp.FileBytes();
        Assert.True(closed.ClosedNow);
        Assert.Equal(300, closed.Poll.Total);
        Assert.Equal(60, closed.Poll.Choices[0].Votes);
        Assert.Empty(temp.Store.Collection<StoredPollVote>(PollBox.VotesCollectionName).FindAll());
        Assert.Null(temp.Store.Collection<StoredPoll>(PollBox.CollectionName).FindById(poll.Id).Salt);
        foreach (var key in voterKeys.Take(20))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(key);
            Assert.NotEqual(-1, before.AsSpan().IndexOf(bytes));
            Assert.Equal(-1, after.AsSpan().IndexOf(bytes));
        }

        Assert.Equal(300, temp.Reopen().Get(poll.Id)!.Total);
    }

    [Fact]
    public void PurgeExpired_PollsOlderThanRetention_GoneFromTheFileBytes_Issue14()
    {
        using var temp = new TempPolls(new PollsOptions { RetentionDays = 30 });
        for (var p = 0; p < 4; p++)
        {
            var poll = temp.Open($"Zorglub{p} question secrète ?", null, $"choixsecret{p}a", $"choixsecret{p}b");
            for (var i = 0; i < 50; i++)
            {
                temp.Box.Vote("twitch", $"v{i}", (i % 2) + 1);
            }

            temp.Box.Close(poll.Id, PollCloseReason.Presenter);
        }

        var open = temp.Open("Zorglub ouvert ?", null, "choixsecretA", "choixsecretB");
        temp.Box.Vote("local", "local-zoe", 1);
        temp.Time.Advance(TimeSpan.FromDays(31));
        temp.Box.Close(open.Id, PollCloseReason.Presenter);
        var kept = temp.Open("Combien de jours de congés ?", null, "5", "25");
        var before = temp.FileBytes();

        Assert.Equal(5, temp.Box.PurgeExpired());

        var after = temp.FileBytes();
        foreach (var secret in new[] { "Zorglub"u8.ToArray(), "choixsecret"u8.ToArray() })
        {
            Assert.NotEqual(-1, before.AsSpan().IndexOf(secret));
            Assert.Equal(-1, after.AsSpan().IndexOf(secret));
        }

        Assert.NotEqual(-1, after.AsSpan().IndexOf("Combien de jours"u8));
        Assert.Null(temp.Box.Get(open.Id));
        Assert.Equal([kept.Id], temp.Reopen().List().Select(p => p.Id));
        Assert.Equal(0, new FileInfo(Path.Combine(Path.GetDirectoryName(temp.DatabasePath)!, "livebot-log.db")).Length);
    }

    [Fact]
    public void Reopen_WhilePollOpen_VotesKeptAndPollStillOpen_Issue14()
    {
        using var temp = new TempPolls();
        var poll = temp.Open(duration: TimeSpan.FromMinutes(5));
        temp.Box.Vote("twitch", "1", 4);
        temp.Box.Vote("youtube", "UC2", 3);
        temp.Box.Vote("youtube", "UC2", 4);

        var box = temp.Reopen();

        var open = box.Current!;
        Assert.Equal(poll.Id, open.Id);
        Assert.Equal(poll.ClosesAt, open.ClosesAt);
        Assert.Equal(2, open.Choices[3].Votes);
        Assert.Equal(PollVoteOutcome.Unchanged, box.Vote("youtube", "UC2", 4)); // still one vote per viewer
        Assert.Equal(PollVoteOutcome.Changed, box.Vote("twitch", "1", 1));
        Assert.Equal(2, box.Current!.Total);
    }

    [Fact]
    public async Task Timer_DurationElapsesOnFakeTime_ClosesOnce_Issue14()
    {
        using var temp = new TempPolls();
        using var timer = new PollTimerService(temp.Box, temp.Time, NullLogger<PollTimerService>.Instance);
        var closed = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        temp.Box.Changed += c =>
        {
            if (c.Kind == PollChange.Closed)
            {
                closed.Add(c.PollId);
                done.TrySetResult();
            }
        };
        await timer.StartAsync(CancellationToken.None);
        var poll = temp.Open(duration: TimeSpan.FromMinutes(2));
        temp.Box.Vote("twitch", "1", 2);

        temp.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.True(temp.Box.Current?.IsOpen);
        temp.Time.Advance(TimeSpan.FromSeconds(1));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(temp.Box.Current);
        Assert.Equal([poll.Id], closed);
        Assert.Equal(poll.OpenedAt + TimeSpan.FromMinutes(2), temp.Box.Get(poll.Id)!.ClosesAt);
        Assert.Equal(1, temp.Box.Get(poll.Id)!.Total);
        await timer.StopAsync(CancellationToken.None);
    }
}
