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
            ["counted"] = new("@{user}, +1 pour la question #{number} ({votes}).", "number", "votes"),
            ["alreadyVoted"] = new("@{user}, tu as déjà voté pour la question #{number}.", "number"),
            ["own"] = new("@{user}, la question #{number} est la tienne : elle compte déjà !", "number"),
            ["notFound"] = new("@{user}, il n'y a pas de question #{number} ouverte.", "number"),
            ["closed"] = new("@{user}, la question #{number} a déjà eu sa réponse.", "number"),
            ["usage"] = new("@{user}, écris {command} suivi du numéro de la question, par exemple {command} 7.", "command"),
        },
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.ArgList.Count == 0 || !QuestionCommand.TryParseNumber(context.ArgList[0], out var number))
        {
            return Done(context.Text("usage", ("command", context.Commands.Prefix + context.InvokedAs)));
        }

        var result = queue.Vote(number, context.Message.QualifiedUserId);
        var text = result.Outcome switch
        {
            VoteOutcome.Counted => context.Text("counted", ("number", number), ("votes", QuestionCommand.Votes(result.Question!.Votes))),
            VoteOutcome.AlreadyVoted => context.Text("alreadyVoted", ("number", number)),
            VoteOutcome.OwnQuestion => context.Text("own", ("number", number)),
            VoteOutcome.Closed => context.Text("closed", ("number", number)),
            _ => context.Text("notFound", ("number", number)),
        };
        return Done(text);
    }

    private static ValueTask<Reply?> Done(string text) => ValueTask.FromResult<Reply?>(new Reply(text));
}
