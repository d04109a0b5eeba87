using System.Globalization;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Polls.Commands;
using TextInfo = LiveBot.Core.Commands.TextInfo;

namespace LiveBot.Polls;

/// <summary>
/// The texts of polls (<c>builtins.sondage.texts</c> in commands.json) and how the announcement and the result
/// are fitted into one message of each platform (500 characters on Twitch, 200 on YouTube).
/// </summary>
public static class PollTexts
{
    public static readonly IReadOnlyDictionary<string, TextInfo> Defaults = new Dictionary<string, TextInfo>
    {
        ["announce"] = new("Sondage : {question} Réponds {choices}", "question", "choices", "number"),
        ["result"] = new("Résultat : {results}, {votes}", "question", "results", "winner", "votes", "total", "number"),
        ["resultShort"] = new("Résultat : {winner}, {votes}", "question", "winner", "votes", "total", "number"),
        ["noVotes"] = new("Sondage terminé : personne n'a voté.", "question", "number"),
        ["usage"] = new("Sondage : {command} Question ? | choix 1 | choix 2 (2 à 6 choix) · {command} fin pour le clore.", "command"),
        ["invalid"] = new("Sondage non lancé : {reason}.", "reason", "command"),
        ["alreadyOpen"] = new("Un sondage est déjà en cours (#{number}) : {command} fin pour le clore.", "number", "command"),
        ["noPoll"] = new("Aucun sondage en cours."),
        ["storageError"] = new("Oups, le sondage n'a pas pu être enregistré. Réessaie dans un instant."),
    };

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly int[] ChoiceCuts = [PollDraft.MaxChoiceLength, 40, 30, 20, 14, 10, 6];

    /// <summary>"Sondage : Tu es en quelle classe ? Réponds !1 3e · !2 2nde …", in one message of <paramref name="maxLength"/>.</summary>
    public static string Announce(Poll poll, CommandSet commands, string platform, int maxLength)
    {
        var template = Text(commands, "announce");
        var names = VoteNames(commands, poll.Choices.Count);
        string Render(string question, int cut) => Fill(template, poll, platform, ("question", question), ("choices", string.Join(" · ",
            poll.Choices.Select((c, i) => names[i] + " " + ReplyText.Truncate(c.Text, Math.Max(2, cut))))));

        var text = Render(poll.Question, PollDraft.MaxChoiceLength);
        foreach (var cut in ChoiceCuts)
        {
            text = Render(poll.Question, cut);
            if (text.Length <= maxLength)
            {
                return text;
            }
        }

        // Still too long: the choices stay (viewers need their numbers), the question is cut.
        var over = text.Length - maxLength;
        var question = ReplyText.Truncate(poll.Question, Math.Max(12, poll.Question.Length - over));
        return ReplyText.Truncate(Render(question, ChoiceCuts[^1]), maxLength);
    }

    /// <summary>
    /// "Résultat : Terminale 41 % · 1re 27 % · …, 1 204 votes" (the least voted choices dropped if it would not fit),
    /// and its short form "Résultat : Terminale 41 %, 1 204 votes" for a platform low on budget.
    /// </summary>
    public static (string Text, string Short) Result(Poll poll, CommandSet commands, string platform, int maxLength)
    {
        var total = poll.Total;
        if (total == 0)
        {
            var none = ReplyText.Truncate(Fill(Text(commands, "noVotes"), poll, platform), maxLength);
            return (none, none);
        }

        var ranked = poll.Choices.OrderByDescending(c => c.Votes).ToList();
        var entries = ranked.Select(c => c.Text + " " + Percent(c.Votes, total).ToString(French) + " %").ToList();
        var top = ranked[0].Votes;
        var winner = string.Join(" / ", ranked.Where(c => c.Votes == top).Select(c => c.Text)) + " " + Percent(top, total).ToString(French) + " %";
        var values = new (string, object?)[] { ("winner", winner), ("votes", Votes(total)), ("total", Number(total)) };
        var template = Text(commands, "result");
        string text;
        var shown = entries.Count;
        do
        {
            var results = string.Join(" · ", entries.Take(shown)) + (shown < entries.Count ? " · …" : string.Empty);
            text = Fill(template, poll, platform, [("results", results), .. values]);
        }
        while (text.Length > maxLength && --shown > 0);

        var shortText = ReplyText.Truncate(Fill(Text(commands, "resultShort"), poll, platform, values), maxLength);
        return (ReplyText.Truncate(text, maxLength), shortText);
    }

    /// <summary>"!1", "!2"… as configured (the names of <c>builtins.choix</c>), else "!sondage n".</summary>
    public static IReadOnlyList<string> VoteNames(CommandSet commands, int count)
    {
        var vote = commands.FindById(ChoixCommand.Id);
        var names = new List<string>();
        if (vote is { Enabled: true })
        {
            names.Add(vote.Name);
            names.AddRange(vote.Aliases);
        }

        var poll = commands.NameOf(SondageCommand.Id);
        return Enumerable.Range(0, count)
            .Select(i => commands.Prefix + (i < names.Count ? names[i] : poll + " " + (i + 1).ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Rounded to the unit, as said on air.</summary>
    public static int Percent(int votes, int total) => total == 0 ? 0 : (int)Math.Round(votes * 100.0 / total, MidpointRounding.AwayFromZero);

    /// <summary>"aucun vote", "1 vote", "1 204 votes".</summary>
    public static string Votes(int total) => total switch
    {
        0 => "aucun vote",
        1 => "1 vote",
        _ => Number(total) + " votes",
    };

    private static string Number(int value) => value.ToString("#,0", French).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static string Text(CommandSet commands, string key) =>
        commands.FindById(SondageCommand.Id)?.Texts.GetValueOrDefault(key) ?? Defaults[key].Default;

    private static string Fill(string template, Poll poll, string platform, params (string Name, object? Value)[] values) =>
        ReplyText.Sanitize(ReplyTemplate.Render(template, name =>
        {
            foreach (var (n, v) in values)
            {
                if (n == name)
                {
                    return Convert.ToString(v, French) ?? string.Empty;
                }
            }

            return name switch
            {
                "question" => poll.Question,
                "number" => poll.Id.ToString(CultureInfo.InvariantCulture),
                "platform" => platform,
                "user" or "channel" => string.Empty,
                _ => null,
            };
        }));
}
