using System.Diagnostics;
using Microsoft.Playwright;

namespace LiveBot.Testing.Browser;

/// <summary>
/// Finds a Chromium-family browser for the browser tests, as a new user's machine has one: Debian's
/// <c>chromium</c>, Chrome, Edge, or Playwright's own. With none, it obtains one (Playwright's installer where
/// it can download; before it, <c>apt-get install -y chromium</c> on Debian as root), otherwise it stops with one line
/// saying what to install. <c>LIVEBOT_BROWSER</c> names a browser to use instead.
/// </summary>
public static class BrowserLocator
{
    public const string InstallHint =
        "No browser for the browser tests: install Chromium (Debian: apt-get install -y chromium), Chrome or Edge, or run: pwsh bin/Debug/net10.0/playwright.ps1 install chromium";

    private static readonly string[] KnownPaths =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/opt/google/chrome/chrome", "/usr/bin/microsoft-edge", "/usr/bin/microsoft-edge-stable", "/opt/microsoft/msedge/msedge",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), @"Google\Chrome\Application\chrome.exe"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), @"Microsoft\Edge\Application\msedge.exe"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), @"Microsoft\Edge\Application\msedge.exe"),
    ];

    /// <summary>Launches the first browser found, obtaining one when none is there.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, BrowserTypeLaunchOptions options)
    {
        if (Installed() is { } path)
        {
            return await playwright.Chromium.LaunchAsync(WithPath(options, path));
        }

        // Playwright's own Chromium, when it was installed before or its installer can download it now.
        if (await TryLaunchAsync(playwright, options) is { } own)
        {
            return own;
        }

        // Debian as root: the distribution's Chromium (what the README names); else Playwright's download.
        if (TryAptInstall() && Installed() is { } installed)
        {
            return await playwright.Chromium.LaunchAsync(WithPath(options, installed));
        }

        if (Microsoft.Playwright.Program.Main(["install", "chromium"]) == 0 && await TryLaunchAsync(playwright, options) is { } downloaded)
        {
            return downloaded;
        }

        throw new InvalidOperationException(InstallHint);
    }

    /// <summary>The path of a browser already on this machine, or null.</summary>
    public static string? Installed()
    {
        var chosen = Environment.GetEnvironmentVariable("LIVEBOT_BROWSER");
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(chosen) ? chosen : throw new InvalidOperationException($"LIVEBOT_BROWSER names {chosen}, which does not exist");
        }

        return KnownPaths.FirstOrDefault(p => p.Length > 0 && Path.IsPathRooted(p) && File.Exists(p));
    }

    private static BrowserTypeLaunchOptions WithPath(BrowserTypeLaunchOptions options, string path) =>
        new(options) { ExecutablePath = path };

    private static async Task<IBrowser?> TryLaunchAsync(IPlaywright playwright, BrowserTypeLaunchOptions options)
    {
        try
        {
            return await playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    /// <summary>Debian, as root: <c>apt-get install -y chromium</c>, one install at a time across test processes.</summary>
    private static bool TryAptInstall()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/etc/debian_version") || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return false;
        }

        var start = new ProcessStartInfo("flock")
        {
            ArgumentList = { "/tmp/livebot-browser-install.lock", "sh", "-c", "test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
