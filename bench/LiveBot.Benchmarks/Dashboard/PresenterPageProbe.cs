using Microsoft.Playwright;

namespace LiveBot.Benchmarks.Dashboard;

/// <summary>
/// The same measure taken inside a real presenter page in headless Debian Chromium: the page itself posts
/// the chat line (<c>fetch('/api/chat')</c>) and times, with <c>performance.now()</c>, until its DOM shows
/// the change (the new row, or the counter when the new row is below the 200 shown). Both ends on one
/// clock, rendering included.
/// </summary>
public sealed class PresenterPageProbe : IAsyncDisposable
{
    private const string Script = """
        async ({ user, text, waitFor }) => {
          const list = document.getElementById('question-list');
          const total = document.getElementById('count-total');
          const before = Number(total.textContent);
          const done = () => waitFor === 'row'
            ? Array.from(list.querySelectorAll('.text')).some(e => e.textContent === text)
            : Number(total.textContent) > before;
          const start = performance.now();
          const seen = new Promise(resolve => {
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now()); } });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          });
          const response = await fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, text: '!question ' + text }) });
          if (!response.ok) throw new Error('chat ' + response.status);
          return (await seen) - start;
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private PresenterPageProbe(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    public static async Task<PresenterPageProbe> OpenAsync(Uri baseAddress, string token)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await page.GotoAsync(baseAddress + "?token=" + Uri.EscapeDataString(token));
        await page.WaitForSelectorAsync("#connection[data-state='live']");
        return new PresenterPageProbe(playwright, browser, page);
    }

    /// <summary>Milliseconds from the page's POST to its DOM showing the question ("row") or the new total ("counter").</summary>
    public Task<double> AskAsync(string user, string text, string waitFor) =>
        _page.EvaluateAsync<double>(Script, new { user, text, waitFor });

    /// <summary>Reloads the page; milliseconds until the live feed is on and the snapshot is drawn.</summary>
    public async Task<double> ReloadAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _page.ReloadAsync();
        await _page.WaitForFunctionAsync(
            "() => document.getElementById('connection').dataset.state === 'live' && document.querySelectorAll('#question-list li').length > 0");
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
