using LiteDB;
using Microsoft.Extensions.Options;

namespace LiveBot.Core.Storage;

/// <summary>
/// The one LiteDB database of the process (questions, votes, counters, quota ledger, caches), opened
/// once and shared. LiteDB serialises writers itself; every insert or update is committed (journalled
/// and flushed) before the call returns.
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    public LiteDbStore(IOptions<StorageOptions> options)
    {
        var path = System.IO.Path.GetFullPath(options.Value.Path);
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        Path = path;
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    /// <summary>The folder of the database, where the bot may keep its other state (dashboard token).</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose() => Database.Dispose();
}
