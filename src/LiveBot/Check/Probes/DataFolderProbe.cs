using System.Globalization;
using LiveBot.Core.Storage;
using LiveBot.Offers;
using Microsoft.Extensions.Options;

namespace LiveBot.Check.Probes;

/// <summary>The data folder (next to <c>Storage:Path</c>): a file can be written there, and the disk's free space.</summary>
public sealed class DataFolderProbe(IOptions<StorageOptions> storage, IOptions<OffersOptions> offers) : ICheckProbe
{
    public const string Name = "Dossier de données";

    /// <summary>Below this the database may fail to grow during the live.</summary>
    public const long MinimumFreeBytes = 200L * 1024 * 1024;

    /// <summary>Below this a ⚠: a busy live and the offers' mirror (about 1 GB to download) need room.</summary>
    public const long ComfortableFreeBytes = 2L * 1024 * 1024 * 1024;

    public string Point => Name;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(storage.Value.Path)) ?? ".";
        var probe = Path.Combine(folder, $".livebot-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [CheckLine.Failed(Name, $"{folder} n'accepte pas l'écriture ({ex.GetType().Name})", "donnez au bot le droit d'écrire dans ce dossier, ou choisissez-en un autre avec Storage:Path.")];
        }

        long? free = null;
        try
        {
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Some file systems do not say: then only the write proves the folder.
        }

        var mirror = offers.Value is { Source: OfferSourceKind.ApiAlternance, ApiAlternance.Mirror: true };
        return [Classify(folder, free, mirror)];
    }

    /// <summary>✓, ⚠ or ✗ from the free space (null: unknown).</summary>
    public static CheckLine Classify(string folder, long? freeBytes, bool mirror)
    {
        if (freeBytes is not { } free)
        {
            return CheckLine.Ok(Name, $"{folder} accessible en écriture (espace libre inconnu)");
        }

        var found = $"{folder} accessible en écriture, {Size(free)} libres";
        if (free < MinimumFreeBytes)
        {
            return CheckLine.Failed(Name, found, "libérez de la place sur ce disque (200 Mo au moins) : sans place, les questions ne peuvent plus être enregistrées.");
        }

        return free < ComfortableFreeBytes
            ? CheckLine.Warning(Name, found, mirror ? "peu de place : la copie locale des offres a besoin d'environ 1 Go pour se mettre à jour." : "peu de place : prévoyez 2 Go libres pour un long direct.")
            : CheckLine.Ok(Name, found);
    }

    private static string Size(long bytes) => bytes >= 1024L * 1024 * 1024
        ? (bytes / (1024d * 1024 * 1024)).ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")) + " Go"
        : (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " Mo";
}
