using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LiveBot.Core.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; its folder is created if missing. Relative paths start at the working directory.</summary>
    [Required(ErrorMessage = "Storage:Path est requis (le fichier LiteDB, par défaut data/livebot.db).")]
    public string Path { get; set; } = "data/livebot.db";

    /// <summary>The folder of the database file, where the bot keeps its other files (tokens, snapshots).</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}

/// <summary>Checks <see cref="StorageOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
