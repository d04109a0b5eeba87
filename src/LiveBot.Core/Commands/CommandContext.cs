using LiveBot.Core.Chat;
using LiveBot.Core.Stats;

namespace LiveBot.Core.Commands;

/// <summary>Everything a handler gets about one command call.</summary>
public sealed class CommandContext
{
    public CommandContext(ChatMessage message, CommandDefinition command, CommandSet commands, string invokedAs, string args, int maxReplyLength)
    {
        Message = message;
        Command = command;
        Commands = commands;
        InvokedAs = invokedAs;
        Args = args;
        ArgList = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        MaxReplyLength = maxReplyLength;
    }

    public ChatMessage Message { get; }

    public CommandDefinition Command { get; }

    /// <summary>The configuration in force (for !aide, or texts naming other commands).</summary>
    public CommandSet Commands { get; }

    /// <summary>The name or alias as typed, without the prefix.</summary>
    public string InvokedAs { get; }

    /// <summary>Everything after the command name, trimmed (untrusted).</summary>
    public string Args { get; }

    public IReadOnlyList<string> ArgList { get; }

    /// <summary>Longest reply the asker's platform takes in one message (500 Twitch, 200 YouTube).</summary>
    public int MaxReplyLength { get; }

    /// <summary>Where a handler reports what it understood (the live report); never null.</summary>
    public ILiveStats Stats { get; init; } = NoLiveStats.Instance;

    /// <summary>
    /// Renders the configured text <paramref name="key"/> with {user}, {platform}, {channel} and the
    /// given values. Values are never expanded again.
    /// </summary>
    public string Text(string key, params (string Name, object? Value)[] values)
    {
        var template = Command.Texts.GetValueOrDefault(key) ?? key;
        return ReplyTemplate.Render(template, name =>
        {
            foreach (var (n, v) in values)
            {
                if (n == name)
                {
                    return Convert.ToString(v, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) ?? string.Empty;
                }
            }

            return name switch
            {
                "user" => Message.DisplayName,
                "platform" => Message.Platform,
                "channel" => Message.Channel,
                "prefix" => Commands.Prefix,
                _ => null,
            };
        });
    }

    /// <summary>A merge key for replies that depend only on the command and its arguments.</summary>
    public string MergeKey => Command.Id + "|" + FoldArgs(Args);

    private static string FoldArgs(string args) =>
        string.Join(' ', LiveBot.Core.Text.TextFolding.Fold(args).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
