using LiveBot.Questions;

namespace LiveBot.Dashboard;

/// <summary>A question as the presenter page and the API show it (status as its API name).</summary>
public sealed record QuestionView(
    int Id,
    string Platform,
    string Channel,
    string AuthorId,
    string AuthorName,
    string Text,
    string Status,
    int Votes,
    bool Held,
    string? HeldReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Why chat moderation hid it ("auteur banni du chat"...); null otherwise.</summary>
    public string? HiddenReason { get; init; }

    public static QuestionView From(Question q) =>
        new(q.Id, q.Platform, q.Channel, q.AuthorId, q.AuthorName, q.Text, QuestionStatusNames.ToApi(q.Status), q.Votes, q.Held, q.HeldReason, q.CreatedAt, q.UpdatedAt)
        {
            HiddenReason = q.HiddenReason,
        };
}

/// <summary>What the public overlay may know of the on-air question: nothing else (no author id, no votes).</summary>
public sealed record OverlayQuestion(int Id, string Text, string AuthorName, string Platform)
{
    public static OverlayQuestion From(Question q) => new(q.Id, q.Text, q.AuthorName, q.Platform);
}

/// <summary>Status names of the API (<c>?status=onair</c>) and their French labels.</summary>
public static class QuestionStatusNames
{
    public static readonly IReadOnlyList<string> ApiNames = ["pending", "approved", "onair", "answered", "hidden"];

    public static string ToApi(QuestionStatus status) => status switch
    {
        QuestionStatus.Pending => "pending",
        QuestionStatus.Approved => "approved",
        QuestionStatus.OnAir => "onair",
        QuestionStatus.Answered => "answered",
        QuestionStatus.Hidden => "hidden",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string ToFrench(QuestionStatus status) => status switch
    {
        QuestionStatus.Pending => "en attente",
        QuestionStatus.Approved => "approuvée",
        QuestionStatus.OnAir => "à l'antenne",
        QuestionStatus.Answered => "répondue",
        QuestionStatus.Hidden => "masquée",
        _ => status.ToString(),
    };

    public static bool TryParse(string? name, out QuestionStatus status)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "pending":
                status = QuestionStatus.Pending;
                return true;
            case "approved":
                status = QuestionStatus.Approved;
                return true;
            case "onair" or "on-air" or "on_air":
                status = QuestionStatus.OnAir;
                return true;
            case "answered":
                status = QuestionStatus.Answered;
                return true;
            case "hidden":
                status = QuestionStatus.Hidden;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
