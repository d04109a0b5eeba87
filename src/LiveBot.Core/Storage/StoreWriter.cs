using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Storage;

/// <summary>
/// One feature's writes to the shared <see cref="LiteDbStore"/>, with the last failure kept for /healthz. A
/// failed write is logged, kept in <see cref="LastError"/> and rethrown, so nothing is confirmed to a viewer
/// that is not stored.
/// </summary>
public sealed partial class StoreWriter(LiteDbStore store, ILogger logger, string what)
{
    /// <summary>Why the last write failed (or could not be forced to the file yet), or null when it succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>On disk before the call returns (<see cref="LiteDbStore.WriteDurably"/>): a kill -9 loses nothing.</summary>
    public void Durably(Action write) => Run(() => store.WriteDurably(write));

    /// <summary>Committed to LiteDB's journal, on disk at the next checkpoint (for frequent, cheap writes).</summary>
    public void Write(Action write) => Run(() =>
    {
        store.Write(write);
        return true;
    });

    private void Run(Func<bool> write)
    {
        try
        {
            // A failed checkpoint leaves the write committed in the journal: on disk shortly.
            LastError = write() ? null : "checkpoint: voir le journal";
        }
        catch (Exception ex)
        {
            LastError = ex.GetType().Name + ": " + ex.Message;
            Log.WriteFailed(logger, what, ex);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "{What} not saved: nothing was confirmed")]
        public static partial void WriteFailed(ILogger logger, string what, Exception exception);
    }
}
