using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Core.Tests.Chat.Outbox;

/// <summary>The Core outbox on a small policy of the test's own: one message per second, 20 characters, 2 parts.</summary>
public sealed class ChatOutboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero));
    private readonly OnePerSecond _policy;
    private readonly ChatOutbox _outbox;
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public ChatOutboxTests()
    {
        _policy = new OnePerSecond(_time);
        _outbox = new ChatOutbox(_policy, _time, NullLogger.Instance);
    }

    public Task InitializeAsync()
    {
        _run = Task.Run(() => _outbox.RunAsync(_stop.Token));
        return IdleAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_LongReply_TwoPartsAtThePolicysPace()
    {
        Assert.True(_outbox.TryEnqueue(Reply("alice", "un deux trois quatre cinq six sept huit neuf")));
        await IdleAsync();
        Assert.Single(_policy.Sent);

        _time.Advance(TimeSpan.FromSeconds(1));
        await IdleAsync();

        Assert.Equal(["un deux trois quatre", "cinq six sept huit…"], _policy.Sent);
        Assert.Equal(new OutboxStatus(0, 2, 0, 0, 1, true, null), _outbox.Status);
    }

    [Fact]
    public async Task RunAsync_RepliesOlderThanMaxAge_DroppedAndCounted()
    {
        _policy.Ready = false;
        _outbox.TryEnqueue(Reply("alice", "trop tard"));
        _outbox.TryEnqueue(Reply("bob", "aussi"));
        await IdleAsync();

        _time.Advance(_policy.MaxAge + TimeSpan.FromSeconds(1));
        await IdleAsync();

        Assert.Empty(_policy.Sent);
        Assert.Equal(2, _outbox.DroppedCount);
        Assert.Equal(0, _outbox.PendingCount);
    }

    [Fact]
    public async Task RunAsync_SameRequestWhileWaiting_MergedIntoOneMessage()
    {
        _outbox.TryEnqueue(new OutgoingMessage("test", "chan", "annonce", _time.GetUtcNow()));
        _outbox.TryEnqueue(Reply("alice", "ok", mergeKey: "k"));
        _outbox.TryEnqueue(Reply("bob", "ok", mergeKey: "k"));
        await IdleAsync();

        _time.Advance(TimeSpan.FromSeconds(1));
        await IdleAsync();

        Assert.Equal(["annonce", "@alice @bob ok"], _policy.Sent);
        Assert.Equal(1, _outbox.MergedCount);
        Assert.Equal(2, _outbox.AnsweredAskers);
    }

    [Fact]
    public void TryEnqueue_SameChatLineTwiceOrFull_Refused()
    {
        var reply = Reply("alice", "une");
        Assert.True(_outbox.TryEnqueue(reply));
        Assert.False(_outbox.TryEnqueue(reply with { Text = "deux" }));
        Assert.False(_outbox.TryEnqueue(Reply("bob", "/\r\n")));
    }

    private OutgoingMessage Reply(string user, string text, string? mergeKey = null)
    {
        var asked = new ChatMessage("test", "chan", Guid.NewGuid().ToString("N"), "id-" + user, user, user, ChatRole.Viewer, "!cmd", _time.GetUtcNow());
        return new OutgoingMessage("test", "chan", text, _time.GetUtcNow()) { InReplyTo = asked, MergeKey = mergeKey };
    }

    private async Task IdleAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (_outbox.Status.IsIdleAt(_time.GetUtcNow()))
            {
                done.TrySetResult();
            }
        }

        _outbox.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            _outbox.Changed -= Check;
        }
    }

    private sealed class OnePerSecond(TimeProvider time) : IOutboxPolicy
    {
        private DateTimeOffset? _last;

        public List<string> Sent { get; } = [];

        public bool Ready { get; set; } = true;

        public int MaxLength => 20;

        public int MaxParts => 2;

        public TimeSpan MaxAge => TimeSpan.FromMinutes(1);

        public int Capacity => 10;

        public bool IsReady(DateTimeOffset now) => Ready;

        public bool ShouldDrop(PendingReply reply, DateTimeOffset now) => false;

        public TimeSpan WaitFor(PendingReply reply, DateTimeOffset now) =>
            _last is { } last && last + TimeSpan.FromSeconds(1) > now ? last + TimeSpan.FromSeconds(1) - now : TimeSpan.Zero;

        public IReadOnlyList<PendingReply>? Arrange(IReadOnlyList<PendingReply> pending, DateTimeOffset now) => ReplyMerger.MergeWaiting(pending, MaxLength);

        public ValueTask<SendOutcome> SendAsync(PendingReply reply, string text, CancellationToken cancellationToken)
        {
            Sent.Add(text);
            _last = time.GetUtcNow();
            return ValueTask.FromResult(SendOutcome.Sent);
        }
    }
}
