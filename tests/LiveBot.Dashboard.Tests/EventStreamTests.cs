using LiveBot.Dashboard;
using System.Net.Http.Json;
using System.Text.Json;
using LiveBot.Testing;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Questions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Dashboard.Tests;

public sealed class EventStreamTests
{
    [Fact]
    public async Task Events_QuestionAskedInChat_SnapshotThenQuestionThenCounters()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        await bot.AskAsync("alice", "Quel salaire pour un apprenti électricien ?");
        await using var events = await SseReader.OpenAsync(client, "events");

        var snapshot = JsonDocument.Parse(await events.WaitForAsync("snapshot")).RootElement;
        await bot.AskAsync("bob", "Faut-il un diplôme pour entrer en apprentissage ?");
        var change = JsonDocument.Parse(await events.WaitForAsync("question")).RootElement;
        var counters = JsonDocument.Parse(await events.WaitForAsync("counters")).RootElement;

        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Quel salaire pour un apprenti électricien ?", Assert.Single(snapshot.GetProperty("questions").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("ok", snapshot.GetProperty("config").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("ok").GetBoolean() ? "ok" : "ko").Distinct().Single());
        Assert.Equal("added", change.GetProperty("kind").GetString());
        Assert.Equal("Faut-il un diplôme pour entrer en apprentissage ?", change.GetProperty("question").GetProperty("text").GetString());
        Assert.Equal("bob", change.GetProperty("question").GetProperty("authorName").GetString());
        Assert.Equal(2, counters.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OverlayEvents_KeylessFromOneAddress_FourThen503AndTheKeyStillGetsIn_Issue13()
    {
        await using var bot = await DashboardBot.StartAsync();
        var key = bot.Service<OverlayKey>().Value;
        var open = new List<SseReader>();
        try
        {
            for (var i = 0; i < OverlaySlots.MaxKeylessPerAddress; i++)
            {
                open.Add(await OpenOverlayAsync(bot, "overlay/events"));
            }

            using var refused = await bot.Http.GetAsync("overlay/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("sans clé", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // OBS, opened with the address the page shows, is not locked out by idle keyless streams.
            open.Add(await OpenOverlayAsync(bot, "overlay/events?key=" + Uri.EscapeDataString(key)));
            Assert.Equal(OverlaySlots.MaxKeylessPerAddress + 1, bot.Service<OverlaySlots>().Open);

            // Leaving frees the slot (once the bot sees the connection close).
            var slots = bot.Service<OverlaySlots>();
            var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            slots.Left += () => left.TrySetResult();
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await left.Task.WaitAsync(TimeSpan.FromSeconds(30));
            open.Add(await OpenOverlayAsync(bot, "overlay/events"));
        }
        finally
        {
            foreach (var overlay in open)
            {
                await overlay.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task OverlayEvents_WrongKey_401InFrench_Issue13()
    {
        await using var bot = await DashboardBot.StartAsync();

        using var refused = await bot.Http.GetAsync("overlay/events?key=pas-la-bonne-cle-0123456789", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Clé d'overlay inconnue", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Service<OverlaySlots>().Open);
    }

    [Fact]
    public void OverlaySlots_KeylessFromManyAddresses_LastSlotsKeptForKeyedClients_Issue13()
    {
        var slots = new OverlaySlots();
        var taken = new List<IDisposable>();
        for (var i = 0; ; i++)
        {
            var address = new System.Net.IPAddress([10, 0, (byte)(i / 250), (byte)(i % 250 + 1)]);
            if (slots.TryEnter(address, keyed: false) is not { } slot)
            {
                break;
            }

            taken.Add(slot);
        }

        Assert.Equal(OverlaySlots.Max - OverlaySlots.KeyedReserve, taken.Count);
        for (var i = 0; i < OverlaySlots.KeyedReserve; i++)
        {
            Assert.NotNull(slots.TryEnter(System.Net.IPAddress.Loopback, keyed: true));
        }

        Assert.Null(slots.TryEnter(System.Net.IPAddress.Loopback, keyed: true));
        taken[0].Dispose();
        taken[0].Dispose();
        Assert.Equal(OverlaySlots.Max - 1, slots.Open);
    }

    [Fact]
    public async Task ApiOverlay_WithToken_GivesTheOverlayPathWithItsKey_Issue13()
    {
        await using var bot = await DashboardBot.StartAsync(settings: new Dictionary<string, string> { ["Dashboard:OverlayKey"] = "cle-overlay-de-test-0123" });
        using var client = bot.Authorized();

        var body = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/overlay");
        using var anonymous = await bot.Http.GetAsync("api/overlay");

        Assert.Equal("/overlay?key=cle-overlay-de-test-0123", body.GetProperty("path").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.EndsWith("/overlay?key=cle-overlay-de-test-0123", bot.Service<DashboardLinks>().OverlayUrl("http://0.0.0.0:5080"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_QueueLargerThanThePageShows_SnapshotCappedToOpenQuestionsRestOnDemand_Issue13()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var queue = bot.Service<QuestionQueue>();
        var random = new Random(13);
        var open = DashboardFeed.MaxSnapshotQuestions + 20;
        for (var i = 0; i < open + 5; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Word(random))) + " ?";
            Assert.Equal(SubmitOutcome.Added, queue.Submit("twitch", "chan", "twitch:" + i, "viewer" + i, text).Outcome);
        }

        for (var id = 1; id <= 5; id++)
        {
            queue.Hide(id);
        }

        queue.Vote(open, "twitch:voter");
        queue.PutOnAir(open + 5);

        await using var events = await SseReader.OpenAsync(client, "events");
        var snapshot = JsonDocument.Parse(await events.WaitForAsync("snapshot")).RootElement;
        var ids = snapshot.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();
        var hidden = await client.GetFromJsonAsync<JsonElement>("api/questions?status=hidden");

        Assert.Equal(DashboardFeed.MaxSnapshotQuestions, ids.Count);
        Assert.Equal(open + 5 - DashboardFeed.MaxSnapshotQuestions, snapshot.GetProperty("omitted").GetInt32());
        Assert.Equal([open + 5, open, 6, 7], ids.Take(4));
        Assert.DoesNotContain(1, ids);
        Assert.Equal(5, hidden.GetProperty("questions").GetArrayLength());
    }

    private static string Word(Random random) =>
        string.Create(random.Next(5, 9), random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = "abcdefghijklmnoprstuv"[r.Next(21)];
            }
        });

    private static async Task<SseReader> OpenOverlayAsync(BotHost bot, string path)
    {
        var overlay = await SseReader.OpenAsync(bot.Http, path);
        await overlay.WaitForAsync("onair");
        return overlay;
    }

    [Fact]
    public async Task Healthz_OpenStreams_CountedInDashboardSection()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        await using var events = await SseReader.OpenAsync(client, "events");
        await events.WaitForAsync("snapshot");
        await using var overlay = await SseReader.OpenAsync(bot.Http, "overlay/events");
        await overlay.WaitForAsync("onair");

        using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        var section = health.RootElement.GetProperty("dashboard");
        Assert.Equal(1, section.GetProperty("presenterPages").GetInt32());
        Assert.Equal(1, section.GetProperty("overlays").GetInt32());
    }

    [Fact]
    public void TryPush_BacklogFull_ClosesTheStreamAfterWhatWasQueued()
    {
        var removed = false;
        using var subscription = new FeedSubscription(() => removed = true);
        for (var i = 0; i < DashboardFeed.ClientBacklog; i++)
        {
            Assert.True(subscription.TryPush("frame\n\n"));
        }

        Assert.False(subscription.TryPush("one too many\n\n"));
        var read = 0;
        while (subscription.Frames.TryRead(out _))
        {
            read++;
        }

        Assert.Equal(DashboardFeed.ClientBacklog, read);
        Assert.True(subscription.Frames.Completion.IsCompleted);
        Assert.True(subscription.TryPush("after close\n\n"));
        subscription.Dispose();
        Assert.True(removed);
    }

    [Fact]
    public async Task Events_Reconnect_StartsAgainFromAFreshSnapshot()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        await using (var first = await SseReader.OpenAsync(client, "events"))
        {
            await first.WaitForAsync("snapshot");
        }

        var id = await bot.AskAsync("alice", "Peut-on changer d'entreprise pendant l'apprentissage ?");
        await using var second = await SseReader.OpenAsync(client, "events");

        var snapshot = JsonDocument.Parse(await second.WaitForAsync("snapshot")).RootElement;

        Assert.Equal(id, Assert.Single(snapshot.GetProperty("questions").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Events_HeartbeatInterval_SendsCommentLine()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.Zero));
        await using var bot = await DashboardBot.StartAsync(b => b.Services.AddSingleton<TimeProvider>(time));
        using var client = bot.Authorized();
        await using var events = await SseReader.OpenAsync(client, "events");
        await events.WaitForAsync("snapshot");

        time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal("", await events.WaitForAsync(":"));
    }

    [Fact]
    public async Task Events_BrokenModeratorsFile_PushesTheErrorThenItsRepair()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        await using var events = await SseReader.OpenAsync(client, "events");
        await events.WaitForAsync("snapshot");
        var path = Path.Combine(bot.ConfigDir, "commands.json");

        await File.WriteAllTextAsync(path, "{ \"commands\": [ ");
        var broken = await events.WaitForAsync("config", data => data.Contains("\"ok\":false", StringComparison.Ordinal));

        await File.WriteAllTextAsync(path, "{ \"prefix\": \"!\" }");
        var repaired = await events.WaitForAsync("config", data => !data.Contains("\"ok\":false", StringComparison.Ordinal));

        Assert.Contains("commands.json", broken, StringComparison.Ordinal);
        Assert.Contains("ligne 1", broken, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"commands.json\",\"ok\":true,\"error\":null", repaired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlayEvents_WithoutToken_ExposeOnlyTheOnAirQuestion()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var onAir = await bot.AskAsync("alice", "Comment trouver une entreprise pour mon alternance ?");
        await bot.AskAsync("bob", "Question secrète qui ne doit jamais sortir sur l'overlay");
        await using var events = await SseReader.OpenAsync(bot.Http, "overlay/events");
        Assert.Equal("{\"question\":null}", await events.WaitForAsync("onair"));

        await client.PostActionAsync(onAir, "onair");
        var data = await events.WaitForAsync("onair", d => d != "{\"question\":null}");

        var question = JsonDocument.Parse(data).RootElement.GetProperty("question");
        Assert.Equal(["id", "text", "authorName", "platform"], question.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Comment trouver une entreprise pour mon alternance ?", question.GetProperty("text").GetString());
        Assert.DoesNotContain("secrète", data, StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.OnAir, bot.Service<QuestionQueue>().Get(onAir)?.Status);

        await client.PostActionAsync(onAir, "answered");
        Assert.Equal("{\"question\":null}", await events.WaitForAsync("onair"));
    }
}
