using LiveBot.Check;
using LiveBot.Check.Probes;
using LiveBot.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests;

/// <summary>The "Préparation du direct" panel of the presenter page in real Chromium, on GET/POST /api/check.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckPanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task CheckPanel_LastRunThenBrokenFileAndButton_ShowsLinesThenFailedLineWithFix_Issue11()
    {
        await using var bot = await DashboardBot.StartAsync();
        using (var api = bot.Authorized())
        using (var ran = await api.PostAsync("api/check", null))
        {
            ran.EnsureSuccessStatusCode(); // an organiser's script ran the check before the page was opened
        }

        var context = await browser.NewContextAsync();
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            var panel = page.Locator("#check-panel");
            await Expect(panel.Locator("#check-summary")).ToContainTextAsync("Prêt pour le direct");
            await Expect(panel).ToHaveAttributeAsync("data-state", "warning");
            await panel.Locator("summary").ClickAsync();

            var lines = page.Locator("#check-lines li.check-line");
            await Expect(Line(page, "ok", ConfigurationProbe.Name)).ToContainTextAsync("✓ Configuration : ");
            await Expect(Line(page, "warning", OffersProbe.Name)).ToContainTextAsync("⚠ Offres : source Demo");
            await Expect(Line(page, "warning", PlatformsProbe.Name)).ToContainTextAsync("ni Twitch ni YouTube");
            await Expect(Line(page, "warning", PlatformsProbe.Name).Locator(".check-fix")).ToContainTextAsync("→ activez Twitch:Enabled");
            await Expect(page.Locator("#check-lines li[data-status='failed']")).ToHaveCountAsync(0);
            await Expect(page.Locator("#check-run")).ToHaveTextAsync("Relancer la vérification");

            // A moderator breaks a file (its name tries to inject markup); the presenters run the check again.
            await File.WriteAllTextAsync(Path.Combine(bot.ConfigDir, "commands.json"), "{ \"commands\": [ { \"name\": \"<img src=x onerror=window.__xss=1>\" ");
            await Expect(page.Locator("#config-errors")).ToBeVisibleAsync();
            await page.ClickAsync("#check-run");

            var failed = Line(page, "failed", ConfigurationProbe.Name);
            await Expect(failed).ToContainTextAsync("✗ Configuration : ");
            await Expect(failed.Locator(".check-found")).ToContainTextAsync("commands.json");
            await Expect(failed.Locator(".check-fix")).ToContainTextAsync("→ corrigez le fichier");
            await Expect(panel).ToHaveAttributeAsync("data-state", "failed");
            await Expect(panel.Locator("#check-summary")).ToContainTextAsync("Pas prêt : 1 point à corriger");
            await Expect(page.Locator("#check-run")).ToBeEnabledAsync();
            Assert.Equal(await lines.CountAsync(), bot.Service<PreLiveCheck>().Last!.Lines.Count);
            Assert.Equal(0, await page.Locator("#check-lines img").CountAsync());
            Assert.False(await page.EvaluateAsync<bool>("() => window.__xss !== undefined"));
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("presenter-check-panel"), FullPage = true });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task CheckPanel_NeverRun_SaysSoAndButtonRunsIt_Issue11()
    {
        await using var bot = await DashboardBot.StartAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            var panel = page.Locator("#check-panel");
            await Expect(panel.Locator("#check-summary")).ToContainTextAsync("pas encore vérifiée");
            await panel.Locator("summary").ClickAsync();
            await Expect(page.Locator("#check-status")).ToContainTextAsync("Aucune vérification depuis le démarrage du bot");
            await Expect(page.Locator("#check-lines li")).ToHaveCountAsync(0);

            await page.ClickAsync("#check-run");

            await Expect(Line(page, "warning", OffersProbe.Name)).ToBeVisibleAsync();
            await Expect(Line(page, "ok", LinksProbe.PageName)).ToBeVisibleAsync();
            await Expect(page.Locator("#check-status")).ToBeHiddenAsync();
            await Expect(panel.Locator("#check-summary")).ToContainTextAsync("Prêt pour le direct");
            Assert.NotNull(bot.Service<PreLiveCheck>().Last);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task CheckPanel_EnterOnItsTitle_OpensThePanelWithoutSendingAQuestionOnAir_Issue11()
    {
        await using var bot = await DashboardBot.StartAsync();
        var asked = await bot.AskAsync("alice", "Une question qui ne doit pas passer à l'antenne par erreur ?");
        var context = await browser.NewContextAsync();
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#question-list li.selected")).ToHaveCountAsync(1);

            await page.Locator("#check-panel summary").FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.Locator("#check-run")).ToBeVisibleAsync();
            await page.Locator("#check-panel summary").PressAsync("Enter");
            await Expect(page.Locator("#check-run")).ToBeHiddenAsync();
            await Expect(page.Locator("#onair-panel")).ToBeHiddenAsync();
            Assert.Equal(LiveBot.Questions.QuestionStatus.Approved, bot.Service<LiveBot.Questions.QuestionQueue>().Get(asked)?.Status);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static ILocator Line(IPage page, string status, string point) =>
        page.Locator($"#check-lines li.check-line[data-status='{status}']").Filter(new LocatorFilterOptions { Has = page.Locator(".check-point", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(point) + "$") }) });
}
