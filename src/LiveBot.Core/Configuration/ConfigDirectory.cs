namespace LiveBot.Core.Configuration;

/// <summary>The folder holding appsettings.json and the moderators' files.</summary>
public sealed record ConfigDirectory(string Path)
{
    public string File(string name) => System.IO.Path.Combine(Path, name);
}
