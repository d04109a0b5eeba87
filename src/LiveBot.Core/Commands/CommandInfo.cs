using LiveBot.Core.Chat;

namespace LiveBot.Core.Commands;

/// <summary>One configurable reply text of a built-in command, with the variables it may use.</summary>
public sealed record TextInfo(string Default, params string[] Variables);

/// <summary>
/// What a built-in command declares about itself: its defaults, which moderators may override in
/// commands.json under <c>builtins.&lt;Id&gt;</c>.
/// </summary>
public sealed record CommandInfo(string Id, string DefaultName, string Description)
{
    public IReadOnlyList<string> DefaultAliases { get; init; } = [];
    public ChatRole DefaultPermission { get; init; } = ChatRole.Viewer;
    public TimeSpan DefaultGlobalCooldown { get; init; }
    public TimeSpan DefaultUserCooldown { get; init; }

    /// <summary>Usage shown by !aide, e.g. "&lt;métier&gt; &lt;ville&gt;".</summary>
    public string? Usage { get; init; }

    /// <summary>Configurable texts by key.</summary>
    public IReadOnlyDictionary<string, TextInfo> Texts { get; init; } = new Dictionary<string, TextInfo>();

    /// <summary>
    /// Arguments that make this call another built-in command (by id), whose permission, cooldowns and handler
    /// then apply: <c>!sondage 2</c> is the viewers' vote <c>!2</c>, while <c>!sondage</c> itself is for moderators.
    /// Null, or a function returning null: no such arguments.
    /// </summary>
    public Func<string, string?>? RouteArgs { get; init; }
}

/// <summary>A built-in command: the code behind <c>!aide</c>, <c>!offres</c>, <c>!question</c>...</summary>
public interface IChatCommand
{
    CommandInfo Info { get; }

    /// <summary>Answers, or returns null to stay silent. Must not throw for bad user input.</summary>
    ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
