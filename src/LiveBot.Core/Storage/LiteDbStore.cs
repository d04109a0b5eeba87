using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveBot.Core.Storage;

/// <summary>
/// The one LiteDB database of the process (questions, votes, counters, quota ledger, caches), opened
/// once and shared. State that the bot acknowledges to someone goes through <see cref="WriteDurably"/>.
/// </summary>
public sealed partial class LiteDbStore : IDisposable
{
    private readonly ILogger _logger;

    public LiteDbStore(IOptions<StorageOptions> options, ILogger<LiteDbStore>? logger = null)
    {
        var path = System.IO.Path.GetFullPath(options.Value.Path);
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        Path = path;
        _logger = logger ?? NullLogger<LiteDbStore>.Instance;
        DatabaseFileCheck.Verify(path);
        OwnerOnly.Prepare(path);
        OwnerOnly.Prepare(DatabaseFileCheck.LogPath(path));
        try
        {
            Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            _ = Database.GetCollectionNames().ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or LiteException)
        {
            throw new StorageOpenException(
                $"la base de données « {path} » ne s'ouvre pas en écriture ({ex.GetType().Name}). Vérifiez que le dossier de données est accessible en écriture au compte du bot et que le disque n'est pas plein, puis relancez.", ex);
        }
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    /// <summary>The folder of the database, where the bot may keep its other state (dashboard token).</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction (joining the caller's if one is open on this thread),
    /// then checkpoints: LiteDB 5 hands its log pages to a background writer, and only a checkpoint waits for
    /// them. After this returns, a kill -9 loses nothing. A failed write rolls back and throws; a failed
    /// checkpoint is logged and returns false (committed, and on disk within milliseconds).
    /// </summary>
    public bool WriteDurably(Action write)
    {
        var own = Database.BeginTrans();
        try
        {
            write();
            if (own)
            {
                Database.Commit();
            }
        }
        catch
        {
            if (own)
            {
                TryRollback();
            }

            throw;
        }

        try
        {
            Database.Checkpoint();
            return true;
        }
        catch (LiteException ex)
        {
            Log.CheckpointFailed(_logger, ex);
            return false;
        }
    }

    public void Dispose() => Database.Dispose();

    private void TryRollback()
    {
        try
        {
            Database.Rollback();
        }
        catch (Exception ex) when (ex is LiteException or ObjectDisposedException or IOException)
        {
            // The write failed already; that error is the one to report.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "LiteDB checkpoint failed; the write is committed and reaches the disk shortly")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception);
    }
}
