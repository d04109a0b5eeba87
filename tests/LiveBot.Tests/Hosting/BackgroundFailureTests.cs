using LiveBot.Hosting;
using Microsoft.Extensions.Hosting;

namespace LiveBot.Tests.Hosting;

/// <summary>Issue 13: a background service that fails stops the bot with a non-zero exit code, said in French.</summary>
public sealed class BackgroundFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RunAsync_BackgroundServiceThrows_ExitCodeNonZeroWithFrenchMessage_Issue13()
    {
        var app = Build(b => b.Services.AddHostedService<FailingService>());
        using var error = new StringWriter();

        var code = await LiveBotApp.RunAsync(app, error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(LiveBotApp.BackgroundFailureExitCode, code);
        Assert.NotEqual(0, code);
        Assert.Contains("un service interne a échoué (", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NormalStop_ExitCode0_Issue13()
    {
        var app = Build(null);
        using var error = new StringWriter();
        app.Lifetime.ApplicationStarted.Register(() => app.Lifetime.StopApplication());

        var code = await LiveBotApp.RunAsync(app, error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, code);
        Assert.Empty(error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private WebApplication Build(Action<WebApplicationBuilder>? configure)
    {
        var configDir = Path.Combine(_folder, "config");
        Directory.CreateDirectory(configDir);
        return LiveBotApp.Build(
        [
            "--config-dir", configDir,
            "--urls", "http://127.0.0.1:0",
            "--Storage:Path", Path.Combine(_folder, "data", "livebot.db"),
            "--LocalChat:Console", "false",
            "--Logging:LogLevel:Default", "None",
        ], configure);
    }

    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }
    }
}
