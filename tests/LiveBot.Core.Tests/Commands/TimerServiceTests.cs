using System.Collections.Concurrent;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;

namespace LiveBot.Core.Tests.Commands;

public sealed class TimerServiceTests
{
    private const string Commands = """
        { "timers": [ { "name": "rappel", "message": "Pose ta question sur {platform} !", "interval": "00:10:00", "minChatLines": 5 } ] }
        """;

    [Fact]
    public async Task TickAsync_ActiveChatAfterInterval_PostsOnce()
    {
        var platform = new RecordingPlatform("twitch", "chaine");
        using var harness = new PipelineHarness(Commands, platform);
        var timers = harness.Get<TimerService>();
        await timers.TickAsync(CancellationToken.None); // starts the first interval
        for (var i = 0; i < 5; i++)
        {
            await harness.Pipeline.ProcessAsync(harness.Message("bonjour", platform: "twitch", channel: "chaine"), CancellationToken.None);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(9));
        await timers.TickAsync(CancellationToken.None);
        Assert.Empty(platform.Sent);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await timers.TickAsync(CancellationToken.None);
        var sent = Assert.Single(platform.Sent);
        Assert.Equal("Pose ta question sur twitch !", sent.Text);
        Assert.Null(sent.InReplyTo);
    }

    [Fact]
    public async Task TickAsync_QuietChat_StaysSilent()
    {
        var platform = new RecordingPlatform("twitch", "chaine");
        using var harness = new PipelineHarness(Commands, platform);
        var timers = harness.Get<TimerService>();
        await timers.TickAsync(CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await harness.Pipeline.ProcessAsync(harness.Message("salut", platform: "twitch", channel: "chaine"), CancellationToken.None);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await timers.TickAsync(CancellationToken.None);

        Assert.Empty(platform.Sent);
    }

    [Fact]
    public async Task TickAsync_LinesCountedSinceLastPost_NotSinceStart()
    {
        var platform = new RecordingPlatform("twitch", "chaine");
        using var harness = new PipelineHarness(Commands, platform);
        var timers = harness.Get<TimerService>();
        await timers.TickAsync(CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await harness.Pipeline.ProcessAsync(harness.Message("salut", platform: "twitch", channel: "chaine"), CancellationToken.None);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await timers.TickAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await timers.TickAsync(CancellationToken.None);

        Assert.Single(platform.Sent);
    }

    private sealed class RecordingPlatform(string name, string channel) : IChatPlatform
    {
        public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

        public string Name => name;

        public int MaxMessageLength => 500;

        public int MaxParts => 2;

        public SendLimit SendLimit => new(20, TimeSpan.FromSeconds(30));

        public IReadOnlyCollection<string> ConnectedChannels => [channel];

        public PlatformHealth GetHealth() => new(name, PlatformStates.Connected);

        public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue(message);
            return ValueTask.FromResult(true);
        }
    }
}
