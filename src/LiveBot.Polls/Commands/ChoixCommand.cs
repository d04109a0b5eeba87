using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace LiveBot.Polls.Commands;

/// <summary>
/// <c>!1</c> … <c>!6</c> (and <c>!sondage 2</c>): a viewer's vote in the open poll. The n-th name of the command
/// (its name, then its aliases) votes for choice n. Never any reply: a raid of votes must not flood the chat;
/// unknown numbers and votes with no poll open are ignored.
/// </summary>
public sealed partial class ChoixCommand(PollBox polls, ILogger<ChoixCommand> logger) : IChatCommand
{
    public const string Id = "choix";

    public CommandInfo Info { get; } = new(Id, "1", "voter au sondage en cours")
    {
        DefaultAliases = ["2", "3", "4", "5", "6"],
        Usage = "à !6",
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var choice = NumberOf(context);
        if (choice > 0)
        {
            try
            {
                polls.Vote(context.Message.Platform, context.Message.UserId, choice);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged by the box and shown on /healthz; a reply per failed vote would flood the chat.
                Log.VoteFailed(logger, ex.GetType().Name);
            }
        }

        return ValueTask.FromResult<Reply?>(null);
    }

    /// <summary>"2" or "#2" (an optional '#', digits only); false for anything else.</summary>
    public static bool TryParseNumber(string text, out int number)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("#"))
        {
            span = span[1..];
        }

        number = 0;
        return span.Length is > 0 and <= 3 && span.IndexOfAnyExceptInRange('0', '9') < 0 && int.TryParse(span, out number);
    }

    /// <summary>Typed as one of this command's names: its rank; routed from <c>!sondage n</c>: n.</summary>
    private static int NumberOf(CommandContext context)
    {
        var typed = TextFolding.Fold(context.InvokedAs);
        var names = new List<string> { context.Command.Name };
        names.AddRange(context.Command.Aliases);
        var rank = names.FindIndex(n => TextFolding.Fold(n) == typed);
        if (rank >= 0)
        {
            return rank + 1;
        }

        return TryParseNumber(context.Args, out var number) ? number : 0;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A poll vote was not saved ({Error})")]
        public static partial void VoteFailed(ILogger logger, string error);
    }
}
