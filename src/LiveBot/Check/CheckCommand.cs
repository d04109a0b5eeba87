using LiteDB;
using LiveBot.Check.Probes;
using LiveBot.Core.Configuration;
using LiveBot.Hosting;
using Microsoft.Extensions.Options;

namespace LiveBot.Check;

/// <summary>
/// <c>livebot check</c>: the pre-live check from the command line, with the bot's own configuration
/// (same files, environment, user-secrets, <c>--config-dir</c> and settings), without starting the bot.
/// Prints the French checklist and returns 0 when no point is ✗, else 1.
/// </summary>
public static class CheckCommand
{
    public const string Command = "check";

    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            // The checklist is the output: the bot's log stays quiet.
            app = LiveBotApp.Build([.. args, "--Logging:LogLevel:Default", "Critical"], configure);
        }
        catch (ConfigFileException ex)
        {
            return await PrintAsync(ConfigurationProbe.Refused(ex.Error.ToString()), output);
        }
        catch (OptionsValidationException ex)
        {
            return await PrintAsync(ConfigurationProbe.Refused("réglages invalides : " + string.Join(" ; ", ex.Failures)), output);
        }
        catch (InvalidDataException ex)
        {
            // appsettings.json that is not JSON.
            return await PrintAsync(ConfigurationProbe.Refused(ex.Message + (ex.InnerException is { } inner ? " " + inner.Message : string.Empty)), output);
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            return await PrintAsync(
                CheckLine.Failed(DataFolderProbe.Name, "la base de données ne s'ouvre pas : " + ex.Message, "un LiveBot tourne-t-il déjà sur ces données ? Utilisez alors le panneau « Préparation du direct » de sa page ; sinon vérifiez Storage:Path et les droits du dossier."),
                output);
        }

        await using (app)
        {
            var context = new CheckContext(InsideBot: false, ConfiguredAddresses(app.Configuration));
            var report = await app.Services.GetRequiredService<PreLiveCheck>().RunAsync(context, cancellationToken);
            await CheckConsolePrinter.PrintAsync(report, output);
            return report.ExitCode;
        }
    }

    /// <summary>Where the bot will listen: <c>--urls</c> / <c>ASPNETCORE_URLS</c>, else the default address.</summary>
    public static IReadOnlyList<string> ConfiguredAddresses(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        return string.IsNullOrWhiteSpace(urls)
            ? [LiveBotApp.DefaultUrl]
            : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task<int> PrintAsync(CheckLine line, TextWriter output)
    {
        var report = new CheckReport(default, TimeSpan.Zero, [line]);
        await CheckConsolePrinter.PrintAsync(report, output);
        return report.ExitCode;
    }
}
