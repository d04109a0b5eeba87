using LiveBot.Core.Chat;

namespace LiveBot.Core.Commands;

/// <summary><c>!aide</c>: the commands the asker may use here.</summary>
public sealed class AideCommand : IChatCommand
{
    public CommandInfo Info { get; } = new("aide", "aide", "la liste des commandes")
    {
        DefaultAliases = ["help", "commandes"],
        DefaultUserCooldown = TimeSpan.FromSeconds(30),
        Texts = new Dictionary<string, TextInfo>
        {
            ["list"] = new("Commandes : {commands}", "commands"),
        },
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var usable = context.Commands.Commands
            .Where(c => c.Enabled && c.IsAvailableOn(context.Message.Platform) && context.Message.Role >= c.Permission)
            .Select(c => context.Commands.Prefix + c.Name + (c.Usage is null ? string.Empty : " " + c.Usage))
            .ToList();
        var text = context.Text("list", ("commands", string.Join(" · ", usable)));

        // Short form: names only. Sent when the full list is too long, and by an outbox whose reply would
        // leave no room to name the asker (YouTube's "@name …" within 200 characters).
        var names = context.Commands.Commands
            .Where(c => c.Enabled && c.IsAvailableOn(context.Message.Platform) && context.Message.Role >= c.Permission)
            .Select(c => context.Commands.Prefix + c.Name);
        var shortText = context.Text("list", ("commands", string.Join(" ", names)));
        if (text.Length > context.MaxReplyLength)
        {
            text = ReplyText.Truncate(shortText, context.MaxReplyLength);
        }

        return ValueTask.FromResult<Reply?>(new Reply(text)
        {
            MergeKey = context.MergeKey + "|" + context.Message.Role,
            ShortText = shortText.Length < text.Length ? shortText : null,
        });
    }
}
