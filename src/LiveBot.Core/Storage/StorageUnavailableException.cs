namespace LiveBot.Core.Storage;

/// <summary>
/// A write to the database failed on the storage itself (disk full, I/O error), not on the data: nothing was
/// stored and nothing must be confirmed. The store reopens itself, so a later write succeeds once the cause is
/// gone (issue 13).
/// </summary>
public sealed class StorageUnavailableException(string message, bool diskFull, Exception innerException)
    : Exception(message, innerException)
{
    /// <summary>True when the disk (or the account's quota) is full.</summary>
    public bool DiskFull { get; } = diskFull;

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the disk or quota is full.</summary>
    public static bool IsDiskFull(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is StorageUnavailableException { DiskFull: true })
            {
                return true;
            }

            // Unix: the errno (ENOSPC 28, EDQUOT 122); Windows: ERROR_HANDLE_DISK_FULL (0x27) or ERROR_DISK_FULL (0x70).
            if (ex is IOException io && (io.HResult is 28 or 122 || (io.HResult & 0xFFFF0000) == 0x80070000 && (io.HResult & 0xFFFF) is 0x27 or 0x70))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="exception"/> comes from the storage (an I/O failure somewhere in its chain).</summary>
    public static bool IsStorageFailure(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or StorageUnavailableException)
            {
                return true;
            }
        }

        return false;
    }
}
