using System.Text.RegularExpressions;
using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using LiveBot.Core.Text;

namespace LiveBot.Core.Commands;

/// <summary>config/commands.json as written by moderators (see config/commands.schema.json).</summary>
public sealed class CommandsFile : ModeratorFileBase
{
    public string? Prefix { get; set; }
    public Dictionary<string, BuiltInEntry>? Builtins { get; set; }
    public List<CustomCommandEntry>? Commands { get; set; }
    public List<TimerEntry>? Timers { get; set; }

    public class CommandEntry
    {
        public string? Name { get; set; }
        public List<string>? Aliases { get; set; }
        public string? Permission { get; set; }
        public string? GlobalCooldown { get; set; }
        public string? UserCooldown { get; set; }
        public bool? Enabled { get; set; }
        public List<string>? Platforms { get; set; }
        public string? Description { get; set; }
    }

    public sealed class BuiltInEntry : CommandEntry
    {
        public Dictionary<string, string>? Texts { get; set; }
    }

    public sealed class CustomCommandEntry : CommandEntry
    {
        public string? Reply { get; set; }
    }

    public sealed class TimerEntry
    {
        public string? Name { get; set; }
        public string? Message { get; set; }
        public string? Interval { get; set; }
        public int? MinChatLines { get; set; }
        public bool? Enabled { get; set; }
        public List<string>? Platforms { get; set; }
    }
}

/// <summary>Turns a <see cref="CommandsFile"/> into a <see cref="CommandSet"/>, or says what is wrong.</summary>
/// <param name="builtIns">The built-in commands, whose names and texts the file may change.</param>
/// <param name="platforms">The platforms the bot knows (declared by each platform's registration), which <c>platforms</c> may name.</param>
public sealed partial class CommandsFileValidator(IEnumerable<IChatCommand> builtIns, IEnumerable<ChatPlatformName>? platforms = null)
{
    public const string FileName = "commands.json";
    public const int MaxReplyLength = 500;

    private static readonly TimeSpan MaxCooldown = TimeSpan.FromHours(1);
    private readonly IReadOnlyList<IChatCommand> _builtIns = builtIns.ToList();
    private readonly IReadOnlyList<string> _platforms = (platforms ?? []).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();

    public (CommandSet? Value, ConfigError? Error) Parse(byte[] utf8) =>
        ModeratorJson.Parse<CommandsFile, CommandSet>(FileName, utf8, Validate);

    private CommandSet Validate(CommandsFile file, ConfigProblems problems)
    {
        var prefix = file.Prefix ?? "!";
        if (prefix.Length is < 1 or > 3 || prefix.Any(char.IsWhiteSpace) || prefix.Any(char.IsLetterOrDigit))
        {
            problems.Add("prefix", $"préfixe invalide « {ValueQuote.Quote(prefix)} » (1 à 3 signes, sans espace, lettre ni chiffre, par exemple « ! »)");
        }
        else if (prefix[0] is '/' or '.')
        {
            problems.Add("prefix", $"préfixe invalide « {ValueQuote.Quote(prefix)} » : Twitch prend les messages commençant par « / » ou « . » pour ses propres commandes");
        }

        var commands = new List<CommandDefinition>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = file.Builtins ?? [];
        foreach (var id in entries.Keys)
        {
            if (_builtIns.All(b => b.Info.Id != id))
            {
                problems.Add($"builtins.{id}", $"commande intégrée inconnue « {ValueQuote.Quote(id)} » (connues : {string.Join(", ", _builtIns.Select(b => b.Info.Id))})");
            }
        }

        foreach (var handler in _builtIns)
        {
            var info = handler.Info;
            var path = $"builtins.{info.Id}";
            var entry = entries.GetValueOrDefault(info.Id);
            var texts = info.Texts.ToDictionary(t => t.Key, t => t.Value.Default, StringComparer.Ordinal);
            foreach (var (key, text) in entry?.Texts ?? [])
            {
                if (!info.Texts.TryGetValue(key, out var textInfo))
                {
                    problems.Add($"{path}.texts.{key}", $"texte inconnu « {ValueQuote.Quote(key)} » pour « {info.Id} » (connus : {string.Join(", ", info.Texts.Keys)})");
                    continue;
                }

                var allowed = new HashSet<string>(ReplyTemplate.Common, StringComparer.Ordinal);
                allowed.UnionWith(textInfo.Variables);
                CheckText(text, $"{path}.texts.{key}", allowed, problems);
                texts[key] = text;
            }

            var definition = Common(entry, path, info.Id, info.DefaultName, problems) with
            {
                Handler = handler,
                Texts = texts,
                Usage = info.Usage,
            };
            definition = definition with
            {
                Aliases = entry?.Aliases ?? info.DefaultAliases,
                Permission = entry?.Permission is null ? info.DefaultPermission : definition.Permission,
                GlobalCooldown = entry?.GlobalCooldown is null ? info.DefaultGlobalCooldown : definition.GlobalCooldown,
                UserCooldown = entry?.UserCooldown is null ? info.DefaultUserCooldown : definition.UserCooldown,
                Description = entry?.Description ?? info.Description,
            };
            CheckNames(definition, path, names, problems);
            commands.Add(definition);
        }

        var customs = file.Commands ?? [];
        for (var i = 0; i < customs.Count; i++)
        {
            var entry = customs[i];
            var path = $"commands[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add(path, "le champ « name » est obligatoire");
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Reply))
            {
                problems.Add(path, $"le champ « reply » est obligatoire pour « {ValueQuote.Quote(entry.Name)} »");
                continue;
            }

