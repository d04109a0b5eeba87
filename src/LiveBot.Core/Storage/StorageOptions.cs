using System.ComponentModel.DataAnnotations;

namespace LiveBot.Core.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; its folder is created if missing. Relative paths start at the working directory.</summary>
    [Required]
    public string Path { get; set; } = "data/livebot.db";
}
