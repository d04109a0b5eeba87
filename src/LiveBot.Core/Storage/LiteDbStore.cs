using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveBot.Core.Storage;

/// <summary>
/// The one LiteDB database of the process (questions, votes, counters, quota ledger, caches), opened
/// once and shared. State that the bot acknowledges to someone goes through <see cref="WriteDurably"/>.
/// After a storage failure (disk full, I/O error) the engine is closed and opened again, at once and before
/// the next write, so that writes work again as soon as the disk does, without a restart (issue 13).
/// </summary>
public sealed partial class LiteDbStore : IDisposable
{
    // LiteDB 5's shared mapper publishes a type's map before it is complete: a second thread asking for the same
    // type at that moment finds it half-built ("Member PollId not found on BsonMapper", seen when two bots start at
    // once in the tests). The first collection of each type is therefore taken under one lock, for every store.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> MappedTypes = new();
    private static readonly Lock MapperGate = new();

    private readonly ILogger _logger;
    private readonly DatabaseOpener _opener;
    private readonly Lock _reopenLock = new();
    private volatile LiteDatabase _database;
    private volatile bool _broken;

    public LiteDbStore(IOptions<StorageOptions> options, ILogger<LiteDbStore>? logger = null, DatabaseOpener? opener = null)
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
        _opener = opener ?? OpenFile;
        try
        {
            _database = _opener(path);
            _ = _database.GetCollectionNames().ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or LiteException)
        {
            throw new StorageOpenException(
                $"la base de données « {path} » ne s'ouvre pas en écriture ({ex.GetType().Name}). Vérifiez que le dossier de données est accessible en écriture au compte du bot et que le disque n'est pas plein, puis relancez.", ex);
        }
    }

    public string Path { get; }

    /// <summary>The open database; another instance after a reopen, so callers do not keep it (nor its collections).</summary>
    public LiteDatabase Database => _database;

    /// <summary>The folder of the database, where the bot may keep its other state (dashboard token).</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <summary>A collection of the open database (reopened first when a storage failure broke it).</summary>
    public ILiteCollection<T> Collection<T>(string name)
    {
        if (_broken)
        {
            TryReopen();
        }

        if (MappedTypes.ContainsKey(typeof(T)))
        {
            return _database.GetCollection<T>(name);
        }

        lock (MapperGate)
        {
            var collection = _database.GetCollection<T>(name);
            MappedTypes[typeof(T)] = true;
            return collection;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction (joining the caller's if one is open on this thread),
    /// then checkpoints: LiteDB 5 hands its log pages to a background writer, and only a checkpoint waits for
    /// them. After this returns, a kill -9 loses nothing. A failed write rolls back and throws; a failed
    /// checkpoint is logged and returns false (committed, and on disk within milliseconds). A storage failure
    /// (disk full, I/O) throws <see cref="StorageUnavailableException"/> and reopens the store.
    /// </summary>
    public bool WriteDurably(Action write)
    {
        EnsureOpen();
        var database = _database;
        var own = false;
        try
        {
            own = database.BeginTrans();
            write();
            if (own)
            {
                database.Commit();
            }
        }
        catch (Exception ex) when (StorageUnavailableException.IsStorageFailure(ex))
        {
            if (own)
            {
                TryRollback(database);
            }

            throw Failed(ex);
        }
        catch
        {
            if (own)
            {
                TryRollback(database);
            }

            throw;
        }

        try
        {
            database.Checkpoint();
            return true;
        }
        catch (Exception ex) when (StorageUnavailableException.IsStorageFailure(ex))
        {
            // LiteDB writes its journal in the background: an I/O failure here may mean the commit never reached
            // the disk, so nothing is confirmed (a retry may duplicate, never lose).
            throw Failed(ex);
        }
        catch (LiteException ex)
        {
            Log.CheckpointFailed(_logger, ex);
            return false;
        }
    }

    /// <summary>
    /// Runs a write that needs no checkpoint, turning a storage failure into <see cref="StorageUnavailableException"/>
    /// after which the store reopens (see <see cref="WriteDurably"/>).
    /// </summary>
    public void Write(Action write)
    {
        EnsureOpen();
        try
        {
            write();
        }
        catch (Exception ex) when (StorageUnavailableException.IsStorageFailure(ex))
        {
            throw Failed(ex);
        }
    }

    public void Dispose() => _database.Dispose();

    private static LiteDatabase OpenFile(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });

    /// <summary>Marks the store broken, tries to reopen it at once, and returns the exception to throw.</summary>
    private StorageUnavailableException Failed(Exception ex)
    {
        var full = StorageUnavailableException.IsDiskFull(ex);
        Log.StorageFailed(_logger, full, ex);
        _broken = true;
        TryReopen();
        return new StorageUnavailableException(
            full ? "le disque est plein : rien n'a été enregistré." : "le stockage ne répond pas : rien n'a été enregistré.", full, ex);
    }

    private void EnsureOpen()
    {
        if (_broken && !TryReopen(out var error))
        {
            var full = StorageUnavailableException.IsDiskFull(error);
            throw new StorageUnavailableException(
                full ? "le disque est toujours plein : rien n'a été enregistré." : "le stockage ne répond toujours pas : rien n'a été enregistré.", full, error!);
        }
    }

    private bool TryReopen() => TryReopen(out _);

    private bool TryReopen(out Exception? error)
    {
        error = null;
        lock (_reopenLock)
        {
            if (!_broken)
            {
                return true;
            }

            try
            {
                _database.Dispose();
            }
            catch (Exception ex)
            {
                // A broken engine may fail to close; the new one replays the journal.
                Log.CloseFailed(_logger, ex);
            }

            try
            {
                var reopened = _opener(Path);
                _ = reopened.GetCollectionNames().ToList();
                _database = reopened;
                _broken = false;
                Log.Reopened(_logger);
                return true;
            }
            catch (Exception ex) when (ex is LiteException || StorageUnavailableException.IsStorageFailure(ex))
            {
                error = ex;
                return false;
            }
        }
    }

    private static void TryRollback(LiteDatabase database)
    {
        try
        {
            database.Rollback();
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

        [LoggerMessage(Level = LogLevel.Error, Message = "Storage failure (disk full: {DiskFull}); the database is reopened and nothing was confirmed")]
        public static partial void StorageFailed(ILogger logger, bool diskFull, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The broken database did not close cleanly")]
        public static partial void CloseFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Database reopened after a storage failure")]
        public static partial void Reopened(ILogger logger);
    }
}
