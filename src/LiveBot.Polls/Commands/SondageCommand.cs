using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using Microsoft.Extensions.Logging;

namespace LiveBot.Polls.Commands;

/// <summary>
/// <c>!sondage Question ? | choix 1 | choix 2 …</c> opens a poll, <c>!sondage fin</c> closes it (moderators and
/// the broadcaster by default); <c>!sondage 2</c> is a viewer's vote, routed to <see cref="ChoixCommand"/>.
/// The announcement and the result go to every chat (<see cref="PollAnnouncer"/>), so a success says nothing here.
/// </summary>
public sealed partial class SondageCommand(PollBox polls, ILogger<SondageCommand> logger) : IChatCommand
{
    public const string Id = "sondage";

    private static readonly HashSet<string> CloseWords = new(StringComparer.OrdinalIgnoreCase) { "fin", "stop", "clore", "fermer", "terminer", "end" };

    public CommandInfo Info { get; } = new(Id, "sondage", "lancer ou clore un sondage")
    {
        DefaultAliases = ["poll"],
        DefaultPermission = ChatRole.Moderator,
        Usage = "<question> | <choix> | <choix>… ou fin",
        RouteArgs = args => ChoixCommand.TryParseNumber(args, out _) ? ChoixCommand.Id : null,
        Texts = PollTexts.Defaults,
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var command = context.Commands.Prefix + context.InvokedAs;
        var args = context.Args;
        if (CloseWords.Contains(args))
        {
            if (polls.Current is not { } open)
            {
                return Done(context.Text("noPoll"));
            }

            polls.Close(open.Id, PollCloseReason.Chat);
            return Done(null);
        }

        if (!args.Contains('|', StringComparison.Ordinal))
        {
            return Done(context.Text("usage", ("command", command)));
        }

        var parts = args.Split('|');
        if (!PollDraft.TryCreate(parts[0], parts[1..], null, out var draft, out var error))
        {
            return Done(context.Text("invalid", ("reason", PollDraft.Describe(error)), ("command", command)));
        }

        try
        {
            var result = polls.Open(draft);
            return result.Outcome == PollOpenOutcome.AlreadyOpen
                ? Done(context.Text("alreadyOpen", ("number", result.Poll.Id), ("command", command)))
                : Done(null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OpenFailed(logger, ex);
            return Done(context.Text("storageError"));
        }
    }

    private static ValueTask<Reply?> Done(string? text) => ValueTask.FromResult(text is null ? null : new Reply(text));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A poll asked in chat could not be saved")]
        public static partial void OpenFailed(ILogger logger, Exception exception);
    }
}
