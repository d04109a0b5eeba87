using LiveBot.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests;

/// <summary>Viewer text is shown as text on both pages: no element is made from it, no script runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class XssTests(BrowserFixture browser)
{
    private const string TextPayload =
        "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script><svg/onload=window.__xss='svg'> c'est grave ?";

    private const string NamePayload = "<svg onload=__xss=1>";

    [Fact]
    public async Task XssPayloads_InQuestionAndDisplayName_RenderInertOnPresenterPageAndOverlay()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync(NamePayload, TextPayload);
        var context = await browser.NewContextAsync(1920, 1080);
        try
        {
            var presenter = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            var overlay = await context.NewPageAsync();
            await overlay.GotoAsync(bot.BaseAddress + "overlay");

            await client.PostActionAsync(id, "onair");

            var item = presenter.Locator($"#question-list li[data-id='{id}']");
            await Expect(item.Locator(".text")).ToHaveTextAsync(TextPayload);
            await Expect(item.Locator(".author")).ToHaveTextAsync(NamePayload);
            await Expect(presenter.Locator("#onair-text")).ToHaveTextAsync(TextPayload);
            await Expect(overlay.Locator("#text")).ToHaveTextAsync(TextPayload);
            await Expect(overlay.Locator("#author")).ToHaveTextAsync(NamePayload);
            foreach (var page in new[] { presenter, overlay })
            {
                Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
                Assert.Equal(0, await page.Locator("script:not([src]), img[src='x'], svg").CountAsync());
                Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
            }

            await presenter.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("presenter-xss") });
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
