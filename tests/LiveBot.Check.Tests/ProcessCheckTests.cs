using System.Diagnostics;
using LiveBot.Hosting;
using LiveBot.Offers.Tests.Mirror;

namespace LiveBot.Check.Tests;

/// <summary><c>livebot check</c> as a real process (the real LiveBot.dll): exit code and printed checklist.</summary>
public sealed class ProcessCheckTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly CheckRun _run = new();

    [Fact]
    public async Task CheckProcess_DemoSetUp_PrintsChecklistExitCode0_Issue11()
    {
        var (exit, output) = await RunProcessAsync(_run.Arguments());

        Assert.Equal(0, exit);
        Assert.Contains("Vérification avant le direct", output, StringComparison.Ordinal);
        Assert.Contains("✓ Configuration : ", output, StringComparison.Ordinal);
        Assert.Contains("⚠ Offres : source Demo", output, StringComparison.Ordinal);
        Assert.Contains("Prêt pour le direct", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckProcess_OffersKeyRefused_FailedLineWithFixExitCode1_Issue11()
    {
        await using var api = await FakeApiAlternance.StartAsync();
        var args = _run.Arguments(new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = api.Api.BaseUri + "api/",
        });

        // The key comes from the environment, as on a server.
        var (exit, output) = await RunProcessAsync(args, ("Offers__ApiAlternance__ApiKey", "not-the-key"));

        Assert.Equal(1, exit);
        Assert.Contains("✗ Offres : API Alternance refuse les identifiants (401)\n    → vérifiez Offers:ApiAlternance:ApiKey", output, StringComparison.Ordinal);
        Assert.Contains("Pas prêt : 1 point à corriger (✗)", output, StringComparison.Ordinal);
    }

    public void Dispose() => _run.Dispose();

    private async Task<(int Exit, string Output)> RunProcessAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _run.Folder,
        };
        info.ArgumentList.Add(typeof(LiveBotApp).Assembly.Location);
        info.ArgumentList.Add("check");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, (await stdout).Replace("\r\n", "\n", StringComparison.Ordinal) + await stderr);
    }
}
