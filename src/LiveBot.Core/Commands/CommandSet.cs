using LiveBot.Core.Chat;
using LiveBot.Core.Text;

namespace LiveBot.Core.Commands;

/// <summary>A command as configured: a built-in one with its handler, or a custom templated reply.</summary>
public sealed record CommandDefinition(string Id, string Name)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public ChatRole Permission { get; init; }
    public TimeSpan GlobalCooldown { get; init; }
    public TimeSpan UserCooldown { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Platforms where it answers; null means all.</summary>
    public IReadOnlySet<string>? Platforms { get; init; }

    public string Description { get; init; } = string.Empty;
    public string? Usage { get; init; }

    /// <summary>The built-in handler, or null for a custom command.</summary>
    public IChatCommand? Handler { get; init; }

    /// <summary>The reply template of a custom command.</summary>
    public string? Reply { get; init; }

    /// <summary>The texts of a built-in command, defaults overridden by the file.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();

    public bool IsAvailableOn(string platform) => Platforms is null || Platforms.Contains(platform);
}

/// <summary>A timer: a message posted to every connected chat every <see cref="Interval"/> if the chat was active.</summary>
public sealed record TimerDefinition(string Name, string Message, TimeSpan Interval, int MinChatLines)
{
    public bool Enabled { get; init; } = true;
    public IReadOnlySet<string>? Platforms { get; init; }
}

/// <summary>The whole commands.json once validated: lookup by folded name or alias.</summary>
public sealed class CommandSet
{
    private readonly Dictionary<string, CommandDefinition> _byName;

    public CommandSet(IReadOnlyList<CommandDefinition> commands, IReadOnlyList<TimerDefinition> timers, string prefix = "!")
    {
        Commands = commands;
        Timers = timers;
        Prefix = prefix;
        _byName = new Dictionary<string, CommandDefinition>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            _byName[TextFolding.Fold(command.Name)] = command;
            foreach (var alias in command.Aliases)
            {
                _byName[TextFolding.Fold(alias)] = command;
            }
        }
    }

    public string Prefix { get; }

    public IReadOnlyList<CommandDefinition> Commands { get; }

    public IReadOnlyList<TimerDefinition> Timers { get; }

    /// <summary>Finds a command by a name or alias as typed (case and accents ignored).</summary>
    public CommandDefinition? Find(string typed) => _byName.GetValueOrDefault(TextFolding.Fold(typed));

    /// <summary>A built-in command by its id ("vote"), whatever its configured name.</summary>
    public CommandDefinition? FindById(string builtInId) => Commands.FirstOrDefault(c => c.Id == builtInId);

    /// <summary>The configured name of a built-in command (for texts that mention another command).</summary>
    public string NameOf(string builtInId) => Commands.FirstOrDefault(c => c.Id == builtInId)?.Name ?? builtInId;
}
