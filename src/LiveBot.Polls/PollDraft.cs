using LiveBot.Core.Chat;
using LiveBot.Core.Text;

namespace LiveBot.Polls;

/// <summary>Why a poll cannot be opened as asked; each one has its own text in commands.json.</summary>
public enum PollDraftError
{
    NoQuestion,
    TooFewChoices,
    TooManyChoices,
    TooLong,
    DuplicateChoice,
    BadDuration,
}

/// <summary>A checked request to open a poll: one line of text for the question and for each choice.</summary>
public sealed record PollDraft(string Question, IReadOnlyList<string> Choices, TimeSpan? Duration)
{
    public const int MinChoices = 2;
    public const int MaxChoices = 6;
    public const int MaxQuestionLength = 200;
    public const int MaxChoiceLength = 60;
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// Checks untrusted text (chat, API, page): texts become one plain line (<see cref="ReplyText.Sanitize"/>),
    /// empty choices are skipped, two choices that only differ by case or accents are refused.
    /// </summary>
    public static bool TryCreate(string? question, IEnumerable<string?>? choices, TimeSpan? duration, out PollDraft draft, out PollDraftError error)
    {
        draft = new PollDraft(string.Empty, [], null);
        error = default;
        var text = ReplyText.Sanitize(question);
        var list = (choices ?? []).Take(100).Select(c => ReplyText.Sanitize(c)).Where(c => c.Length > 0).ToList();
        if (text.Length == 0)
        {
            error = PollDraftError.NoQuestion;
        }
        else if (list.Count < MinChoices)
        {
            error = PollDraftError.TooFewChoices;
        }
        else if (list.Count > MaxChoices)
        {
            error = PollDraftError.TooManyChoices;
        }
        else if (text.Length > MaxQuestionLength || list.Any(c => c.Length > MaxChoiceLength))
        {
            error = PollDraftError.TooLong;
        }
        else if (list.Select(TextFolding.Fold).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            error = PollDraftError.DuplicateChoice;
        }
        else if (duration is { } d && (d < MinDuration || d > MaxDuration))
        {
            error = PollDraftError.BadDuration;
        }
        else
        {
            draft = new PollDraft(text, list, duration);
            return true;
        }

        return false;
    }

    /// <summary>The French sentence for <paramref name="error"/>, for the API and the presenter page.</summary>
    public static string Describe(PollDraftError error) => error switch
    {
        PollDraftError.NoQuestion => "la question est vide",
        PollDraftError.TooFewChoices => $"il faut au moins {MinChoices} choix",
        PollDraftError.TooManyChoices => $"{MaxChoices} choix au plus",
        PollDraftError.TooLong => $"question de {MaxQuestionLength} caractères au plus, choix de {MaxChoiceLength} au plus",
        PollDraftError.DuplicateChoice => "deux choix sont identiques",
        PollDraftError.BadDuration => "durée entre 00:00:10 et 01:00:00",
        _ => error.ToString(),
    };
}
