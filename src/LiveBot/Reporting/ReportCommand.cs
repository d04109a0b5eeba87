using LiveBot.Core.Configuration;
using LiveBot.Hosting;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Rendering;
using Microsoft.Extensions.Options;

namespace LiveBot.Reporting;

/// <summary>
/// <c>livebot report --out rapport.html [--from … --to …]</c>: writes the report of the data folder as
/// one self-contained HTML file without starting the bot (same settings and options, --config-dir too),
/// then prints its path.
/// </summary>
public static class ReportCommand
{
    public const string Command = "report";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string outPath = "rapport.html";
        string? from = null, to = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = Split(args[i]);
            if (name is "--out" or "--from" or "--to")
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (string.IsNullOrWhiteSpace(value))
                {
                    await error.WriteLineAsync($"Rapport : il manque la valeur de {name}.");
                    return 2;
                }

                _ = name == "--out" ? outPath = value : name == "--from" ? from = value : to = value;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (!ReportPeriod.TryParse(from, endOfDay: false, out var start, out var reason) || !ReportPeriod.TryParse(to, endOfDay: true, out var end, out reason))
        {
            await error.WriteLineAsync("Rapport : " + reason);
            return 2;
        }

        WebApplication app;
        try
        {
            app = LiveBotApp.Build([.. rest, "--Logging:LogLevel:Default", "Warning"]);
        }
        catch (ConfigFileException ex)
        {
            await error.WriteLineAsync($"Rapport impossible : {ex.Error}");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Rapport impossible, configuration invalide : {string.Join(" ; ", ex.Failures)}");
            return 2;
        }

        await using (app)
        {
            try
            {
                var report = app.Services.GetRequiredService<ReportBuilder>().Build(start, end);
                var html = ReportHtml.Render(report, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
                var path = Path.GetFullPath(outPath);
                var folder = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                await File.WriteAllTextAsync(path, html, new System.Text.UTF8Encoding(false), cancellationToken);
                await output.WriteLineAsync(path);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
            {
                await error.WriteLineAsync($"Rapport impossible : {ex.Message} (la base est-elle ouverte par le bot en marche ? Le rapport est aussi sur /report.)");
                return 1;
            }
        }
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
