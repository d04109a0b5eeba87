using LiveBot.Dashboard.Tests.Support;
using LiveBot.Questions;
using LiveBot.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PresenterPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PresenterPage_QuestionAskedInChat_AppearsLiveThroughSse()
    {
        await using var bot = await DashboardBot.StartAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#empty")).ToBeVisibleAsync();

            await bot.AskAsync("Inès", "Est-ce qu'on peut faire un apprentissage à l'étranger ?");
            await bot.AskAsync("Yanis", "Quels métiers recrutent le plus d'apprentis en ce moment ?");
            await bot.SayAsync("!vote 2", "Camille");

            var items = page.Locator("#question-list li.question");
            await Expect(items).ToHaveCountAsync(2);
            await Expect(items.Nth(0).Locator(".text")).ToHaveTextAsync("Quels métiers recrutent le plus d'apprentis en ce moment ?");
            await Expect(items.Nth(0).Locator(".vote-count")).ToHaveTextAsync("1");
            await Expect(items.Nth(1).Locator(".author")).ToHaveTextAsync("Inès");
            await Expect(page.Locator("#count-approved")).ToHaveTextAsync("2");
            await Expect(page.Locator("#count-total")).ToHaveTextAsync("2");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("presenter-page"), FullPage = true });
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_KeyboardShortcutsJKEnterAH_MoveAndChangeTheQueue()
    {
        await using var bot = await DashboardBot.StartAsync();
        var queue = bot.Service<QuestionQueue>();
        var first = await bot.AskAsync("alice", "Première question sur les contrats d'apprentissage ?");
        var second = await bot.AskAsync("bob", "Deuxième question : combien de jours en centre de formation ?");
        var third = await bot.AskAsync("chloé", "Troisième question, sur l'aide à l'embauche des apprentis ?");
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);
            var selected = page.Locator("#question-list li.selected");
            await Expect(selected).ToHaveAttributeAsync("data-id", first.ToString(System.Globalization.CultureInfo.InvariantCulture));

            await page.Keyboard.PressAsync("j");
            await page.Keyboard.PressAsync("j");
            await page.Keyboard.PressAsync("k");
            await Expect(selected).ToHaveAttributeAsync("data-id", second.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator($"#question-list li[data-id='{second}']")).ToHaveAttributeAsync("data-status", "onair");
            await Expect(page.Locator("#onair-text")).ToHaveTextAsync("Deuxième question : combien de jours en centre de formation ?");
            Assert.Equal(QuestionStatus.OnAir, queue.Get(second)?.Status);

            await page.Keyboard.PressAsync("a");
            await Expect(page.Locator("#count-answered")).ToHaveTextAsync("1");
            Assert.Equal(QuestionStatus.Answered, queue.Get(second)?.Status);
            await Expect(page.Locator("#onair-panel")).ToBeHiddenAsync();

            // The answered question left the open list: the selection moved to a neighbour; go to the last one.
            await page.Keyboard.PressAsync("j");
            await Expect(selected).ToHaveAttributeAsync("data-id", third.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("h");
            await Expect(page.Locator("#count-hidden")).ToHaveTextAsync("1");
            Assert.Equal(QuestionStatus.Hidden, queue.Get(third)?.Status);
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(1);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_FiltersStageModeAndTestChat_Work()
    {
        await using var bot = await DashboardBot.StartAsync();
        var hidden = await bot.AskAsync("alice", "Question masquée sur la rémunération des apprentis ?");
        await bot.AskAsync("bob", "Question ouverte : peut-on être apprenti dans le public ?");
        bot.Service<QuestionQueue>().Hide(hidden);
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(1);

            await page.SelectOptionAsync("#filter-status", "hidden");
            await Expect(page.Locator("#question-list li.question .text")).ToHaveTextAsync("Question masquée sur la rémunération des apprentis ?");
            await page.SelectOptionAsync("#filter-status", "all");
            await page.SelectOptionAsync("#filter-platform", "twitch");
            await Expect(page.Locator("#empty")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#filter-platform", "");
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(2);

            await page.FillAsync("#test-chat-user", "modo");
            await page.SelectOptionAsync("#test-chat-role", "moderator");
            await page.FillAsync("#test-chat-text", $"!q ok {hidden}");
            await page.ClickAsync("#test-chat-form button");
            await Expect(page.Locator("#test-chat-log li.bot")).ToContainTextAsync("masquée"); // a moderator's command, refused on a hidden one
            Assert.Equal(QuestionStatus.Hidden, bot.Service<QuestionQueue>().Get(hidden)?.Status);
            await page.SelectOptionAsync("#test-chat-role", "viewer");
            await page.FillAsync("#test-chat-user", "zoé");
            await page.FillAsync("#test-chat-text", "!question Une question tapée dans le chat de test de la page ?");
            await page.ClickAsync("#test-chat-form button");
            await Expect(page.Locator("#test-chat-log li.bot").Last).ToContainTextAsync("bien reçue");
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(3);

            await page.Locator("body").PressAsync("s");
            await Expect(page.Locator("body")).ToHaveClassAsync("stage");
            await page.Locator("#question-list li.question .text").Last.ClickAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#onair-panel")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("presenter-stage-mode") });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_BotRestarted_ReconnectsByItselfAndCatchesUpFromSnapshot()
    {
        var bot = await DashboardBot.StartAsync();
        var stopped = false;
        var port = bot.BaseAddress.Port;
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);
            await bot.AskAsync("alice", "Question posée avant le redémarrage du bot ?");
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(1);

            stopped = true;
            await bot.DisposeAsync();
            await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live");
            await using var restarted = await DashboardBot.StartAsync(port: port);
            await restarted.AskAsync("bob", "Question posée pendant que la page était coupée ?");

            await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
            await Expect(page.Locator("#question-list li.question .text")).ToHaveTextAsync("Question posée pendant que la page était coupée ?");
        }
        finally
        {
            await context.CloseAsync();
            if (!stopped)
            {
                await bot.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PresenterPage_BrokenModeratorsFile_ErrorShownLive()
    {
        await using var bot = await DashboardBot.StartAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#config-errors")).ToBeHiddenAsync();

            await File.WriteAllTextAsync(Path.Combine(bot.ConfigDir, "commands.json"), "{ \"commands\": [ { \"name\": \"<img src=x onerror=window.__xss=1>\" ");

            await Expect(page.Locator("#config-errors")).ToBeVisibleAsync();
            await Expect(page.Locator("#config-error-list li")).ToContainTextAsync("commands.json");
            Assert.False(await page.EvaluateAsync<bool>("() => window.__xss !== undefined"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_LocalChatDisabled_HidesTestChatBox()
    {
        await using var bot = await DashboardBot.StartAsync(settings: new Dictionary<string, string> { ["LocalChat:Enabled"] = "false" });
        var context = await browser.NewContextAsync();
        try
        {
            var page = await OpenPresenterPageAsync(context, bot);

            await Expect(page.Locator("#test-chat")).ToBeHiddenAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_NoToken_ShowsHowToGetIn()
    {
        await using var bot = await DashboardBot.StartAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(bot.BaseAddress.ToString());

            Assert.Equal(401, response?.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page réservée aux présentateurs");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Opens the start-up link (token in the query), as a presenter does, and waits for the live feed.</summary>
    internal static async Task<IPage> OpenPresenterPageAsync(IBrowserContext context, BotHost bot)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(bot.BaseAddress + "?token=" + DashboardBot.Token);
        Assert.Equal(bot.BaseAddress.ToString(), page.Url);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }
}
