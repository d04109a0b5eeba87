using LiveBot.Core.Configuration;

namespace LiveBot.Check.Probes;

/// <summary>
/// The configuration files: appsettings.json of the config folder and every moderators' file. Before start,
/// the bot's own loading already refused an invalid one (the command then prints ✗ itself); in the running
/// bot, a broken edit that the bot refused (keeping the last good version) is ✗ here.
/// </summary>
public sealed class ConfigurationProbe(ConfigDirectory directory, IEnumerable<IModeratorFile> files, ConfigStatusRegistry status) : ICheckProbe
{
    public const string Name = "Configuration";

    public string Point => Name;

    public Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var states = status.Snapshot();
        var broken = states.Where(s => s.Value != ConfigStatusRegistry.Ok).Select(s => s.Value).ToList();
        if (broken.Count > 0)
        {
            return Done(CheckLine.Failed(Name, string.Join(" ; ", broken), "corrigez le fichier (le bot garde sa dernière version valide en attendant) ; l'erreur disparaît dès l'enregistrement d'une version valide."));
        }

        var names = new List<string> { File.Exists(directory.File("appsettings.json")) ? "appsettings.json" : "appsettings.json (absent : réglages par défaut)" };
        names.AddRange(files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => File.Exists(f.Path) ? f.Name : f.Name + " (copie intégrée)"));
        return Done(CheckLine.Ok(Name, $"{directory.Path} : {string.Join(", ", names)} valides"));
    }

    /// <summary>The line for a configuration the bot refuses to start on (the command has no services then).</summary>
    public static CheckLine Refused(string reason) =>
        CheckLine.Failed(Name, reason, "corrigez ce réglage ou ce fichier (voir README) puis relancez la vérification ; le bot ne démarrerait pas ainsi.");

    private static Task<IReadOnlyList<CheckLine>> Done(CheckLine line) => Task.FromResult<IReadOnlyList<CheckLine>>([line]);
}
