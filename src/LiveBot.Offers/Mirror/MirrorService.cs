using System.Diagnostics;
using System.Runtime;
using LiveBot.Core.Storage;
using LiveBot.Offers.Index;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Mirror;

/// <summary>
/// Keeps the mirror of API Alternance's export: at start, loads the last snapshot from the data folder
/// (next to <c>Storage:Path</c>) and answers from it at once; then asks <c>job/v1/export</c>, downloads
/// when its <c>lastUpdate</c> is newer than the snapshot, and asks again every
/// <see cref="ApiAlternanceOptions.MirrorRefresh"/> (sooner after a failure). A failed download keeps the
/// previous snapshot and index.
/// </summary>
public sealed partial class MirrorService(
    OfferMirror mirror,
    ExportDownload download,
    PlaceResolver places,
    IOptions<OffersOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<MirrorService> logger)
{
    public const string FileName = "offers-mirror.bin";

    /// <summary>After a failure, the next try comes at most this soon (unless the API asked to wait longer).</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(10);

    /// <summary>The snapshot's path: in the data folder, next to the LiteDB file.</summary>
    public string SnapshotPath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.Path)) ?? ".", FileName);

    /// <summary>Loads the snapshot if there is one (a broken one is said and ignored).</summary>
    public void LoadSnapshot()
    {
        var path = SnapshotPath;
        if (!File.Exists(path))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var (index, info) = SnapshotFile.Read(path, places);
            mirror.Swap(index, info);
            Log.SnapshotLoaded(logger, index.OfferCount, index.CompanyCount, (long)watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SnapshotBroken(logger, path, ex.Message);
            mirror.Failed($"copie locale illisible ({ex.GetType().Name}), un nouvel export sera téléchargé");
        }
    }

    /// <summary>
    /// One check of the export: download and swap in when it is newer than the snapshot. Returns when to
    /// check again.
    /// </summary>
    public async Task<TimeSpan> RefreshAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.ApiAlternance.MirrorRefresh;
        try
        {
            var link = await download.AskLinkAsync(cancellationToken);
            if (mirror.Info?.LastUpdate is { } current && link.LastUpdate <= current)
            {
                mirror.Checked();
                return every;
            }

            mirror.Downloading(true);
            var watch = Stopwatch.StartNew();
            OfferIndex index;
            ExportCounts counts;
            try
            {
                (index, counts) = await download.DownloadAsync(link, cancellationToken);
            }
            finally
            {
                mirror.Downloading(false);
            }

            if (index.Count == 0)
            {
                // An export with no usable item is a broken export, not a France without offers.
                throw new MirrorException($"export vide ({counts.Items} éléments, {counts.SkippedTotal} écartés) : la copie précédente reste");
            }

            var info = new SnapshotInfo(link.LastUpdate, time.GetUtcNow(), counts.SkippedTotal);
            try
            {
                SnapshotFile.Write(SnapshotPath, index, info);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The new index still answers; the next start downloads again.
                Log.SnapshotNotSaved(logger, SnapshotPath, ex.Message);
            }

            mirror.Swap(index, info);
            mirror.Checked();
            Log.ExportLoaded(logger, counts.Offers, counts.Companies, counts.SkippedTotal, (long)watch.Elapsed.TotalMilliseconds);

            // The previous index and the parse buffers are garbage now: give their memory back to the system once
            // a day (an aggressive collection also decommits what the heap kept for later) rather than keep it.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return every;
        }
        catch (MirrorException ex)
        {
            Log.RefreshFailed(logger, ex.Message);
            mirror.Failed(ex.Message);
            var retry = every < RetryAfterFailure ? every : RetryAfterFailure;
            return ex.RetryAfter is { } wait && wait > retry ? wait : retry;
        }
    }

    /// <summary>Loads the snapshot, then checks the export until the bot stops.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        LoadSnapshot();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await RefreshAsync(stoppingToken);
                var delay = Task.Delay(next, time, stoppingToken);
                mirror.NextCheck = time.GetUtcNow() + next;
                await delay;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Offers mirror: snapshot loaded, {Offers} offers and {Companies} companies in {Milliseconds} ms")]
        public static partial void SnapshotLoaded(ILogger logger, int offers, int companies, long milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Offers mirror: snapshot {Path} unreadable ({Reason}); waiting for a new export")]
        public static partial void SnapshotBroken(ILogger logger, string path, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Offers mirror: snapshot not saved to {Path} ({Reason})")]
        public static partial void SnapshotNotSaved(ILogger logger, string path, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Offers mirror: export loaded, {Offers} offers, {Companies} companies, {Skipped} items skipped, in {Milliseconds} ms")]
        public static partial void ExportLoaded(ILogger logger, int offers, int companies, int skipped, long milliseconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Offers mirror: refresh failed: {Reason}; the previous snapshot (if any) still answers")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
