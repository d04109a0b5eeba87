namespace LiveBot.Core.Configuration;

/// <summary>What is wrong in a moderators' file, and where (1-based line and column).</summary>
public sealed record ConfigError(string File, int Line, int Position, string Reason)
{
    public override string ToString() =>
        Line > 0 ? $"{File}, ligne {Line}, colonne {Position} : {Reason}" : $"{File} : {Reason}";
}

/// <summary>Thrown at start when a moderators' file is invalid: the bot refuses to start on it (exit code 2).</summary>
public sealed class ConfigFileException(ConfigError error) : Exception(error.ToString())
{
    public ConfigError Error { get; } = error;
}
