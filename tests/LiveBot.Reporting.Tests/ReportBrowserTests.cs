using LiveBot.Reporting.Rendering;
using LiveBot.Reporting.Tests.Support;
using LiveBot.Testing.Reporting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Reporting.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ReportFile_ThreeHourLive_OpensOfflineOnLaptopAndA4WithChartsAndMap_Issue15()
    {
        using var lab = new ReportLab();
        SyntheticLive.Play(lab);
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, "rapport-3h.html");
        await File.WriteAllTextAsync(path, ReportHtml.Render(lab.Builder.Build(), lab.Time.GetUtcNow()));
        var context = await browser.NewContextAsync(1366, 768);
        try
        {
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            await page.GotoAsync(new Uri(path).AbsoluteUri);

            await Expect(page.Locator("h1")).ToHaveTextAsync("Rapport du live");
            await Expect(page.Locator("svg.chart")).ToHaveCountAsync(4);
            await Expect(page.Locator("svg.map")).ToHaveCountAsync(2);
            await Expect(page.Locator("svg.map path")).ToHaveCountAsync(202);
            await Expect(page.Locator("svg.chart title").First).ToHaveTextAsync("Activité du chat par minute");
            var width = await page.EvaluateAsync<double>("() => document.querySelector('svg.map').getBoundingClientRect().width");
            Assert.InRange(width, 300, 700);
            Assert.Equal([new Uri(path).AbsoluteUri], requests);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-3h-laptop.png"), FullPage = true });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-3h-haut.png") });
            await page.Locator("section:has(svg.map)").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-3h-carte.png") });
            await page.Locator("section:has(#jobs-title)").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-3h-metiers.png") });

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.SetViewportSizeAsync(794, 1123);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-3h-a4.png"), FullPage = true });
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
            Assert.True(pdf.Length > 10_000);
            var overflowing = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.sr-only')).slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class'))");
            Assert.Empty(overflowing);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task ReportPage_EmptyLive_ServedWithoutCspViolation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(bot.BaseAddress, "report?token=" + ReportBot.Token).AbsoluteUri);

            await Expect(page.Locator(".period")).ToHaveTextAsync("Aucune ligne de chat enregistrée : période vide.");
            await Expect(page.Locator("svg.map")).ToHaveCountAsync(2);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("rapport-vide.png"), FullPage = true });
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PresenterPage_StatistiquesTab_FollowsTheEventStream_Issue15()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(bot.BaseAddress, "?token=" + ReportBot.Token).AbsoluteUri);
            await Expect(page.Locator("#connection")).ToHaveTextAsync("en direct");
            await page.ClickAsync("#tab-stats");
            await Expect(page.Locator("#stats")).ToBeVisibleAsync();
            await Expect(page.Locator("#questions-view")).ToBeHiddenAsync();

            await bot.SayAsync("!offres boulanger Lyon", "alice");
            await bot.SayAsync("!offres coiffure Bordeaux", "bob");
            await bot.SayAsync("salut", "carol");
            time.Advance(TimeSpan.FromSeconds(10));

            await Expect(page.Locator("#stats-totals")).ToContainTextAsync("3 lignes");
            await Expect(page.Locator("#stats-timeline svg path")).ToHaveCountAsync(1);
            await Expect(page.Locator("#stats-jobs svg text").First).ToHaveTextAsync("boulanger");
            await Expect(page.Locator("#stats-places table")).ToContainTextAsync("Bordeaux");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("presentateurs-statistiques.png"), FullPage = true });
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));

            await page.ClickAsync("#tab-questions");
            await Expect(page.Locator("#questions-view")).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
