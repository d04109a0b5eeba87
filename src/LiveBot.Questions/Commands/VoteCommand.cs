using LiveBot.Core.Chat;
using LiveBot.Core.Commands;

namespace LiveBot.Questions.Commands;

/// <summary><c>!vote &lt;n&gt;</c> (alias <c>!+1</c>): backs question #n; one vote per viewer per question.</summary>
public sealed class VoteCommand(QuestionQueue queue) : IChatCommand
{
    public CommandInfo Info { get; } = new("vote", "vote", "voter pour une question")
    {
        DefaultAliases = ["+1"],
        Usage = "<numéro>",
        Texts = new Dictionary<string, TextInfo>
        {
            ["counted"] = new("+1 pour la question #{number} !", "number", "votes"),
            ["alreadyVoted"] = new("tu as déjà voté pour la question #{number}.", "number"),
            ["own"] = new("la question #{number} est la tienne : elle compte déjà !", "number"),
            ["notFound"] = new("il n'y a pas de question #{number} ouverte.", "number"),
            ["closed"] = new("la question #{number} a déjà eu sa réponse.", "number"),
            ["usage"] = new("écris {command} suivi du numéro de la question, par exemple {command} 7.", "command"),
        },
    };

    /// <summary>
    /// Every reply is the same for every voter of a question and names nobody: the outbox addresses it and,
    /// in a raid, merges "@a @b … +1 pour la question #7 !". ({votes} is allowed in "counted", but a merged
    /// message keeps the count of its first voter.)
    /// </summary>
    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.ArgList.Count == 0 || !QuestionCommand.TryParseNumber(context.ArgList[0], out var number))
        {
            return Done(QuestionCommand.Shared(context, "usage|" + context.InvokedAs, context.Text("usage", ("command", context.Commands.Prefix + context.InvokedAs))));
        }

        var result = queue.Vote(number, context.Message.QualifiedUserId);
        var (key, text) = result.Outcome switch
        {
            VoteOutcome.Counted => ("counted", context.Text("counted", ("number", number), ("votes", QuestionCommand.Votes(result.Question!.Votes)))),
            VoteOutcome.AlreadyVoted => ("alreadyVoted", context.Text("alreadyVoted", ("number", number))),
            VoteOutcome.OwnQuestion => ("own", context.Text("own", ("number", number))),
            VoteOutcome.Closed => ("closed", context.Text("closed", ("number", number))),
            _ => ("notFound", context.Text("notFound", ("number", number))),
        };
        return Done(QuestionCommand.Shared(context, key + "|" + number, text));
    }

    private static ValueTask<Reply?> Done(Reply reply) => ValueTask.FromResult<Reply?>(reply);
}
