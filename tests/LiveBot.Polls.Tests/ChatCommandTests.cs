using LiveBot.Chat.Local;
using LiveBot.Testing;

namespace LiveBot.Polls.Tests;

/// <summary>!sondage and !1…!6 through the real bot and its local test chat.</summary>
public sealed class ChatCommandTests
{
    [Fact]
    public async Task Sondage_ModeratorStartsViewersVoteModeratorEnds_AnnounceAndResultOnceNoReplyPerVote_Issue14()
    {
        await using var bot = await BotHost.StartAsync();
        var local = bot.Service<LocalChatPlatform>();
        var polls = bot.Service<PollBox>();

        Assert.Empty(await bot.SayAsync("!sondage Tu es en quelle classe ? | 3e | 2nde | 1re | Terminale | Après le bac", "modo", "moderator"));
        await WaitForAnnouncementsAsync(local, 1);
        Assert.Equal("Sondage : Tu es en quelle classe ? Réponds !1 3e · !2 2nde · !3 1re · !4 Terminale · !5 Après le bac", local.Announcements[0]);

        Assert.Empty(await bot.SayAsync("!4", "alice"));
        Assert.Empty(await bot.SayAsync("!sondage 4", "bob"));
        Assert.Empty(await bot.SayAsync("!3", "carl"));
        Assert.Empty(await bot.SayAsync("!1", "carl")); // changed their mind
        Assert.Empty(await bot.SayAsync("!7", "dana")); // unknown number
        Assert.Empty(await bot.SayAsync("!sondage 9", "dana"));
        Assert.Equal(3, polls.Current!.Total);

        Assert.Empty(await bot.SayAsync("!sondage fin", "modo", "moderator"));
        await WaitForAnnouncementsAsync(local, 2);
        Assert.Equal("Résultat : Terminale 67 % · 3e 33 % · 2nde 0 % · 1re 0 % · Après le bac 0 %, 3 votes", local.Announcements[1]);
        Assert.Null(polls.Current);
        Assert.Equal(["Aucun sondage en cours."], await bot.SayAsync("!sondage fin", "modo", "moderator"));
        Assert.Equal(2, local.Announcements.Count);
    }

    [Fact]
    public async Task Sondage_FromViewersAndVips_IgnoredByPermission_Issue14()
    {
        await using var bot = await BotHost.StartAsync();
        var polls = bot.Service<PollBox>();

        Assert.Empty(await bot.SayAsync("!sondage Pizza ou burger ? | pizza | burger", "alice"));
        Assert.Empty(await bot.SayAsync("!sondage Pizza ou burger ? | pizza | burger", "vera", "vip"));
        Assert.Null(polls.Current);

        await bot.SayAsync("!sondage Pizza ou burger ? | pizza | burger", "chaine", "broadcaster");
        Assert.NotNull(polls.Current);
        await bot.SayAsync("!sondage fin", "alice");
        Assert.NotNull(polls.Current);
        Assert.Equal(["Un sondage est déjà en cours (#1) : !sondage fin pour le clore."], await bot.SayAsync("!sondage Autre ? | a | b", "modo", "moderator"));
    }

    [Fact]
    public async Task Sondage_PermissionsFromCommandsJson_Respected_Issue14()
    {
        const string Commands = """
            { "builtins": { "sondage": { "permission": "broadcaster" }, "choix": { "permission": "subscriber" } } }
            """;
        await using var bot = await BotHost.StartAsync(files: new Dictionary<string, string> { ["commands.json"] = Commands });
        var polls = bot.Service<PollBox>();

        await bot.SayAsync("!sondage Pizza ou burger ? | pizza | burger", "modo", "moderator");
        Assert.Null(polls.Current);
        await bot.SayAsync("!sondage Pizza ou burger ? | pizza | burger", "chaine", "broadcaster");
        await bot.SayAsync("!1", "alice");
        await bot.SayAsync("!sondage 1", "alice");
        await bot.SayAsync("!2", "sam", "subscriber");
        await bot.SayAsync("!sondage 2", "sue", "subscriber");

        Assert.Equal([0, 2], polls.Current!.Choices.Select(c => c.Votes));
    }

    [Fact]
    public async Task Aide_Moderator_ListsSondageAndVotes_ViewerOnlyVotes_Issue14()
    {
        await using var bot = await BotHost.StartAsync();

        var moderator = Assert.Single(await bot.SayAsync("!aide", "modo", "moderator"));
        var viewer = Assert.Single(await bot.SayAsync("!aide", "alice"));

        Assert.Contains("!sondage <question> | <choix> | <choix>… ou fin", moderator, StringComparison.Ordinal);
        Assert.Contains("!1 à !6", moderator, StringComparison.Ordinal);
        Assert.DoesNotContain("!sondage", viewer, StringComparison.Ordinal);
        Assert.Contains("!1 à !6", viewer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!sondage", "Sondage : !sondage Question ? | choix 1 | choix 2 (2 à 6 choix) · !sondage fin pour le clore.")]
    [InlineData("!sondage Question seule ?", "Sondage : !sondage Question ? | choix 1 | choix 2 (2 à 6 choix) · !sondage fin pour le clore.")]
    [InlineData("!sondage Q ? | un seul", "Sondage non lancé : il faut au moins 2 choix.")]
    [InlineData("!sondage Q ? | a | b | c | d | e | f | g", "Sondage non lancé : 6 choix au plus.")]
    [InlineData("!sondage | a | b", "Sondage non lancé : la question est vide.")]
    public async Task Sondage_ModeratorSlip_GetsAFrenchHint_Issue14(string line, string expected)
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Equal([expected], await bot.SayAsync(line, "modo", "moderator"));
        Assert.Null(bot.Service<PollBox>().Current);
    }

    [Fact]
    public async Task Texts_ConfiguredInCommandsJson_UsedForAnnounceAndResult_Issue14()
    {
        const string Commands = """
            { "builtins": { "sondage": { "texts": { "announce": "VOTEZ ({number}) {question} {choices}", "result": "FINI {results} / {total}" } } } }
            """;
        await using var bot = await BotHost.StartAsync(files: new Dictionary<string, string> { ["commands.json"] = Commands });
        var local = bot.Service<LocalChatPlatform>();

        await bot.SayAsync("!sondage Chat ou chien ? | chat | chien", "modo", "moderator");
        await bot.SayAsync("!2", "alice");
        await bot.SayAsync("!sondage fin", "modo", "moderator");
        await WaitForAnnouncementsAsync(local, 2);

        Assert.Equal(["VOTEZ (1) Chat ou chien ? !1 chat · !2 chien", "FINI chien 100 % · chat 0 % / 1"], local.Announcements);
    }

    /// <summary>Announcements leave through a hosted service: wait for them on the platform's Sent event, without sleeping.</summary>
    internal static async Task WaitForAnnouncementsAsync(LocalChatPlatform local, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSent(LiveBot.Core.Chat.OutgoingMessage message)
        {
            if (local.Announcements.Count >= count)
            {
                done.TrySetResult();
            }
        }

        local.Sent += OnSent;
        try
        {
            if (local.Announcements.Count < count)
            {
                await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        finally
        {
            local.Sent -= OnSent;
        }
    }
}
