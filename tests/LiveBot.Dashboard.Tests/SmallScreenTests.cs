using System.Globalization;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Questions;
using LiveBot.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveBot.Dashboard.Tests;

/// <summary>
/// The presenter page on phones (320 x 640, 390 x 844), a tablet (768 x 1024), all three with touch, and a
/// laptop (1400 x 900). Screenshots land in TestResults/screenshots as artefacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreenTests(BrowserFixture browser)
{
    private const string Plain = "Combien gagne un apprenti boulanger pendant la première année de son contrat ?";
    private const string LongWord = "Le mot anticonstitutionnellementinterministériellementextraordinaire existe-t-il dans les contrats ?";
    private const string LongLink = "Vous avez lu https://www.exemple-de-site-vraiment-tres-long.fr/chemin/vers/une/page/sur/les/aides?source=direct&utm=live ?";
    private const string OnAir = "Peut-on changer d'entreprise pendant un contrat d'apprentissage sans tout perdre ?";

    /// <summary>Elements sticking out of the viewport sideways (inside a scrollable strip excepted), and the page's scroll width.</summary>
    private const string OverflowScript = """
        () => {
          const w = window.innerWidth;
          const inStrip = (el) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll') return true;
            }
            return false;
          };
          const outside = [];
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || !el.checkVisibility() || inStrip(el)) continue;
            if (r.right > w + 0.5 || r.left < -0.5) outside.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
          return { scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), outside };
        }
        """;

    /// <summary>Visible controls smaller than 44 x 44 CSS pixels.</summary>
    private const string SmallTargetsScript = """
        () => [...document.querySelectorAll('button, a[href], select, input, textarea, summary')]
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([e, r]) => r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true }))
          .filter(([e, r]) => r.width < 44 || r.height < 44)
          .map(([e, r]) => (e.id || e.className || e.tagName) + ' "' + e.textContent.trim().slice(0, 20) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height))
        """;

    /// <summary>Words of a question's text that the browser cut over two lines.</summary>
    private const string CutWordsScript = """
        (id) => {
          const node = document.querySelector(`li[data-id='${id}'] .text`).firstChild;
          const text = node.textContent, cut = [], re = /\S+/g;
          let m;
          while ((m = re.exec(text))) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            if ([...range.getClientRects()].filter(r => r.width > 0).length > 1) cut.push(m[0]);
          }
          return cut;
        }
        """;

    [Theory]
    [InlineData(320, 640, true)]
    [InlineData(390, 844, true)]
    [InlineData(768, 1024, true)]
    [InlineData(1400, 900, false)]
    public async Task PresenterPage_PhoneTabletLaptop_FitsTheWidthWithReadableTextAndTouchTargets_Issue16(int width, int height, bool touch)
    {
        await using var bot = await DashboardBot.StartAsync();
        var ids = await SeedAsync(bot);
        var context = await browser.NewContextAsync(width, height, touch);
        var name = $"issue16-{width}x{height}";
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(4);
            await Expect(page.Locator("#onair-text")).ToHaveTextAsync(OnAir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot(name + "-screen") });
            await WholePageScreenshotAsync(page, name, width, height);

            Assert.Equal(touch, await page.EvaluateAsync<bool>("() => matchMedia('(pointer: coarse)').matches"));
            await AssertFitsAsync(page, width);
            var phone = width < 600;
            if (phone)
            {
                foreach (var textWidth in await page.Locator("#question-list .text").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().width)"))
                {
                    Assert.True(textWidth >= 0.6 * width, $"question text {textWidth:0} px wide on a {width} px screen");
                }

                // The filters are folded on a phone, open elsewhere.
                await Expect(page.Locator("#filter-status")).ToBeHiddenAsync();
            }
            else
            {
                await Expect(page.Locator("#filter-status")).ToBeVisibleAsync();
            }

            Assert.Empty(await page.EvaluateAsync<string[]>(CutWordsScript, ids.Plain));
            Assert.Empty(await page.EvaluateAsync<string[]>(CutWordsScript, ids.OnAir));
            if (touch)
            {
                Assert.Empty(await page.EvaluateAsync<string[]>(SmallTargetsScript));
            }

            // The keyboard shortcut stays; stage mode fits every width too.
            await page.Locator("body").PressAsync("s");
            await Expect(page.Locator("body")).ToHaveClassAsync("stage");
            await WholePageScreenshotAsync(page, name + "-stage", width, height);
            await AssertFitsAsync(page, width);
            Assert.Empty(await page.EvaluateAsync<string[]>(CutWordsScript, ids.OnAir));
            Assert.True(await page.Locator("#onair-text").EvaluateAsync<double>("e => e.getBoundingClientRect().width") >= 0.6 * width);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    public async Task PresenterPage_TouchScreen_EveryActionWorksByTap_Issue16(int width, int height)
    {
        await using var bot = await DashboardBot.StartAsync();
        var queue = bot.Service<QuestionQueue>();
        var ids = await SeedAsync(bot);
        var context = await browser.NewContextAsync(width, height, touch: true);
        try
        {
            var page = await PresenterPageTests.OpenPresenterPageAsync(context, bot);
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(4);
            await Item(page, ids.Link).Locator(".text").TapAsync();
            await Expect(Item(page, ids.Link)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bselected\\b"));

            await Item(page, ids.Link).Locator("button[data-action='approve']").TapAsync();
            await Expect(Item(page, ids.Link)).ToHaveAttributeAsync("data-status", "approved");
            Assert.Equal(QuestionStatus.Approved, queue.Get(ids.Link)?.Status);

            await Item(page, ids.Plain).Locator("button[data-action='onair']").TapAsync();
            await Expect(page.Locator("#onair-text")).ToHaveTextAsync(Plain);
            await Item(page, ids.Plain).Locator("button[data-action='answered']").TapAsync();
            await Expect(page.Locator("#count-answered")).ToHaveTextAsync("2");
            Assert.Equal(QuestionStatus.Answered, queue.Get(ids.Plain)?.Status);

            await page.Locator(".counter[data-filter='answered']").TapAsync();
            await Item(page, ids.Plain).Locator("button[data-action='hide']").TapAsync();
            await Expect(page.Locator("#count-hidden")).ToHaveTextAsync("1");
            await page.Locator(".counter[data-filter='hidden']").TapAsync();
            await Item(page, ids.Plain).Locator("button[data-action='restore']").TapAsync();
            await Expect(page.Locator("#count-hidden")).ToHaveTextAsync("0");
            Assert.Equal(QuestionStatus.Answered, queue.Get(ids.Plain)?.Status);

            if (!await page.Locator("#filter-platform").IsVisibleAsync())
            {
                await page.Locator("#filters-fold summary").TapAsync();
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot($"issue16-{width}x{height}-filters") });
            await page.SelectOptionAsync("#filter-status", "all");
            await page.SelectOptionAsync("#filter-platform", "twitch");
            await Expect(page.Locator("#empty")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#filter-platform", "");
            await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(4);

            await page.Locator("#stage-toggle").TapAsync();
            await Expect(page.Locator("body")).ToHaveClassAsync("stage");
            await page.Locator("#stage-toggle").TapAsync();
            await Expect(page.Locator("body")).Not.ToHaveClassAsync("stage");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export").TapAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            await Expect(page.Locator("#overlay-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/overlay\\?key="));
            var overlay = await context.RunAndWaitForPageAsync(() => page.Locator("#overlay-link").TapAsync());
            Assert.Contains("/overlay?key=", overlay.Url, StringComparison.Ordinal);
            await overlay.CloseAsync();

            await TestChatByTapAsync(page, width, height);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// The test chat on a touch screen: the on-screen keyboard shrinks the viewport (the page asks for
    /// <c>interactive-widget=resizes-content</c>); the field and the send button must stay in sight.
    /// </summary>
    private static async Task TestChatByTapAsync(IPage page, int width, int height)
    {
        var field = page.Locator("#test-chat-text");
        await field.TapAsync();
        var keyboardOpen = height * 55 / 100;
        await page.SetViewportSizeAsync(width, keyboardOpen);
        await AssertInSightAsync(page, "#test-chat-text");
        await AssertInSightAsync(page, "#test-chat-form button");

        await page.FillAsync("#test-chat-user", "zoé");
        await field.FillAsync("!question Une question tapée au doigt dans le chat de test ?");
        await page.Locator("#test-chat-form button").TapAsync();
        await Expect(page.Locator("#test-chat-log li.bot").Last).ToContainTextAsync("bien reçue");
        await Expect(page.Locator("#question-list li.question")).ToHaveCountAsync(5); // the page grew above the box
        await AssertInSightAsync(page, "#test-chat-text");
        await AssertInSightAsync(page, "#test-chat-log li.bot", last: true);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot($"issue16-{width}x{height}-keyboard") });
        await AssertFitsAsync(page, width);
    }

    /// <summary>Waits until the whole of the first (or last) element matching <paramref name="selector"/> is inside the viewport.</summary>
    private static Task AssertInSightAsync(IPage page, string selector, bool last = false) =>
        page.WaitForFunctionAsync(
            """
            ([selector, last]) => {
              const all = document.querySelectorAll(selector);
              const r = all[last ? all.length - 1 : 0].getBoundingClientRect();
              return r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.left >= -1 && r.right <= window.innerWidth + 1; // scrolling snaps to whole pixels
            }
            """,
            new object[] { selector, last });

    /// <summary>
    /// The whole page as on a very tall screen of the same width (Playwright's full-page screenshots drop
    /// the touch emulation, so they would show desktop-sized controls).
    /// </summary>
    private static async Task WholePageScreenshotAsync(IPage page, string name, int width, int height)
    {
        var full = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(width, Math.Max(height, full));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot(name) });
        await page.SetViewportSizeAsync(width, height);
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var fit = await page.EvaluateAsync<Fit>(OverflowScript);
        Assert.Empty(fit.Outside);
        Assert.True(fit.ScrollWidth <= width, $"page {fit.ScrollWidth} px wide on a {width} px screen");
    }

    private static ILocator Item(IPage page, int id) => page.Locator($"#question-list li[data-id='{id.ToString(CultureInfo.InvariantCulture)}']");

    /// <summary>A plain question, one with a very long word, one held for its link, one on air.</summary>
    private static async Task<(int Plain, int LongWord, int Link, int OnAir)> SeedAsync(BotHost bot)
    {
        var plain = await bot.AskAsync("alice", Plain);
        var longWord = await bot.AskAsync("bob", LongWord);
        var link = await bot.AskAsync("chloé_apprentie_du_93", LongLink);
        var onAir = await bot.AskAsync("dan", OnAir);
        using var client = bot.Authorized();
        await client.PostActionAsync(onAir, "onair");
        Assert.True(bot.Service<QuestionQueue>().Get(link)?.Held);
        return (plain, longWord, link, onAir);
    }

    private sealed class Fit
    {
        public double ScrollWidth { get; set; }

        public string[] Outside { get; set; } = [];
    }
}
