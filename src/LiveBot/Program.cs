using LiveBot.Check;
using LiveBot.Core.Configuration;
using LiveBot.Hosting;
using LiveBot.Reporting;
using LiveBot.YouTube.Auth;
using Microsoft.Extensions.Options;

if (args is [YouTubeLogin.Command, ..])
{
    // Installed-app OAuth: prints the address to open, stores the refresh token in user-secrets.
    return await YouTubeLogin.RunFromCommandLineAsync(args[1..], typeof(Program).Assembly, Console.Out, CancellationToken.None);
}

if (args is [ReportCommand.Command, ..])
{
    // The post-live report from the data folder, without starting the bot.
    return await ReportCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

if (args is [HealthProbeCommand.Command, ..])
{
    // The container's HEALTHCHECK: asks the running bot's /health/live (the runtime image has no curl).
    return await HealthProbeCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);
}

if (args is [CheckCommand.Command, ..])
{
    // The pre-live check: a French checklist, exit code 0 (ready) or 1 (something to fix).
    return await CheckCommand.RunAsync(args[1..], Console.Out, configure: null, CancellationToken.None);
}

WebApplication app;
try
{
    app = LiveBotApp.Build(args);
}
catch (ConfigFileException ex)
{
    Console.Error.WriteLine($"LiveBot ne démarre pas : {ex.Error}");
    return 2;
}
catch (LiveBot.Core.Storage.StorageOpenException ex)
{
    Console.Error.WriteLine($"LiveBot ne démarre pas : {ex.Message}");
    return 2;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine($"LiveBot ne démarre pas, configuration invalide : {string.Join(" ; ", ex.Failures)}");
    return 2;
}

return await LiveBotApp.RunAsync(app, Console.Error);

/// <summary>Entry point, visible to the host-level tests.</summary>
public partial class Program;
