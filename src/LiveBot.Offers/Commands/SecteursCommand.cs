using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Offers.Sectors;

namespace LiveBot.Offers.Commands;

/// <summary><c>!secteurs</c>: the sectors of config/sectors.json, with a general figure when there is room.</summary>
public sealed class SecteursCommand(ModeratorFile<SectorSet> sectors) : IChatCommand
{
    public CommandInfo Info { get; } = new("secteurs", "secteurs", "la liste des secteurs")
    {
        DefaultUserCooldown = TimeSpan.FromSeconds(20),
        DefaultGlobalCooldown = TimeSpan.FromSeconds(5),
        Texts = new Dictionary<string, TextInfo>
        {
            ["list"] = new("{fact} Secteurs : {sectors} → {prefix}{sector} <nom>", "fact", "sectors", "prefix", "sector"),
        },
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var set = sectors.Current;
        var sector = context.Commands.Commands.FirstOrDefault(c => c.Id == "secteur")?.Name ?? "secteur";
        var list = string.Join(", ", set.Sectors.Select(s => s.DisplayName));
        var facts = set.General.Select(f => f + ".").Append(string.Empty);
        var text = string.Empty;
        foreach (var fact in facts)
        {
            text = context.Text("list", ("fact", fact), ("sectors", list), ("prefix", context.Commands.Prefix), ("sector", sector)).Trim();
            if (text.Length <= context.MaxReplyLength)
            {
                break;
            }
        }

        return ValueTask.FromResult<Reply?>(new Reply(ReplyText.Truncate(text, Math.Max(2, context.MaxReplyLength))) { MergeKey = context.MergeKey });
    }
}
