using LiveBot.Check;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Check.Tests;

/// <summary>
/// The real <c>check</c> command at host level (the same entry point as <c>livebot check</c>), in a temp
/// folder of its own: config/, data/, settings as on the command line, optionally a fake clock.
/// </summary>
public sealed class CheckRun : IDisposable
{
    public CheckRun()
    {
        Directory.CreateDirectory(ConfigDir);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    public string ConfigDir => Path.Combine(Folder, "config");

    public string DataDir => Path.Combine(Folder, "data");

    public string DatabasePath => Path.Combine(DataDir, "livebot.db");

    public Task WriteConfigAsync(string name, string content) => File.WriteAllTextAsync(Path.Combine(ConfigDir, name), content);

    /// <summary>The base arguments: this folder's config and database, port 0 unless <c>urls</c> is in the settings.</summary>
    public string[] Arguments(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var args = new List<string> { "--config-dir", ConfigDir, "--Storage:Path", DatabasePath, "--LocalChat:Console", "false" };
        if (settings?.ContainsKey("urls") != true)
        {
            args.AddRange(["--urls", "http://127.0.0.1:0"]);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add("--" + key);
            args.Add(value ?? string.Empty);
        }

        return args.ToArray();
    }

    /// <summary>Runs <c>check</c> and returns its exit code and printed lines.</summary>
    public async Task<CheckResult> RunAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        using var output = new StringWriter();
        Action<WebApplicationBuilder>? configure = time is null ? null : b => b.Services.AddSingleton(time);
        var exit = await CheckCommand.RunAsync(Arguments(settings), output, configure, CancellationToken.None);
        return new CheckResult(exit, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What <c>check</c> printed, and its exit code.</summary>
public sealed record CheckResult(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The checklist line of <paramref name="point"/> with its symbol ("✗ Port : …").</summary>
    public string Line(string symbol, string point) =>
        Lines.FirstOrDefault(l => l.StartsWith($"{symbol} {point} : ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line « {symbol} {point} : … » in:\n{Output}");

    /// <summary>The "→ what to do" line right after the line of <paramref name="point"/>.</summary>
    public string FixAfter(string symbol, string point)
    {
        var lines = Lines.ToList();
        var at = lines.IndexOf(Line(symbol, point));
        return at + 1 < lines.Count && lines[at + 1].StartsWith('→') ? lines[at + 1] : throw new Xunit.Sdk.XunitException($"no fix after « {point} » in:\n{Output}");
    }
}
