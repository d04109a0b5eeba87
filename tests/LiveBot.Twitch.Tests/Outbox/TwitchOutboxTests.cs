using LiveBot.Core.Chat;
using LiveBot.Twitch.Outbox;
using LiveBot.Twitch.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Twitch.Tests.Outbox;

public sealed class TwitchOutboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));
    private readonly HashSet<string> _moderatorIn = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TwitchOutbox _outbox;
    private readonly FakeTransport _transport;
    private Task _run = Task.CompletedTask;

    public TwitchOutboxTests()
    {
        _transport = new FakeTransport(new TwitchLimitChecker(_time, _moderatorIn.Contains), _time);
        var options = Options.Create(new TwitchOptions { MaxReplyAge = TimeSpan.FromMinutes(1) });
        var policy = new TwitchSendPolicy(_transport, options, _time, NullLogger<TwitchSendPolicy>.Instance);
        _outbox = new TwitchOutbox(policy, _time, NullLogger<TwitchOutbox>.Instance);
    }

    public Task InitializeAsync()
    {
        _run = Task.Run(() => _outbox.RunAsync(_stop.Token));
        return SettleAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_RaidOf500CommandsFrom300Users_KeepsLimitsMergesAndCountsDrops()
    {
        var sent = 0;
        for (var i = 0; i < 500; i++)
        {
            var user = "user" + (i % 300);
            var reply = i % 5 < 3
                ? Reply(user, "Commandes : !aide !offres !question", mergeKey: "aide|")
                : Reply(user, $"Offres de boulanger à ville{i} : 3 offres", mergeKey: $"offres|boulanger ville{i}");
            Assert.True(_outbox.TryEnqueue(reply));
            if (i % 10 == 9)
            {
                await AdvanceAsync(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
            }
        }

        await AdvanceAsync(TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));

        Assert.Empty(_transport.Checker.Breaches);
        Assert.Equal(0, _transport.Checker.Duplicates);
        sent = _transport.Lines.Count;
        // Which askers share a message depends on when the sender wakes relative to the enqueues (two threads):
        // only that some reply names several askers at once is certain.
        Assert.Contains(_transport.Lines, l => l.Contains("PRIVMSG #chan :@user", StringComparison.Ordinal) && l.Split(" @user").Length >= 3);
        Assert.True(_outbox.DroppedCount > 0, "replies older than MaxReplyAge are dropped");
        Assert.True(_outbox.MergedCount > 0);
        Assert.Equal(500, sent + _outbox.DroppedCount + _outbox.MergedCount);
        Assert.Equal(0, _outbox.PendingCount);
    }

    [Fact]
    public async Task RunAsync_LateAskerWhileMergedReplyWaits_JoinsTheMergedReply()
    {
        _outbox.TryEnqueue(new OutgoingMessage("twitch", "chan", "Bienvenue !", _time.GetUtcNow()));
        await AdvanceAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        _outbox.TryEnqueue(Reply("alice", "Commandes : !aide", mergeKey: "aide|"));
        _outbox.TryEnqueue(Reply("bob", "Commandes : !aide", mergeKey: "aide|"));
        await AdvanceAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100));
        _outbox.TryEnqueue(Reply("carl", "Commandes : !aide", mergeKey: "aide|"));

        await AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));

        Assert.Equal(["Bienvenue !", "@alice @bob @carl Commandes : !aide"], _transport.Texts);
        Assert.Equal(2, _outbox.MergedCount);
    }

    [Theory]
    [InlineData(false, 20)]
    [InlineData(true, 100)]
    public async Task RunAsync_ModeratorOrNot_SendsUpToTheLimitPer30Seconds(bool moderator, int expected)
    {
        if (moderator)
        {
            _moderatorIn.Add("chan");
            _outbox.SetPrivileged("chan", true);
        }

        for (var i = 0; i < 150; i++)
        {
            Assert.True(_outbox.TryEnqueue(new OutgoingMessage("twitch", "chan", $"annonce numéro {i}", _time.GetUtcNow())));
        }

        await AdvanceAsync(TimeSpan.FromSeconds(29), TimeSpan.FromMilliseconds(250));

        Assert.Equal(moderator ? expected : 20, _transport.Lines.Count);
        Assert.Empty(_transport.Checker.Breaches);
    }

    [Fact]
    public async Task RunAsync_NotModerator_SpacesMessagesToOneChannelBySecond()
    {
        for (var i = 0; i < 5; i++)
        {
            _outbox.TryEnqueue(new OutgoingMessage("twitch", "chan", $"message {i}", _time.GetUtcNow()));
        }

        await AdvanceAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

        Assert.Equal(5, _transport.Lines.Count);
        var times = _transport.Times;
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
        Assert.Empty(_transport.Checker.Breaches);
    }

    [Fact]
    public async Task RunAsync_LongReply_IsSplitIntoTwoThreadedMessages()
    {
        var text = string.Join(' ', Enumerable.Repeat("apprentissage", 60)); // 839 characters
        _outbox.TryEnqueue(Reply("alice", text, id: "m1"));

        await AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, _transport.Lines.Count);
        Assert.All(_transport.Lines, l => Assert.StartsWith("@reply-parent-msg-id=m1 PRIVMSG #chan :apprentissage", l, StringComparison.Ordinal));
        Assert.All(_transport.Texts, t => Assert.True(t.Length <= 500));
        Assert.Equal(text, string.Join(' ', _transport.Texts));
        Assert.Empty(_transport.Checker.Breaches);
    }

    [Fact]
    public async Task RunAsync_SecondPartStartingWithSlashOrDot_IsNotAChatCommand()
    {
        var text = string.Join(' ', Enumerable.Repeat("mot", 125)) + " /ban alice .timeout bob";
        _outbox.TryEnqueue(Reply("alice", text));

        await AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, _transport.Texts.Count);
        Assert.Equal("ban alice .timeout bob", _transport.Texts[1]);
        Assert.Empty(_transport.Checker.Breaches);
    }

    [Fact]
    public async Task RunAsync_ReplyLongerThanTwoMessages_IsCutWithEllipsis()
    {
        _outbox.TryEnqueue(Reply("alice", string.Join(' ', Enumerable.Repeat("alternance", 120))));

        await AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, _transport.Lines.Count);
        Assert.EndsWith("…", _transport.Texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameTextTwiceWithin30Seconds_VariesTheSecond()
    {
        _outbox.TryEnqueue(new OutgoingMessage("twitch", "chan", "Bienvenue sur le live !", _time.GetUtcNow()));
        await AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        _outbox.TryEnqueue(new OutgoingMessage("twitch", "chan", "Bienvenue  sur le live !", _time.GetUtcNow()));
        await AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, _transport.Lines.Count);
        Assert.NotEqual(_transport.Texts[0], _transport.Texts[1]);
        Assert.Equal(0, _transport.Checker.Duplicates);
    }

    [Fact]
    public async Task TryEnqueue_BannedChannel_RefusesAndCountsUntilTheBlockEnds()
    {
        _outbox.TryEnqueue(Reply("alice", "première", channel: "other"));
        _outbox.Block("chan", "banned", _time.GetUtcNow() + TimeSpan.FromMinutes(10));

        Assert.False(_outbox.TryEnqueue(Reply("bob", "refusée")));
        Assert.Equal(1, _outbox.DroppedCount);
        Assert.Equal("banned", _outbox.BlockedChannels["chan"].Reason);

        await AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

        Assert.Empty(_outbox.BlockedChannels);
        Assert.True(_outbox.TryEnqueue(Reply("carl", "acceptée")));
        await AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        Assert.Equal(["première", "acceptée"], _transport.Texts);
    }

    [Fact]
    public async Task RunAsync_AfterRateLimitNotice_PausesThirtySeconds()
    {
        _outbox.Pause(TwitchLimits.RateLimitPause);
        _outbox.TryEnqueue(Reply("alice", "patience"));

        await AdvanceAsync(TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(1));
        Assert.Empty(_transport.Lines);

        await AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        Assert.Single(_transport.Lines);
    }

    [Fact]
    public async Task RunAsync_DisconnectedLongerThanMaxReplyAge_DropsAndCounts()
    {
        _transport.Connected = false;
        _outbox.TryEnqueue(Reply("alice", "trop tard"));

        await AdvanceAsync(TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(1));
        _transport.Connected = true;
        _outbox.Wake();
        await AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

        Assert.Empty(_transport.Lines);
        Assert.Equal(1, _outbox.DroppedCount);
    }

    [Fact]
    public async Task RunAsync_DisconnectedBriefly_SendsOnceConnected()
    {
        _transport.Connected = false;
        _outbox.TryEnqueue(Reply("alice", "pas perdue"));
        await AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
        Assert.Empty(_transport.Lines);

        _transport.Connected = true;
        _outbox.Wake();
        await AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));

        Assert.Equal(["pas perdue"], _transport.Texts);
    }

    [Fact]
    public void TryEnqueue_SameChatLineAnsweredTwice_RefusesTheSecond()
    {
        Assert.True(_outbox.TryEnqueue(Reply("alice", "une", id: "same")));
        Assert.False(_outbox.TryEnqueue(Reply("alice", "deux", id: "same")));
    }

    [Fact]
    public void Format_ReplyToOnePerson_IsThreadedWithEscapedId()
    {
        var line = TwitchSendPolicy.Format(Reply("alice", "ok", id: "a;b c"), "ok");

        Assert.Equal(@"@reply-parent-msg-id=a\:b\sc PRIVMSG #chan :ok", line);
    }

    [Fact]
    public void Format_MergedOrAnnouncement_IsPlain()
    {
        Assert.Equal("PRIVMSG #chan :@a @b ok", TwitchSendPolicy.Format(Reply("alice", "x") with { Merged = 2 }, "@a @b ok"));
        Assert.Equal("PRIVMSG #chan :hello", TwitchSendPolicy.Format(new OutgoingMessage("twitch", "chan", "hello", DateTimeOffset.UnixEpoch), "hello"));
    }

    [Fact]
    public void TryEnqueue_TextStartingWithSlashOrControl_IsSanitised()
    {
        Assert.False(_outbox.TryEnqueue(Reply("alice", "/\r\n")));
        Assert.True(_outbox.TryEnqueue(Reply("bob", "/ban alice\r\nPRIVMSG #x :y")));
    }

    private OutgoingMessage Reply(string user, string text, string? mergeKey = null, string? id = null, string channel = "chan")
    {
        var asked = new ChatMessage("twitch", channel, id ?? Guid.NewGuid().ToString(), "id-" + user, user, user, ChatRole.Viewer, "!cmd", _time.GetUtcNow());
        return new OutgoingMessage("twitch", channel, text, _time.GetUtcNow()) { InReplyTo = asked, MergeKey = mergeKey };
    }

    /// <summary>Moves fake time by <paramref name="step"/> until <paramref name="total"/>, letting the sender settle each time.</summary>
    private async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        await SettleAsync();
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            _time.Advance(step);
            await SettleAsync();
        }
    }

    private Task SettleAsync() => OutboxWaits.IdleAsync(_outbox, _time);

    private sealed class FakeTransport(TwitchLimitChecker checker, TimeProvider time) : IOutboxTransport
    {
        private readonly List<(DateTimeOffset At, string Line)> _lines = [];

        public TwitchLimitChecker Checker => checker;

        public volatile bool Connected = true;

        public bool IsConnected => Connected;

        public List<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Select(l => l.Line).ToList();
                }
            }
        }

        public List<DateTimeOffset> Times
        {
            get
            {
                lock (_lines)
                {
                    return _lines.Select(l => l.At).ToList();
                }
            }
        }

        public List<string> Texts => Lines.Select(l => l[(l.IndexOf(" :", StringComparison.Ordinal) + 2)..]).ToList();

        public ValueTask<bool> SendAsync(string line, CancellationToken cancellationToken)
        {
            if (!Connected)
            {
                return ValueTask.FromResult(false);
            }

            lock (_lines)
            {
                _lines.Add((time.GetUtcNow(), line));
            }

            checker.OnPrivmsg(line);
            return ValueTask.FromResult(true);
        }
    }
}
