using System.Buffers.Binary;
using System.Text;
using LiteDB;

namespace LiveBot.Core.Storage;

/// <summary>Thrown at start when the database cannot be used as it is: the bot stops (exit code 2) and leaves the file untouched.</summary>
public sealed class StorageOpenException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Looks at a LiteDB file and its log before the bot opens them for writing (issue 13): a file that is not a
/// LiteDB database, one cut short, a page that does not read, or a log holding garbage (whose first write grew
/// the database to a 16 TB sparse file) is refused with a French message saying what to do, and nothing is
/// written to it. Only reads: the check opens the database read-only.
/// </summary>
public static class DatabaseFileCheck
{
    /// <summary>LiteDB 5's page size.</summary>
    public const int PageSize = 8192;

    private const int HeaderInfoOffset = 32;
    private const int PageTypeOffset = 4;
    private const byte HighestPageType = 5;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>The log LiteDB keeps beside <paramref name="path"/> ("livebot.db" -> "livebot-log.db").</summary>
    public static string LogPath(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? ".", System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    /// <summary>Throws <see cref="StorageOpenException"/> when <paramref name="path"/> exists and is not a sound LiteDB database.</summary>
    public static void Verify(string path)
    {
        var log = LogPath(path);
        try
        {
            if (!File.Exists(path))
            {
                if (File.Exists(log) && new FileInfo(log).Length > 0)
                {
                    throw Refuse(path, $"le journal « {System.IO.Path.GetFileName(log)} » existe sans la base elle-même");
                }

                return; // Genuinely new.
            }

            var length = new FileInfo(path).Length;
            if (length == 0 && !(File.Exists(log) && new FileInfo(log).Length > 0))
            {
                return; // Created empty (by the bot before LiteDB wrote its first page): holds nothing, LiteDB starts it.
            }

            if (length < PageSize)
            {
                throw Refuse(path, $"le fichier est tronqué ({length} octets, une base en fait au moins {PageSize})");
            }

            CheckHeader(path);
            if (File.Exists(log))
            {
                CheckLog(log, (length + new FileInfo(log).Length) / PageSize);
            }

            ReadEverything(path);
        }
        catch (StorageOpenException)
        {
            throw;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageOpenException(
                $"la base de données « {path} » n'est pas lisible (droits d'accès). Donnez au compte du bot la lecture et l'écriture sur ce fichier et son dossier, puis relancez.", ex);
        }
        catch (Exception ex)
        {
            throw Refuse(path, "une page ne se lit pas (" + ex.GetType().Name + ")", ex);
        }
    }

    private static StorageOpenException Refuse(string path, string what, Exception? inner = null) =>
        new($"la base de données « {path} » est illisible : {what}. Le fichier n'a pas été modifié. "
            + "Restaurez une sauvegarde, ou déplacez ce fichier (et son journal -log) pour repartir d'une base vide.", inner);

    private static void CheckHeader(string path)
    {
        var page = new byte[PageSize];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(page);
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(page) != 0 || page[PageTypeOffset] != 1
            || !page.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            throw Refuse(path, "ce n'est pas un fichier LiteDB (en-tête absent)");
        }
    }

    /// <summary>Every page of the log names a page of the database within reach, of a known type.</summary>
    private static void CheckLog(string log, long maxPages)
    {
        var length = new FileInfo(log).Length;
        if (length % PageSize != 0)
        {
            throw Refuse(log, $"le journal a une taille impossible ({length} octets)");
        }

        var page = new byte[PageSize];
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        for (long read = 0; read < length; read += PageSize)
        {
            stream.ReadExactly(page);
            var pageId = BinaryPrimitives.ReadUInt32LittleEndian(page);
            if (page[PageTypeOffset] > HighestPageType || pageId > maxPages)
            {
                throw Refuse(log, $"le journal contient une page invalide (page {read / PageSize})");
            }
        }
    }

    /// <summary>Opens the database read-only and reads every document of every collection.</summary>
    private static void ReadEverything(string path)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        foreach (var name in database.GetCollectionNames().ToList())
        {
            foreach (var document in database.GetCollection(name).FindAll())
            {
                _ = document.Count;
            }
        }
    }
}
