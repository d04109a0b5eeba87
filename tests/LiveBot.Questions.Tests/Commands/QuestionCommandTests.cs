using System.Text.Json;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Questions.Moderation;
using LiveBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Questions.Tests.Commands;

/// <summary>!question, !q and !vote through the real pipeline of the real bot (local test chat).</summary>
public sealed class QuestionCommandTests
{
    [Fact]
    public async Task Question_NewQuestions_ConfirmedWithNumberAndPlaceInQueue()
    {
        await using var bot = await BotHost.StartAsync();

        var first = await bot.SayAsync("!question Quel salaire pour un apprenti en BTS ?", "alice");
        var second = await bot.SayAsync("!q Comment trouver une entreprise d'accueil ?", "bob");

        Assert.Equal(["Merci @alice, question #1 bien reçue (aucune question avant la tienne)"], first);
        Assert.Equal(["Merci @bob, question #2 bien reçue (1 question avant la tienne)"], second);
        var stored = bot.Service<QuestionQueue>().Get(2)!;
        Assert.Equal(("local", "local:local-bob", "bob", "Comment trouver une entreprise d'accueil ?"), (stored.Platform, stored.AuthorId, stored.AuthorName, stored.Text));
    }

    [Fact]
    public async Task Question_Duplicate_JoinsOpenQuestion()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!question On peut faire un apprentissage à 30 ans ?", "alice");

        var replies = await bot.SayAsync("!q est-ce qu'on peut faire un apprentissage a 30 ans", "bob");

