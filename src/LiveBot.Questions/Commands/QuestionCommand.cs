using CultureInfo = System.Globalization.CultureInfo;
using NumberStyles = System.Globalization.NumberStyles;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;

namespace LiveBot.Questions.Commands;

/// <summary>
/// <c>!question &lt;texte&gt;</c> (alias <c>!q</c>): asks the guests a question. Moderators and the broadcaster
/// also run the queue from chat: <c>!q ok 12</c>, <c>!q hide 12</c>, <c>!q next</c>. The receipt of a new
/// question (and "wait N s") names the asker itself and is never merged; the other replies are the same for
/// every asker, name nobody and carry a merge key, so in a raid the outbox sends one "@a @b … ta question
/// rejoint la #7 (+1)" instead of hundreds.
/// </summary>
public sealed class QuestionCommand(QuestionQueue queue) : IChatCommand
{
    public CommandInfo Info { get; } = new("question", "question", "poser une question aux invités")
    {
        DefaultAliases = ["q"],
        Usage = "<ta question>",
        Texts = new Dictionary<string, TextInfo>
        {
            ["received"] = new("Merci @{user}, question #{number} bien reçue ({ahead} avant la tienne)", "number", "ahead"),
            ["held"] = new("Merci @{user}, question #{number} bien reçue : un modérateur la relit avant de la montrer.", "number"),
            ["merged"] = new("ta question rejoint la #{number} (+1)", "number", "votes"),
            ["alreadyBacked"] = new("ta question rejoint la #{number}, déjà comptée pour toi.", "number"),
            ["usage"] = new("écris {command} suivi de ta question.", "command"),
            ["tooShort"] = new("ta question est un peu courte : {min} caractères au moins.", "min"),
            ["tooLong"] = new("ta question est trop longue : {max} caractères au plus.", "max"),
            ["noWords"] = new("écris ta question avec quelques mots, s'il te plaît.", []),
            ["tooSoon"] = new("@{user}, une question toutes les {interval} s : réessaie dans {wait} s.", "interval", "wait"),
            ["tooMany"] = new("tu as déjà {max} questions en attente : attends qu'on y réponde.", "max"),
            ["approved"] = new("Question #{number} approuvée.", "number"),
            ["hidden"] = new("Question #{number} masquée.", "number"),
            ["onAir"] = new("À l'antenne : question #{number} de {author} ({votes}).", "number", "author", "votes"),
            ["noNext"] = new("Aucune question approuvée en attente.", []),
            ["notFound"] = new("Pas de question #{number}.", "number"),
            ["refused"] = new("La question #{number} est masquée : restaure-la d'abord depuis la page des présentateurs.", "number"),
            ["alreadyOnAir"] = new("La question #{number} est déjà à l'antenne.", "number"),
            ["moderationUsage"] = new("Modération : {command} ok <numéro>, {command} hide <numéro>, {command} next.", "command"),
        },
    };

