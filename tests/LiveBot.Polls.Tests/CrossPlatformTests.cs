using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Chat.Local;
using LiveBot.Dashboard;
using LiveBot.Twitch.Tests.Fakes;
using LiveBot.YouTube.Quota;
using LiveBot.YouTube.Tests;

namespace LiveBot.Polls.Tests;

/// <summary>
/// One poll, three chats: the real bot with its real Twitch client (fake Twitch server on loopback), its real
/// YouTube client (fake YouTube Data API) and the local test chat, all on one fake clock.
/// </summary>
public sealed class CrossPlatformTests
{
    private const string Start = "!sondage Tu es en quelle classe ? | 3e | 2nde | 1re | Terminale | Après le bac";

    [Fact]
    public async Task Poll_VotesFromTwitchYouTubeAndLocal_OneCountAnnouncedAndResultOncePerChat_Issue14()
    {
        await using var twitch = await FakeTwitchServer.StartAsync();
        await using var t = await StartAsync(twitch);
        var polls = t.Bot.Service<PollBox>();
        var local = t.Bot.Service<LocalChatPlatform>();

        await twitch.SayAsync("chan", "LaChaine", Start, badges: "broadcaster/1");
        await t.DriveUntilAsync(() => twitch.Privmsgs.Count >= 1 && t.Fake.InsertedSnapshot().Count >= 1 && local.Announcements.Count >= 1);
        var id = polls.Current!.Id;

        await twitch.SayAsync("chan", "Alice", "!4");
        await twitch.SayAsync("chan", "Bob", "!3");
        await t.DriveUntilAsync(() => polls.Current?.Total == 2); // lines run in parallel: the change must come after
        await twitch.SayAsync("chan", "Bob", "!4"); // changed: counts once, for Terminale
        await twitch.SayAsync("chan", FakeTwitchServer.Login, "!1"); // the bot's own account: never read as a vote
        t.Fake.Say("chat-1", "Yanis", "!4");
        t.Fake.Say("chat-1", "Yasmine", "!sondage 2");
        t.Fake.Say("chat-1", "Yanis", "!4"); // the same vote again
        t.Fake.Say("chat-1", "Yael", "!9");
        Assert.Empty(await t.Bot.SayAsync("!3", "zoe"));
        await t.DriveUntilAsync(() => polls.Current?.Total == 5);

        await twitch.SayAsync("chan", "Modo", "!sondage fin", badges: "moderator/1");
        await t.DriveUntilAsync(() => twitch.Privmsgs.Count >= 2 && t.Fake.InsertedSnapshot().Count >= 2 && local.Announcements.Count >= 2);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        const string Announce = "Sondage : Tu es en quelle classe ? Réponds !1 3e · !2 2nde · !3 1re · !4 Terminale · !5 Après le bac";
        const string Result = "Résultat : Terminale 60 % · 2nde 20 % · 1re 20 % · 3e 0 % · Après le bac 0 %, 5 votes";
        Assert.Equal([Announce, Result], twitch.Privmsgs.Select(p => p.Line[(p.Line.IndexOf(" :", StringComparison.Ordinal) + 2)..]));
        Assert.Equal([Announce, Result], t.Fake.InsertedSnapshot().Select(i => i.Text));
        Assert.Equal([Announce, Result], local.Announcements);

        using var api = Authorized(t);
        using var json = JsonDocument.Parse(await api.GetStringAsync($"api/polls/{id}"));
        var terminale = json.RootElement.GetProperty("choices")[3];
        Assert.Equal(3, terminale.GetProperty("votes").GetInt32());
        Assert.Equal(2, terminale.GetProperty("byPlatform").GetProperty("twitch").GetInt32());
        Assert.Equal(1, terminale.GetProperty("byPlatform").GetProperty("youtube").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("choices")[2].GetProperty("byPlatform").GetProperty("local").GetInt32());
        Assert.Equal("closed", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Poll_YouTubeReplyBudgetLow_ShortResultPollStillRuns_Issue14()
    {
        await using var twitch = await FakeTwitchServer.StartAsync();
        await using var t = await StartAsync(twitch);
        var polls = t.Bot.Service<PollBox>();

        // 4,100 of the 5,000 reply units gone: replies are down to their short form.
        t.Bot.Service<QuotaLedger>().Spend("liveChatMessages.insert", 4_100, isRead: false);
        await t.Bot.SayAsync(Start + " | Autre chose encore, plus long que les autres choix", "modo", "moderator");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 1);
        t.Fake.Say("chat-1", "Yanis", "!4");
        await twitch.SayAsync("chan", "Alice", "!4");
        await t.Bot.SayAsync("!1", "zoe");
        await t.DriveUntilAsync(() => polls.Current?.Total == 3);
        await t.Bot.SayAsync("!sondage fin", "modo", "moderator");
        await t.DriveUntilAsync(() => t.Fake.InsertedSnapshot().Count >= 2 && twitch.Privmsgs.Count >= 2);
        await t.RunForAsync(TimeSpan.FromMinutes(1));

        var inserted = t.Fake.InsertedSnapshot().Select(i => i.Text).ToList();
        Assert.Equal(2, inserted.Count);
        Assert.All(inserted, text => Assert.InRange(text.Length, 1, 200));
        Assert.StartsWith("Sondage : Tu es en quelle classe ? Réponds !1 3e · !2 2nde", inserted[0], StringComparison.Ordinal);
        Assert.Contains("!6 Autre chose", inserted[0], StringComparison.Ordinal);
        Assert.Equal("Résultat : Terminale 67 %, 3 votes", inserted[1]);
        Assert.EndsWith(":Résultat : Terminale 67 % · 3e 33 % · 2nde 0 % · 1re 0 % · Après le bac 0 % · Autre chose encore, plus long que les autres choix 0 %, 3 votes", twitch.Privmsgs[1].Line, StringComparison.Ordinal);
    }

    private static Task<YouTubeTestBot> StartAsync(FakeTwitchServer twitch)
    {
        var settings = twitch.BotSettings();
        settings["LocalChat:Enabled"] = "true";
        settings["YouTube:LiveChatId"] = "chat-1";
        settings["Dashboard:Token"] = Token;
        return StartAndJoinAsync(twitch, settings);
    }

    private const string Token = "jeton-de-test-sondages-0123456789";

    private static async Task<YouTubeTestBot> StartAndJoinAsync(FakeTwitchServer twitch, Dictionary<string, string> settings)
    {
        var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), settings);
        await twitch.WaitForJoinAsync("chan");
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        return t;
    }

    private static HttpClient Authorized(YouTubeTestBot t)
    {
        var client = new HttpClient { BaseAddress = t.Bot.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", t.Bot.Service<DashboardToken>().Value);
        return client;
    }
}
