using LiveBot.Core.Chat;
using LiveBot.Questions;

namespace LiveBot.Dashboard;

/// <summary>
/// The presenters' API, all behind the token: <c>GET /api/questions?status=&amp;platform=</c>,
/// <c>POST /api/questions/{id}/approve|onair|answered|hide|restore</c>, <c>GET /api/questions/export.csv</c>.
/// </summary>
public static class QuestionEndpoints
{
    private static readonly (string Name, string French, Func<QuestionQueue, int, Question?> Apply)[] Actions =
    [
        ("approve", "approuver", (queue, id) => queue.Approve(id)),
        ("onair", "mettre à l'antenne", (queue, id) => queue.PutOnAir(id)),
        ("answered", "marquer comme répondue", (queue, id) => queue.MarkAnswered(id)),
        ("hide", "masquer", (queue, id) => queue.Hide(id)),
        ("restore", "restaurer", (queue, id) => queue.Restore(id)),
    ];

    public static IEndpointRouteBuilder MapQuestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/questions").RequireDashboardToken().WithSecurityHeaders();
        api.MapGet("/", (string? status, string? platform, QuestionQueue queue) =>
        {
            if (!TryFilter(status, platform, out var statusFilter, out var platformFilter, out var error))
            {
                return error;
            }

            return Results.Json(new
            {
                counters = queue.Counters(),
                questions = queue.List(statusFilter, platformFilter).Select(QuestionView.From),
            }, DashboardFeed.Json);
        });
        api.MapGet("/export.csv", (string? status, string? platform, QuestionQueue queue, TimeProvider time) =>
        {
            if (!TryFilter(status, platform, out var statusFilter, out var platformFilter, out var error))
            {
                return error;
            }

            var zone = QuestionCsv.FrenchTimeZone();
            var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var bytes = QuestionCsv.Write(queue.List(statusFilter, platformFilter).OrderBy(q => q.Id), zone);
            return Results.File(bytes, "text/csv; charset=utf-8", $"questions-{day}.csv");
        });
        foreach (var (name, french, apply) in Actions)
        {
            api.MapPost("/{id:int}/" + name, (int id, QuestionQueue queue) =>
            {
                if (queue.Get(id) is not { } before)
                {
                    return Results.Json(new { error = $"Question #{id} introuvable." }, DashboardFeed.Json, statusCode: StatusCodes.Status404NotFound);
                }

                return apply(queue, id) is { } after
                    ? Results.Json(new { question = QuestionView.From(after) }, DashboardFeed.Json)
                    : Results.Json(
                        new { error = $"Impossible de {french} la question #{id} (statut « {QuestionStatusNames.ToFrench(before.Status)} »){HeldHint(before)}." },
                        DashboardFeed.Json,
                        statusCode: StatusCodes.Status409Conflict);
            });
        }

        return app;
    }

    private static string HeldHint(Question question) =>
        question.Held ? $" : elle est retenue ({question.HeldReason ?? "à vérifier"}), approuvez-la d'abord" : "";

    private static bool TryFilter(string? status, string? platform, out QuestionStatus? statusFilter, out string? platformFilter, out IResult error)
    {
        statusFilter = null;
        platformFilter = string.IsNullOrWhiteSpace(platform) ? null : platform.Trim().ToLowerInvariant();
        error = Results.Empty;
        if (string.IsNullOrWhiteSpace(status))
        {
            return true;
        }

        if (QuestionStatusNames.TryParse(status, out var parsed))
        {
            statusFilter = parsed;
            return true;
        }

        var shown = ReplyText.Truncate(status, 40);
        error = Results.Json(
            new { error = $"Statut inconnu « {shown} » (attendu : {string.Join(", ", QuestionStatusNames.ApiNames)})." },
            DashboardFeed.Json,
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
