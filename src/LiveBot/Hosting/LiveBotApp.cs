using LiveBot.Chat.Local;
using LiveBot.Check;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using LiveBot.Dashboard;
using LiveBot.Metrics;
using LiveBot.Offers;
using LiveBot.Polls;
using LiveBot.Questions;
using LiveBot.Reporting;
using LiveBot.Twitch;
using LiveBot.YouTube;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveBot.Hosting;

/// <summary>Builds the whole bot; Program.cs and the host-level tests both go through here.</summary>
public static class LiveBotApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string ConfigDirEnvironmentVariable = "LIVEBOT_CONFIG_DIR";

    /// <summary>
    /// Reads <c>--config-dir DIR</c> (or LIVEBOT_CONFIG_DIR, default ./config), then appsettings.json of that
    /// folder, user-secrets, environment variables and the command line, in rising priority. Loads every
    /// moderators' file: an invalid one throws <see cref="ConfigFileException"/>, invalid settings throw
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var (configDir, rest) = ExtractConfigDir(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ContentRootPath = Directory.GetCurrentDirectory() });
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [HostAllowList.ConfigKey] = HostAllowList.Loopback });
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddEnvironmentVariables("DOTNET_");
        configuration.AddJsonFile(Path.GetFullPath(Path.Combine(configDir, "appsettings.json")), optional: true, reloadOnChange: false);
        configuration.AddUserSecrets(typeof(LiveBotApp).Assembly, optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(rest);
        if (string.IsNullOrEmpty(configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddSingleton(new ConfigDirectory(Path.GetFullPath(configDir)));
        builder.Services
            .AddChatCommands(EmbeddedDefaults.CommandsJson)
            .AddLocalChat(configuration)
            .AddTwitchChat(configuration)
            .AddYouTubeChat(configuration)
            .AddQuestionQueue(configuration)
            .AddPolls(configuration)
            .AddOffers(configuration)
            .AddDashboard()
            .AddHostAllowList()
            .AddLiveBotHealthChecks()
            .AddMetricsExport()
            .AddLiveReportPages()
            .AddPreLiveCheck(configuration);
        configure?.Invoke(builder);

        var app = builder.Build();

        // Settings first (before the host would log a stack trace for them), then moderators' files.
        ValidateSettings(app.Services);
        foreach (var file in app.Services.GetServices<IModeratorFile>())
        {
            file.LoadInitial();
        }

        app.Services.GetRequiredService<QuestionQueue>().Load();

        app.UseJsonErrors();
        app.UseCrossOriginGuard();
        app.MapHealth();
        app.MapMetrics();
        app.MapLocalChat();
        app.MapDashboard();
        app.MapLiveReport();
        app.MapPreLiveCheck();
        app.Lifetime.ApplicationStarted.Register(() => PrintStartLine(app));
        return app;
    }

    /// <summary>Exit code of a run whose background service failed (the host stops on it): a supervisor restarts the bot.</summary>
    public const int BackgroundFailureExitCode = 1;

    /// <summary>
    /// Runs the bot until it stops. 0 after a normal stop (Ctrl+C, SIGTERM); <see cref="BackgroundFailureExitCode"/>
    /// when it stopped because a background service failed, which is said in French on <paramref name="error"/>
    /// (issue 13: the host used to exit 0, so a restart-on-failure supervisor left it down).
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        // Taken before the run: the host disposes its services when it stops.
        var background = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        Exception? thrown = null;
        try
        {
            await app.RunAsync();
        }
        catch (Exception ex)
        {
            // A service that fails while the host is still starting makes the start itself throw (or cancel).
            thrown = ex;
        }

        var failed = background.Where(s => s.ExecuteTask is { IsFaulted: true }).Select(s => s.GetType().Name).ToList();
        if (failed.Count == 0 && thrown is not null and not OperationCanceledException)
        {
            failed.Add(thrown.GetType().Name);
        }

        if (failed.Count == 0)
        {
            return 0;
        }

        await error.WriteLineAsync($"LiveBot s'est arrêté : un service interne a échoué ({string.Join(", ", failed)}). Voir le journal ci-dessus ; redémarrez le bot.");
        return BackgroundFailureExitCode;
    }

    /// <summary>
    /// Checks every section at once. Several invalid sections come back from the host as an
    /// <see cref="AggregateException"/>; they are merged into one <see cref="OptionsValidationException"/> so the
    /// organiser reads every failure in one line, not a stack trace.
    /// </summary>
    private static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct(StringComparer.Ordinal).ToList();
            throw new OptionsValidationException(Options.DefaultName, typeof(object), failures);
        }
    }

    /// <summary>The addresses Kestrel actually listens on (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static void PrintStartLine(WebApplication app)
    {
        var address = Addresses(app).FirstOrDefault() ?? DefaultUrl;
        var links = app.Services.GetRequiredService<DashboardLinks>();
        Console.WriteLine($"LiveBot est prêt. Page des présentateurs : {links.PresenterPageUrl(address)}");
        Console.WriteLine($"Overlay OBS (source « Navigateur ») : {links.OverlayUrl(address)}");
    }

    private static (string ConfigDir, string[] Remaining) ExtractConfigDir(string[] args)
    {
        var configDir = Environment.GetEnvironmentVariable(ConfigDirEnvironmentVariable);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config-dir" && i + 1 < args.Length)
            {
                configDir = args[++i];
            }
            else if (args[i].StartsWith("--config-dir=", StringComparison.Ordinal))
            {
                configDir = args[i]["--config-dir=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (string.IsNullOrWhiteSpace(configDir) ? "config" : configDir, rest.ToArray());
    }
}
