using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Text;
using LiveBot.Offers.Sectors;

namespace LiveBot.Offers.Commands;

/// <summary><c>!secteur &lt;nom&gt;</c>: sourced facts about a sector from config/sectors.json; unknown -> the list.</summary>
public sealed class SecteurCommand(ModeratorFile<SectorSet> sectors) : IChatCommand
{
    public CommandInfo Info { get; } = new("secteur", "secteur", "des chiffres sur un secteur qui recrute des apprentis")
    {
        DefaultAliases = ["filiere"],
        DefaultUserCooldown = TimeSpan.FromSeconds(20),
        Usage = "<nom>",
        Texts = new Dictionary<string, TextInfo>
        {
            ["sector"] = new("{name} ({opcoLabel}). {facts}. Métiers : {jobs}", "name", "opco", "opcoLabel", "facts", "jobs", "prefix", "offers"),
            ["unknown"] = new("Je ne connais pas ce secteur. Secteurs : {sectors}", "query", "sectors", "prefix", "command"),
            ["usage"] = new("Secteurs : {sectors}. Tape {prefix}{command} <nom>", "sectors", "prefix", "command"),
        },
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var set = sectors.Current;
        var prefix = ("prefix", (object?)context.Commands.Prefix);
        var command = ("command", (object?)context.InvokedAs);
        var list = string.Join(", ", set.Sectors.Select(s => s.DisplayName));
        string text;
        if (context.Args.Length == 0)
        {
            text = context.Text("usage", ("sectors", list), prefix, command);
        }
        else if (set.Find(context.Args) is not { } sector)
        {
            // {query} stays empty: the bot never repeats words it did not understand, whatever the text says.
            text = context.Text("unknown", ("query", string.Empty), ("sectors", list), prefix, command);
        }
        else
        {
            text = Describe(context, sector);
        }

        return ValueTask.FromResult<Reply?>(new Reply(ReplyText.Truncate(text, Math.Max(2, context.MaxReplyLength))) { MergeKey = context.MergeKey });
    }

    /// <summary>"Atlas" -> "OPCO Atlas"; "OPCO 2i", "L'Opcommerce" stay as they are.</summary>
    private static string OpcoLabel(string opco) =>
        TextFolding.Fold(opco).Contains("opco", StringComparison.Ordinal) ? opco : "OPCO " + opco;

    /// <summary>As many facts and example jobs as the platform's message length allows.</summary>
    private static string Describe(CommandContext context, Sector sector)
    {
        var offers = context.Commands.Commands.FirstOrDefault(c => c.Id == "offres")?.Name ?? "offres";
        string? fallback = null;
        var choices = Enumerable.Range(1, sector.Facts.Count).Reverse().Select(n => sector.Facts.Take(n).ToList())
            .Concat(sector.Facts.OrderBy(f => f.ToString().Length).Select(f => new List<SectorFact> { f }));
        foreach (var facts in choices)
        {
            for (var jobs = Math.Min(3, sector.Jobs.Count); jobs >= 0; jobs--)
            {
                var text = context.Text(
                    "sector",
                    ("name", sector.Name),
                    ("opco", sector.Opco),
                    ("opcoLabel", OpcoLabel(sector.Opco)),
                    ("facts", string.Join(" · ", facts)),
                    ("jobs", jobs == 0 ? $"{context.Commands.Prefix}{offers} <métier> <ville>" : string.Join(", ", sector.Jobs.Take(jobs).Select(j => j.Label))),
                    ("prefix", context.Commands.Prefix),
                    ("offers", offers));
                fallback ??= text;
                if (text.Length <= context.MaxReplyLength)
                {
                    return text;
                }
            }
        }

        return fallback ?? sector.Name;
    }
}
