using System.Text.Json;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Testing;
using LiveBot.YouTube.Tests.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.YouTube.Tests;

/// <summary>The real bot (BotHost) with YouTube enabled against a <see cref="FakeYouTubeServer"/>, on one fake clock.</summary>
public sealed class YouTubeTestBot : IAsyncDisposable
{
    /// <summary>10:00 Pacific (daylight time), so a test has 14 fake hours before the quota reset.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 17, 0, 0, TimeSpan.Zero);

    private readonly Lock _streamGate = new();
    private int _closedStreamsSeen;
    private long _lostStreamEvents;

    private YouTubeTestBot(FakeTimeProvider time, FakeYouTubeServer fake, BotHost bot)
    {
        Time = time;
        Fake = fake;
        Bot = bot;
        Client = bot.Service<YouTubeChatClient>();
    }

    public FakeTimeProvider Time { get; }

    public FakeYouTubeServer Fake { get; }

    public BotHost Bot { get; }

    public YouTubeChatClient Client { get; }

    /// <summary>
    /// Starts the bot. Tests read by polling unless they set <c>YouTube:Transport</c> (most were written for
    /// it); <paramref name="embeddedTransport"/> leaves the embedded default (<c>Auto</c>) instead.
    /// </summary>
    public static async Task<YouTubeTestBot> StartAsync(Action<FakeYouTubeServer>? arrange = null, IReadOnlyDictionary<string, string>? settings = null, bool embeddedTransport = false)
    {
        var time = new FakeTimeProvider(Start);
        var fake = await FakeYouTubeServer.StartAsync(time);
        arrange?.Invoke(fake);
        var all = new Dictionary<string, string>
        {
            ["YouTube:Enabled"] = "true",
            ["YouTube:ClientId"] = FakeYouTubeServer.ClientId,
            ["YouTube:ClientSecret"] = FakeYouTubeServer.ClientSecret,
            ["YouTube:RefreshToken"] = FakeYouTubeServer.RefreshToken,
            ["YouTube:ApiBaseUri"] = fake.BaseUri.ToString(),
            ["YouTube:TokenUri"] = fake.TokenUri.ToString(),
            ["LocalChat:Enabled"] = "false",
        };
        if (!embeddedTransport)
        {
            all["YouTube:Transport"] = "Poll";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var bot = await BotHost.StartAsync(settings: all, configure: builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddChatCommand<MerciCommand>();
            builder.Services.AddChatCommand<RoleCommand>();
            builder.Services.AddChatCommand<BoucleCommand>();
            builder.Services.AddChatCommand<LongCommand>();
        });
        return new YouTubeTestBot(time, fake, bot);
    }

    /// <summary>
    /// Moves fake time by <paramref name="step"/> whenever the bot waits on its clock, until
    /// <paramref name="condition"/> holds; fails after <paramref name="max"/> of fake time.
    /// </summary>
    public async Task DriveUntilAsync(Func<bool> condition, TimeSpan? step = null, TimeSpan? max = null)
    {
        var limit = Time.GetUtcNow() + (max ?? TimeSpan.FromMinutes(10));
        while (!condition())
        {
            Assert.True(Time.GetUtcNow() <= limit, "condition not met within the fake time allowed");
            await WhenSettledAsync();
            if (condition())
            {
                return;
            }

            Time.Advance(step ?? TimeSpan.FromSeconds(1));
        }

        // What the last step set off (a timer that fired) is done before the test looks.
        await WhenSettledAsync();
    }

    /// <summary>
    /// Completes once the bot waits on its clock with nothing in flight, every stream response the fake
    /// queued included (those travel on a real socket, outside fake time).
    /// </summary>
    public async Task WhenSettledAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            var now = Time.GetUtcNow();
            if (!Client.Activity.IsIdleAt(now) || !Client.Outbox.Status.IsIdleAt(now))
            {
                return;
            }

            var queued = Fake.StreamEvents;
            var read = Client.Activity.StreamResponses;
            lock (_streamGate)
            {
                // The bot closed its stream (a fallback to polling) while the fake was pushing to it: what it
                // had not read then, it never will. Counted once per stream the bot closed, with none open.
                var closed = Fake.StreamsClosedByClient;
                if (closed != _closedStreamsSeen && Fake.OpenStreams == 0)
                {
                    _closedStreamsSeen = closed;
                    _lostStreamEvents = Math.Max(_lostStreamEvents, queued - read);
                }

                if (read + _lostStreamEvents >= queued)
                {
                    done.TrySetResult();
                }
            }
        }

        Client.Activity.Changed += Check;
        Client.Outbox.Changed += Check;
        Fake.StreamClosed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            Client.Activity.Changed -= Check;
            Client.Outbox.Changed -= Check;
            Fake.StreamClosed -= Check;
        }
    }

    /// <summary>Lets fake time run for <paramref name="duration"/>, in steps, while the bot works.</summary>
    public Task RunForAsync(TimeSpan duration, TimeSpan? step = null)
    {
        var until = Time.GetUtcNow() + duration;
        return DriveUntilAsync(() => Time.GetUtcNow() >= until, step, duration + TimeSpan.FromSeconds(5));
    }

    public async Task<JsonElement> YouTubeHealthAsync()
    {
        using var response = await Bot.Http.GetAsync("healthz");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("platforms").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "youtube").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>A command whose reply may be merged and has a short form, like the question queue's.</summary>
public sealed class MerciCommand : IChatCommand
{
    public CommandInfo Info { get; } = new("merci", "merci", "test");

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Reply?>(new Reply("Merci pour ton message, l'équipe le transmet aux invités tout de suite !")
        {
            MergeKey = context.MergeKey,
            ShortText = "Bien reçu ✔",
        });
}

/// <summary>Says the asker's role, to check the mapping of YouTube's author flags.</summary>
public sealed class RoleCommand : IChatCommand
{
    public CommandInfo Info { get; } = new("role", "role", "test");

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Reply?>(new Reply("role " + context.Message.Role.ToName()));
}

/// <summary>Replies with a command: the bot must not answer its own message.</summary>
public sealed class BoucleCommand : IChatCommand
{
    public CommandInfo Info { get; } = new("boucle", "boucle", "test");

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Reply?>(new Reply("!merci encore"));
}

/// <summary>A reply longer than a YouTube message.</summary>
public sealed class LongCommand : IChatCommand
{
    public CommandInfo Info { get; } = new("long", "long", "test");

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Reply?>(new Reply(string.Join(' ', Enumerable.Range(1, 60).Select(i => "mot" + i))));
}