    public ValueTask<Reply?> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Handle(context));

    private Reply? Handle(CommandContext context)
    {
        var message = context.Message;
        if (TryParseModeration(context.ArgList, out var action, out var target))
        {
            // A viewer typing exactly "!q ok 12" gets no answer: it is no question.
            return message.Role >= ChatRole.Moderator ? new Reply(Moderate(context, action, target)) : null;
        }

        // "!q ok", "!q hide abc", "!q next 3" from a moderator is a slip, not a question; from a viewer it is asked as usual.
        if (message.Role >= ChatRole.Moderator && LooksLikeModeration(context.ArgList))
        {
            return new Reply(context.Text("moderationUsage", ("command", context.Commands.Prefix + context.InvokedAs)));
        }

        if (context.Args.Length == 0)
        {
            return Shared(context, "usage|" + context.InvokedAs, context.Text("usage", ("command", context.Commands.Prefix + context.InvokedAs)));
        }

        var options = queue.Options;
        var result = queue.Submit(message.Platform, message.Channel, message.QualifiedUserId, message.DisplayName, context.Args, message.Id);
        var number = result.Question?.Id ?? 0;
        return result.Outcome switch
        {
            // The receipt carries the asker's own number: named here, never merged.
            // ShortText: what YouTube still sends when its daily quota runs low (a bare confirmation).
            SubmitOutcome.Added when result.Question!.Held => new Reply(context.Text("held", ("number", number))) { ShortText = Short(number) },
            SubmitOutcome.Added => new Reply(context.Text("received", ("number", number), ("ahead", Ahead(result.Ahead)))) { ShortText = Short(number) },
            SubmitOutcome.TooSoon => new Reply(context.Text(
                "tooSoon",
                ("interval", (int)Math.Ceiling(options.MinInterval.TotalSeconds)),
                ("wait", Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds))))),

            // The same answer for many viewers in a raid: the outbox may address it to all of them at once.
            SubmitOutcome.Merged => Shared(context, "merged|" + number, context.Text("merged", ("number", number), ("votes", Votes(result.Question!.Votes)))) with { ShortText = "+1 #" + number },
            SubmitOutcome.AlreadyBacked => Shared(context, "alreadyBacked|" + number, context.Text("alreadyBacked", ("number", number))),
            SubmitOutcome.TooShort => Shared(context, "tooShort", context.Text("tooShort", ("min", options.MinLength))),
            SubmitOutcome.TooLong => Shared(context, "tooLong", context.Text("tooLong", ("max", options.MaxLength))),
            SubmitOutcome.NoWords => Shared(context, "noWords", context.Text("noWords")),
            SubmitOutcome.TooManyOpen => Shared(context, "tooMany", context.Text("tooMany", ("max", options.MaxOpenPerViewer))),
            _ => null,
        };
    }

    private static string Short(int number) => "question #" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " reçue";

    /// <summary>A reply that names nobody, which the outbox addresses (and may merge with the same ones).</summary>
    internal static Reply Shared(CommandContext context, string key, string text) =>
        new(text) { MergeKey = context.Command.Id + "|" + key };

    private string Moderate(CommandContext context, string action, int number)
    {
        switch (action)
        {
            case "next":
                var next = queue.PutNextOnAir();
                return next is null
                    ? context.Text("noNext")
                    : context.Text("onAir", ("number", next.Id), ("author", next.AuthorName), ("votes", Votes(next.Votes)));
            default:
                var existing = queue.Get(number);
                if (existing is null)
                {
                    return context.Text("notFound", ("number", number));
                }

                if (action == "ok" && existing.Status == QuestionStatus.OnAir)
                {
                    return context.Text("alreadyOnAir", ("number", number)); // Approving it would take it off screen.
                }

                var changed = action == "ok" ? queue.Approve(number) : queue.Hide(number);
                return changed is null
                    ? context.Text("refused", ("number", number))
                    : context.Text(action == "ok" ? "approved" : "hidden", ("number", number));
        }
    }

    /// <summary>
    /// "ok 12" (or "valider 12"), "hide 12" (or "masquer 12"), "next" (or "suivante") exactly, any case,
    /// "#12" accepted. Anything else is a question.
    /// </summary>
    internal static bool TryParseModeration(IReadOnlyList<string> args, out string action, out int number)
    {
        action = string.Empty;
        number = 0;
        var verb = args.Count > 0 ? args[0].ToLowerInvariant() : string.Empty;
        if (args.Count == 1 && verb is "next" or "suivante" or "suivant")
        {
            action = "next";
            return true;
        }

        if (args.Count == 2 && TryParseNumber(args[1], out number))
        {
            action = verb switch
            {
                "ok" or "valider" or "approuver" => "ok",
                "hide" or "masquer" or "cacher" => "hide",
                _ => string.Empty,
            };
            return action.Length > 0;
        }

        return false;
    }

    /// <summary>
    /// A moderation verb with a missing, bad or extra argument: in one or two words ("ok", "hide abc", "next 3"),
    /// or followed by a number and more ("ok 12 merci"). From a moderator, a slip to answer with the usage,
    /// never a question to file.
    /// </summary>
    internal static bool LooksLikeModeration(IReadOnlyList<string> args) =>
        args.Count > 0
        && args[0].ToLowerInvariant() is "ok" or "valider" or "approuver" or "hide" or "masquer" or "cacher" or "next" or "suivante" or "suivant"
        && (args.Count <= 2 || TryParseNumber(args[1], out _));

    /// <summary>"12" or "#12", 1 to 9 digits.</summary>
    internal static bool TryParseNumber(string text, out int number)
    {
        var digits = text.StartsWith('#') ? text[1..] : text;
        number = 0;
        return digits.Length is > 0 and < 10 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    internal static string Ahead(int count) => count switch
    {
        0 => "aucune question",
        1 => "1 question",
        _ => count.ToString(CultureInfo.InvariantCulture) + " questions",
    };

    internal static string Votes(int count) => count switch
    {
        0 => "0 vote",
        1 => "1 vote",
        _ => count.ToString(CultureInfo.InvariantCulture) + " votes",
    };
}
