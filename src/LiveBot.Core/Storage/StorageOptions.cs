using System.ComponentModel.DataAnnotations;

namespace LiveBot.Core.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; its folder is created if missing. Relative paths start at the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data/livebot.db";

    /// <summary>The folder of the database file, where the bot keeps its other files (tokens, snapshots).</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
