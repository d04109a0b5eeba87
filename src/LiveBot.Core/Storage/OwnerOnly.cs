namespace LiveBot.Core.Storage;

/// <summary>
/// Files the bot keeps under its data folder are readable by its own account only (0600 on Unix, issue 13):
/// viewers' questions are personal data. Created owner-only, and tightened when found wider.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> empty and owner-only if absent; makes it owner-only if present.</summary>
    public static void Prepare(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode });
            return;
        }

        if (File.GetUnixFileMode(path) != Mode)
        {
            File.SetUnixFileMode(path, Mode);
        }
    }
}
