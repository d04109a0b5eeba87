using System.Text;

namespace LiveBot.Core.Storage;

/// <summary>
/// A small secret file in the data folder (the presenters' token, a refreshed Twitch token): written to a
/// temporary file created owner-only (0600 on Unix), flushed to disk, then renamed over the old one, so a
/// crash never leaves half a secret and no other account can read it.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>Largest secret file read back; anything bigger is not ours.</summary>
    public const int MaxBytes = 64 * 1024;

    public static void WriteAllText(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temp = path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The file's text, or null when it does not exist or is larger than <see cref="MaxBytes"/>.</summary>
    public static string? ReadAllText(string path)
    {
        var info = new FileInfo(path);
        return !info.Exists || info.Length > MaxBytes ? null : File.ReadAllText(path, Encoding.UTF8);
    }
}
