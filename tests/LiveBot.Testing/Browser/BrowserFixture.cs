using Microsoft.Playwright;
using Xunit;

namespace LiveBot.Testing.Browser;

/// <summary>
/// One headless Chromium-family browser (see <see cref="BrowserLocator"/>) shared by every browser test of a test
/// project. xunit needs the collection definition in the test assembly itself: each project declares its own
/// <c>[CollectionDefinition]</c> over this fixture.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are kept as test artifacts (under the test output folder, git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserLocator.LaunchAsync(_playwright, new BrowserTypeLaunchOptions
        {
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) whose pages record any script the XSS payloads manage to run.</summary>
    /// <param name="touch">A phone or tablet: touch screen and mobile viewport (the page's viewport declaration applies).</param>
    public async Task<IBrowserContext> NewContextAsync(int width = 1440, int height = 900, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        return context;
    }

    /// <summary>The path of a screenshot; ".png" is added when the name has no extension.</summary>
    public static string Screenshot(string name) => Path.Combine(ScreenshotFolder, Path.HasExtension(name) ? name : name + ".png");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
