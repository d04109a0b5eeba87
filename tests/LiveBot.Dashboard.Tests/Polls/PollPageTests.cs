using LiveBot.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests.Polls;

[Collection(BrowserCollection.Name)]
public sealed class PollPageTests(BrowserFixture browser)
{
    private const string Payload = "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script>";

    [Fact]
    public async Task Overlay_OpenPoll_AnimatedBarsWithPercentThenResultThenLeaves_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync(settings: new Dictionary<string, string> { ["Polls:ResultShownFor"] = "00:00:02" });
        using var client = bot.Authorized();
        var id = await bot.AskAsync("Léa", "Une question à l'antenne pendant le sondage ?");
        await client.PostActionAsync(id, "onair");
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(bot.BaseAddress + "overlay");
            var pollOnly = await context.NewPageAsync();
            await pollOnly.GotoAsync(bot.BaseAddress + "overlay?show=poll");
            await Expect(page.Locator("#card")).ToHaveClassAsync("card shown");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-poll", "none");

            (await client.PostAsync("api/polls", Json("""{"question":"Tu es en quelle classe ?","choices":["3e","2nde","Terminale"]}"""))).EnsureSuccessStatusCode();
            await bot.SayAsync("!3", "alice");
            await bot.SayAsync("!3", "bob");
            await bot.SayAsync("!1", "carl");
            await bot.SayAsync("!3", "dana");

            foreach (var p in new[] { page, pollOnly })
            {
                await Expect(p.Locator("#poll")).ToHaveClassAsync("poll shown");
                await Expect(p.Locator("#poll-question")).ToHaveTextAsync("Tu es en quelle classe ?");
                await Expect(p.Locator("#poll-bars li")).ToHaveCountAsync(3);
                await Expect(p.Locator("#poll-bars li").Nth(2).Locator(".poll-percent")).ToHaveTextAsync("75 %");
                await Expect(p.Locator("#poll-bars li").Nth(0).Locator(".poll-votes")).ToHaveTextAsync("1");
                await Expect(p.Locator("#poll-total")).ToHaveTextAsync("4 votes");
            }

            await Expect(pollOnly.Locator("#card")).Not.ToHaveClassAsync("card shown");
            await Expect(pollOnly.Locator("#text")).ToHaveTextAsync("");
            var fill = page.Locator("#poll-bars li").Nth(2).Locator(".poll-fill");
            await fill.EvaluateAsync("f => Promise.all(f.getAnimations().map(a => a.finished))");
            var width = await fill.EvaluateAsync<double>("f => f.getBoundingClientRect().width / f.parentElement.getBoundingClientRect().width");
            Assert.InRange(width, 0.74, 0.76);
            Assert.Equal("width", await fill.EvaluateAsync<string>("f => getComputedStyle(f).transitionProperty"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("overlay-poll"), OmitBackground = true });

            (await client.PostAsync("api/polls/1/close", null)).EnsureSuccessStatusCode();
            await Expect(page.Locator("#poll-heading")).ToHaveTextAsync("Résultat");
            await Expect(page.Locator("#poll-bars li.winner .poll-text")).ToHaveTextAsync("Terminale");
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-poll", "none");
            await Expect(page.Locator("#poll")).ToHaveClassAsync("poll");
            foreach (var p in new[] { page, pollOnly })
            {
                Assert.Empty(await p.EvaluateAsync<string[]>("() => window.__cspViolations"));
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_StartFromPanelVotesLiveSplitOnHoverCloseListed_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            await page.FillAsync("#poll-question", "Tu connais l'apprentissage en BTS ?");
            var choices = page.Locator(".poll-choice");
            await choices.Nth(0).FillAsync("oui");
            await choices.Nth(1).FillAsync("non");
            await choices.Nth(2).FillAsync("un peu");
            await page.SelectOptionAsync("#poll-duration", "");
            await page.ClickAsync("#poll-start");

            await Expect(page.Locator("#poll-live")).ToBeVisibleAsync();
            await Expect(page.Locator("#poll-form")).ToBeHiddenAsync();
            await bot.SayAsync("!1", "alice");
            await bot.SayAsync("!3", "bob");
            await bot.SayAsync("!1", "carl");
            var first = page.Locator("#poll-live-bars li").Nth(0);
            await Expect(first.Locator(".poll-count")).ToHaveTextAsync("2 · 67 %");
            await Expect(page.Locator("#poll-live-meta")).ToHaveTextAsync("3 votes · sans limite de temps");
            await Expect(first).ToHaveAttributeAsync("title", "Chat de test 2");
            await first.HoverAsync();
            await Expect(first.Locator(".poll-split")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("presenter-poll"), FullPage = true });

            await page.ClickAsync("#poll-close");
            await Expect(page.Locator("#poll-form")).ToBeVisibleAsync();
            await Expect(page.Locator("#poll-closed-count")).ToHaveTextAsync("1");
            await page.ClickAsync("#poll-history summary");
            await Expect(page.Locator("#poll-closed-list li.poll-closed .poll-question")).ToHaveTextAsync("#1 · Tu connais l'apprentissage en BTS ? (3 votes)");
            Assert.Null(bot.Service<LiveBot.Polls.PollBox>().Current);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task XssPayloads_InQuestionAndChoices_RenderInertOnPageAndOverlay_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var presenter = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            var overlay = await context.NewPageAsync();
            await overlay.GotoAsync(bot.BaseAddress + "overlay?show=poll");
            await bot.SayAsync("!sondage " + Payload + " ? | <svg/onload=window.__xss='svg'> | <b>gras</b>", "modo", "moderator");
            await bot.SayAsync("!2", "alice");

            await Expect(presenter.Locator("#poll-live-question")).ToHaveTextAsync("#1 · " + Payload + " ?");
            await Expect(presenter.Locator("#poll-live-bars li .poll-label").Nth(0)).ToHaveTextAsync("!1 <svg/onload=window.__xss='svg'>");
            await Expect(overlay.Locator("#poll-question")).ToHaveTextAsync(Payload + " ?");
            await Expect(overlay.Locator("#poll-bars .poll-text").Nth(1)).ToHaveTextAsync("<b>gras</b>");
            foreach (var page in new[] { presenter, overlay })
            {
                Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
                Assert.Equal(0, await page.Locator("script:not([src]), img[src='x'], svg, #poll-bars b:not(.poll-number), .poll-label b:not(:first-child)").CountAsync());
                Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
