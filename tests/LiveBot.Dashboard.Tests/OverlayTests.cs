using LiveBot.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OverlayTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overlay_QuestionPutOnAir_ShownWithoutTokenThenLeavesWhenAnswered()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("Léa", "Est-ce que l'apprentissage compte pour la retraite ?");
        await bot.AskAsync("Noah", "Une autre question qui n'est pas à l'antenne, elle.");
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(bot.BaseAddress + "overlay?theme=light");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "empty");
            Assert.Equal("light", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
            Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));

            await client.PostActionAsync(id, "onair");

            await Expect(page.Locator("#card")).ToHaveClassAsync("card shown");
            await Expect(page.Locator("#text")).ToHaveTextAsync("Est-ce que l'apprentissage compte pour la retraite ?");
            await Expect(page.Locator("#author")).ToHaveTextAsync("Léa");
            await Expect(page.Locator("#platform")).ToHaveAttributeAsync("alt", "Chat de test");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("Une autre question");
            await page.Locator("#card").EvaluateAsync("card => Promise.all(card.getAnimations().map(a => a.finished))");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overlay-light"), OmitBackground = true });

            await client.PostActionAsync(id, "answered");

            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "empty");
            await Expect(page.Locator("#card")).ToHaveClassAsync("card");
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Overlay_BotRestarted_ReconnectsAndShowsTheNewOnAirQuestion()
    {
        var bot = await DashboardBot.StartAsync();
        var stopped = false;
        var port = bot.BaseAddress.Port;
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(bot.BaseAddress + "overlay");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "empty");

            stopped = true;
            await bot.DisposeAsync();
            await using var restarted = await DashboardBot.StartAsync(port: port);
            using var client = restarted.Authorized();
            var id = await restarted.AskAsync("Sacha", "Question mise à l'antenne après le redémarrage du bot ?");
            await client.PostActionAsync(id, "onair");

            await Expect(page.Locator("#text")).ToHaveTextAsync("Question mise à l'antenne après le redémarrage du bot ?");
            await Expect(page.Locator("#card")).ToHaveClassAsync("card shown");
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
    public async Task Overlay_DarkTheme_ShowsOnAirQuestionForScreenshot()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("Mathis", "Bonjour ! Est-ce qu'un apprenti peut partir en Erasmus pendant son contrat, et qui paie le voyage ?");
        await client.PostActionAsync(id, "onair");
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(bot.BaseAddress + "overlay?theme=dark");

            await Expect(page.Locator("#card")).ToHaveClassAsync("card shown");
            Assert.Equal("dark", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
            await page.Locator("#card").EvaluateAsync("card => Promise.all(card.getAnimations().map(a => a.finished))");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overlay-dark"), OmitBackground = true });
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