            CheckText(entry.Reply, $"{path}.reply", ReplyTemplate.Custom, problems);
            var definition = Common(entry, path, "custom:" + TextFolding.Fold(entry.Name), entry.Name, problems) with { Reply = entry.Reply };
            CheckNames(definition, path, names, problems);
            commands.Add(definition);
        }

        var timers = new List<TimerDefinition>();
        var timerNames = new HashSet<string>(StringComparer.Ordinal);
        var timerEntries = file.Timers ?? [];
        for (var i = 0; i < timerEntries.Count; i++)
        {
            var entry = timerEntries[i];
            var path = $"timers[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.Message) || entry.Interval is null)
            {
                problems.Add(path, "un minuteur demande « name », « message » et « interval »");
                continue;
            }

            if (!timerNames.Add(TextFolding.Fold(entry.Name)))
            {
                problems.Add($"{path}.name", $"minuteur en double « {ValueQuote.Quote(entry.Name)} »");
            }

            CheckText(entry.Message, $"{path}.message", new HashSet<string>(["platform", "channel"], StringComparer.Ordinal), problems);
            var interval = ModeratorJson.Duration(entry.Interval, $"{path}.interval", problems, TimeSpan.FromSeconds(30), TimeSpan.FromDays(1));
            if (entry.MinChatLines is < 0 or > 10_000)
            {
                problems.Add($"{path}.minChatLines", $"« minChatLines » doit être entre 0 et 10000 (lu : {entry.MinChatLines})");
            }

            timers.Add(new TimerDefinition(entry.Name, entry.Message, interval ?? TimeSpan.FromMinutes(10), entry.MinChatLines ?? 0)
            {
                Enabled = entry.Enabled ?? true,
                Platforms = Platforms(entry.Platforms, $"{path}.platforms", problems),
            });
        }

        return new CommandSet(commands, timers, prefix);
    }

    private CommandDefinition Common(CommandsFile.CommandEntry? entry, string path, string id, string defaultName, ConfigProblems problems)
    {
        var permission = ChatRole.Viewer;
        if (entry?.Permission is { } p && !ChatRoles.TryParse(p, out permission))
        {
            problems.Add($"{path}.permission", $"permission inconnue « {ValueQuote.Quote(p)} » (attendu : {string.Join(", ", ChatRoles.Names)})");
        }

        return new CommandDefinition(id, entry?.Name ?? defaultName)
        {
            Aliases = entry?.Aliases ?? [],
            Permission = permission,
            GlobalCooldown = ModeratorJson.Duration(entry?.GlobalCooldown, $"{path}.globalCooldown", problems, max: MaxCooldown) ?? TimeSpan.Zero,
            UserCooldown = ModeratorJson.Duration(entry?.UserCooldown, $"{path}.userCooldown", problems, max: MaxCooldown) ?? TimeSpan.Zero,
            Enabled = entry?.Enabled ?? true,
            Platforms = Platforms(entry?.Platforms, $"{path}.platforms", problems),
            Description = entry?.Description ?? string.Empty,
        };
    }

    private static void CheckNames(CommandDefinition definition, string path, Dictionary<string, string> names, ConfigProblems problems)
    {
        var all = new List<(string Name, string Path)> { (definition.Name, $"{path}.name") };
        for (var i = 0; i < definition.Aliases.Count; i++)
        {
            all.Add((definition.Aliases[i], $"{path}.aliases[{i}]"));
        }

        foreach (var (name, namePath) in all)
        {
            if (!NamePattern().IsMatch(name))
            {
                problems.Add(namePath, $"nom de commande invalide « {ValueQuote.Quote(name)} » (lettres, chiffres, + - _, sans espace ni « ! », 30 caractères au plus)");
                continue;
            }

            var folded = TextFolding.Fold(name);
            if (names.TryGetValue(folded, out var owner))
            {
                problems.Add(namePath, $"nom ou alias en double « {ValueQuote.Quote(name)} » (déjà utilisé par « {ValueQuote.Quote(owner)} »)");
                continue;
            }

            names[folded] = definition.Name;
        }
    }

    private static void CheckText(string text, string path, IReadOnlySet<string> allowed, ConfigProblems problems)
    {
        if (text.Length > MaxReplyLength)
        {
            problems.Add(path, $"réponse trop longue : {text.Length} caractères (maximum {MaxReplyLength})");
        }

        foreach (var variable in ReplyTemplate.Variables(text))
        {
            if (!ReplyTemplate.IsAllowed(variable, allowed))
            {
                var list = string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(v => "{" + v + "}"));
                if (allowed.Contains("args"))
                {
                    list += ", {arg1}…{arg9}";
                }

                problems.Add(path, $"variable inconnue « {{{ValueQuote.Quote(variable)}}} » (possibles : {list})");
                return;
            }
        }
    }

    private HashSet<string>? Platforms(List<string>? platforms, string path, ConfigProblems problems)
    {
        if (platforms is null)
        {
            return null;
        }

        foreach (var platform in platforms)
        {
            if (!_platforms.Contains(platform))
            {
                problems.Add(path, $"plateforme inconnue « {ValueQuote.Quote(platform)} » (attendu : {string.Join(", ", _platforms)})");
            }
        }

        return new HashSet<string>(platforms, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_+\-]{1,30}$")]
    private static partial Regex NamePattern();
}
