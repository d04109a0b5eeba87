using System.Diagnostics;
using LiveBot.Hosting;

namespace LiveBot.Tests.Hosting;

/// <summary>The bot as a child process (the real LiveBot.dll), for exit codes and kill -9.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private BotProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException("bot exited: " + Output));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts LiveBot.dll with <paramref name="configDir"/> and <paramref name="databasePath"/>.</summary>
    public static BotProcess Start(string configDir, string databasePath, params string[] extraArgs)
    {
        var dll = typeof(LiveBotApp).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configDir)!,
        };
        foreach (var arg in new[] { dll, "--config-dir", configDir, "--urls", "http://127.0.0.1:0", "--Storage:Path", databasePath, "--Logging:LogLevel:Default", "Warning" }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Start();
        return new BotProcess(process);
    }

    /// <summary>The address from the start-up line, once the bot listens.</summary>
    public Task<Uri> Ready => _ready.Task;

    public void Kill() => Process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        const string marker = "Page des présentateurs : ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var url = new Uri(line[(at + marker.Length)..].Trim());
            _ready.TrySetResult(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"));
        }
    }
}