        Assert.Equal(["ta question rejoint la #1 (+1)"], replies);
        Assert.Equal(1, bot.Service<QuestionQueue>().Get(1)!.Votes);
    }

    [Fact]
    public async Task Question_LimitsAndUsage_PoliteReplies()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(time));

        Assert.Equal(["écris !question suivi de ta question."], await bot.SayAsync("!question", "alice"));
        Assert.Equal(["ta question est un peu courte : 10 caractères au moins."], await bot.SayAsync("!q salut", "alice"));
        Assert.Equal(["ta question est trop longue : 300 caractères au plus."], await bot.SayAsync("!q " + new string('a', 301), "alice"));
        await bot.SayAsync("!q Quel salaire pour un apprenti ?", "alice");
        time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(["@alice, une question toutes les 30 s : réessaie dans 18 s."], await bot.SayAsync("!q Comment trouver une entreprise ?", "alice"));
        for (var i = 0; i < 2; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await bot.SayAsync($"!q Question numéro {i + 2} sur le contrat ?", "alice");
        }

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["tu as déjà 3 questions en attente : attends qu'on y réponde."], await bot.SayAsync("!q Combien de jours de congés ?", "alice"));
    }

    [Fact]
    public async Task Question_RaidOfDuplicates_RepliesMergeIntoOneMessage()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!question On peut faire un apprentissage à 30 ans ?", "alice");
        var pipeline = bot.Service<ChatPipeline>();
        var replies = new List<OutgoingMessage>();

        foreach (var (user, text) in new[] { ("bob", "!q on peut faire un apprentissage a 30 ans"), ("carol", "!q Bonjour, est-ce qu'on peut faire un apprentissage à 30 ans ??"), ("dave", "!vote 1"), ("erin", "!vote 1") })
        {
            var message = new ChatMessage("twitch", "chaine", Guid.NewGuid().ToString("N"), user, user, user, ChatRole.Viewer, text, DateTimeOffset.UtcNow);
            replies.AddRange(await pipeline.ProcessAsync(message, CancellationToken.None));
        }

        var merged = ReplyMerger.Merge(replies, 500);

        Assert.Equal(["@bob @carol ta question rejoint la #1 (+1)", "@dave @erin +1 pour la question #1 !"], merged.Select(m => m.Text));
        Assert.Equal(4, bot.Service<QuestionQueue>().Get(1)!.Votes);
    }

    [Fact]
    public async Task Vote_ByNumber_OncePerViewer()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!question Quel salaire pour un apprenti en BTS ?", "alice");

        Assert.Equal(["+1 pour la question #1 !"], await bot.SayAsync("!vote 1", "bob"));
        Assert.Equal(["+1 pour la question #1 !"], await bot.SayAsync("!+1 #1", "carol"));
        Assert.Equal(["tu as déjà voté pour la question #1."], await bot.SayAsync("!vote 1", "bob"));
        Assert.Equal(["la question #1 est la tienne : elle compte déjà !"], await bot.SayAsync("!vote 1", "alice"));
        Assert.Equal(2, bot.Service<QuestionQueue>().Get(1)!.Votes);
        Assert.Equal(["il n'y a pas de question #7 ouverte."], await bot.SayAsync("!vote 7", "bob"));
        foreach (var bad in new[] { "!vote la une", "!vote", "!vote 0", "!vote -3", "!vote 99999999999", "!vote ##1" })
        {
            Assert.Equal(["écris !vote suivi du numéro de la question, par exemple !vote 7."], await bot.SayAsync(bad, "bob"));
        }
    }

    [Fact]
    public async Task Vote_HeldQuestion_AnsweredLikeAnUnknownNumber()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!q Regardez www.exemple.fr pour les offres", "alice");

        var replies = await bot.SayAsync("!vote 1", "bob");

        Assert.Equal(["il n'y a pas de question #1 ouverte."], replies);
        Assert.Equal(0, bot.Service<QuestionQueue>().Get(1)!.Votes);
    }

    [Fact]
    public async Task QuestionModeration_ModeratorCommands_RunTheQueue()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!q Regardez www.exemple.fr pour les offres", "alice");
        await bot.SayAsync("!q Quel salaire pour un apprenti en BTS ?", "bob");
        var queue = bot.Service<QuestionQueue>();

        Assert.Empty(await bot.SayAsync("!q ok 1", "carol"));
        Assert.True(queue.Get(1)!.Held);
        Assert.Equal(["Question #1 approuvée."], await bot.SayAsync("!q ok 1", "modo", "moderator"));
        Assert.Equal(["Question #2 masquée."], await bot.SayAsync("!q hide #2", "modo", "moderator"));
        Assert.Equal(["Pas de question #9."], await bot.SayAsync("!q ok 9", "modo", "moderator"));
        Assert.Equal(["À l'antenne : question #1 de alice (0 vote)."], await bot.SayAsync("!q next", "streamer", "broadcaster"));
        Assert.Equal(QuestionStatus.OnAir, queue.Get(1)!.Status);
        Assert.Equal(["Aucune question approuvée en attente."], await bot.SayAsync("!q suivante", "modo", "moderator"));
        Assert.Equal(QuestionStatus.Answered, queue.Get(1)!.Status);
        Assert.Null(queue.OnAir);
        Assert.Equal(["Question #2 masquée."], await bot.SayAsync("!q masquer 2", "modo", "moderator"));
        Assert.Equal(["La question #2 est masquée : restaure-la d'abord depuis la page des présentateurs."], await bot.SayAsync("!q valider 2", "modo", "moderator"));
        Assert.Equal(["Merci @carol, question #3 bien reçue (aucune question avant la tienne)"], await bot.SayAsync("!q ok donc on peut faire un apprentissage en 2 ans ?", "carol"));
    }

    [Fact]
    public async Task QuestionModeration_ApproveOnAirQuestion_StaysOnAir()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!q Quel salaire pour un apprenti en BTS ?", "alice");
        await bot.SayAsync("!q next", "modo", "moderator");

        var replies = await bot.SayAsync("!q ok 1", "modo", "moderator");

        Assert.Equal(["La question #1 est déjà à l'antenne."], replies);
        Assert.Equal(1, bot.Service<QuestionQueue>().OnAir?.Id);
    }

    [Fact]
    public async Task QuestionModeration_MissingOrBadNumberFromModerator_UsageNotAQuestion()
    {
        await using var bot = await BotHost.StartAsync();
        var usage = "Modération : !q ok <numéro>, !q hide <numéro>, !q next.";

        foreach (var slip in new[] { "!q ok", "!q hide", "!q ok abc", "!q masquer #x", "!q valider 0", "!q next 3", "!q ok 12 merci", "!question ok -1" })
        {
            var expected = slip.StartsWith("!question", StringComparison.Ordinal) ? usage.Replace("!q ", "!question ", StringComparison.Ordinal) : usage;
            Assert.Equal([expected], await bot.SayAsync(slip, "modo", "moderator"));
        }

        Assert.Equal(["ta question est un peu courte : 10 caractères au moins."], await bot.SayAsync("!q ok", "carol"));
        Assert.Equal(0, bot.Service<QuestionQueue>().Counters().Total);
        Assert.Equal(["Merci @modo, question #1 bien reçue (aucune question avant la tienne)"], await bot.SayAsync("!q ok et pour les mineurs, quelles horaires ?", "modo", "moderator"));
    }

    [Fact]
    public async Task Question_EmojiOnly_AskedForWords()
    {
        await using var bot = await BotHost.StartAsync();

        var replies = await bot.SayAsync("!q " + string.Concat(Enumerable.Repeat("😂", 11)), "alice");

        Assert.Equal(["écris ta question avec quelques mots, s'il te plaît."], replies);
        Assert.Equal(0, bot.Service<QuestionQueue>().Counters().Total);
    }

    [Fact]
    public async Task Question_HeldQuestion_ToldItIsReviewed()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Questions:RequireApproval"] = "true" });

        var replies = await bot.SayAsync("!q Quel salaire pour un apprenti en BTS ?", "alice");

        Assert.Equal(["Merci @alice, question #1 bien reçue : un modérateur la relit avant de la montrer."], replies);
        Assert.Equal(QuestionStatus.Pending, bot.Service<QuestionQueue>().Get(1)!.Status);
    }

    [Fact]
    public async Task Question_DisguisedInsultWithShippedBlocklist_Held()
    {
        await using var bot = await BotHost.StartAsync();

        var replies = await bot.SayAsync("!q Mon patron est un c0-nnnard, je fais quoi ?", "alice");

        Assert.Equal(["Merci @alice, question #1 bien reçue : un modérateur la relit avant de la montrer."], replies);
        Assert.Equal("mot bloqué « connard »", bot.Service<QuestionQueue>().Get(1)!.HeldReason);
    }

    [Fact]
    public async Task Question_TextsRenamedInCommandsJson_Used()
    {
        var commands = """
            {
              "builtins": {
                "question": { "name": "question", "aliases": ["qq"], "texts": { "received": "Bien noté {user} : #{number}, {ahead} avant." } }
              }
            }
            """;
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string> { ["commands.json"] = commands });

        Assert.Equal(["Bien noté alice : #1, aucune question avant."], await bot.SayAsync("!qq Quel salaire pour un apprenti ?", "alice"));
    }

    [Fact]
    public async Task ModerationFile_EditedLive_ReloadedAndErrorsOnHealthz()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string> { ["moderation.json"] = """{ "blockedWords": [] }""" });
        var file = bot.Service<ModeratorFile<ModerationRules>>();
        var path = Path.Combine(bot.ConfigDir, "moderation.json");
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        file.Reloaded += _ => reloaded.TrySetResult();

        await File.WriteAllTextAsync(path, """{ "blockedWords": ["escroc"] }""");
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await bot.SayAsync("!q Mon patron est un escroc, je fais quoi ?", "alice");
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        file.Rejected += _ => rejected.TrySetResult();
        await File.WriteAllTextAsync(path, "{ \"blockedWords\": [\"\"] }");
        await rejected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        Assert.True(bot.Service<QuestionQueue>().Get(1)!.Held);
        var config = health.RootElement.GetProperty("config").GetProperty("moderation").ToString();
        Assert.Contains("mot vide", config, StringComparison.Ordinal);
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        Assert.True(bot.Service<ModeratorFile<ModerationRules>>().Current.Count == 1);
    }

    [Fact]
    public async Task RetentionService_TimePassesRetentionDays_PurgesOldQuestions()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await BotHost.StartAsync(
            settings: new Dictionary<string, string> { ["Questions:RetentionDays"] = "30", ["Questions:PurgeInterval"] = "01:00:00" },
            configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await bot.SayAsync("!q Quel salaire pour un apprenti en BTS ?", "alice");
        var queue = bot.Service<QuestionQueue>();
        var removed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Changed += change =>
        {
            if (change.Kind == QuestionChange.Removed)
            {
                removed.TrySetResult(change.Question.Id);
            }
        };

        time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromHours(1));

        Assert.Equal(1, await removed.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, queue.Counters().Total);
    }

    [Fact]
    public async Task Options_MinLengthAboveMaxLength_RefusedAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(
            settings: new Dictionary<string, string> { ["Questions:MinLength"] = "200", ["Questions:MaxLength"] = "100" }));

        Assert.Contains("Questions:MinLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_QuestionsSection_Counters()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!q Quel salaire pour un apprenti en BTS ?", "alice");
        await bot.SayAsync("!q Allez sur www.exemple.fr !!!", "bob");

        using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));

        var questions = health.RootElement.GetProperty("questions");
        Assert.Equal((1, 1, 2), (questions.GetProperty("pending").GetInt32(), questions.GetProperty("approved").GetInt32(), questions.GetProperty("total").GetInt32()));
    }
}
