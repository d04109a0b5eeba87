using System.Globalization;
using System.Text.Json;
using LiveBot.Polls;

namespace LiveBot.Dashboard;

/// <summary>
/// The presenters' poll API, all behind the token: <c>GET /api/polls</c> (newest first), <c>GET /api/polls/{id}</c>,
/// <c>POST /api/polls</c> {"question", "choices", "duration"}, <c>POST /api/polls/{id}/close</c>,
/// <c>GET /api/polls/export.csv</c>. Other web sites may not post here: the global cross-origin guard
/// (<see cref="CrossOriginGuard"/>) refuses their requests before any endpoint, as for every other action.
/// </summary>
public static class PollEndpoints
{
    /// <summary>Largest request body read: six choices and a question fit many times over.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const string Expected = "Corps attendu : {\"question\":\"Tu es en quelle classe ?\",\"choices\":[\"3e\",\"2nde\"],\"duration\":\"00:02:00\"}";

    public static IEndpointRouteBuilder MapPollApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/polls").RequireDashboardToken().WithSecurityHeaders();
        api.MapGet("/", (PollBox polls) => Json(new { polls = polls.List().Select(PollView.From) }));
        api.MapGet("/{id:int}", (int id, PollBox polls) => polls.Get(id) is { } poll ? Json(PollView.From(poll)) : NotFound(id));
        api.MapGet("/export.csv", (PollBox polls, TimeProvider time) =>
        {
            var zone = QuestionCsv.FrenchTimeZone();
            var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Results.File(PollCsv.Write(polls.List().OrderBy(p => p.Id), zone), "text/csv; charset=utf-8", $"sondages-{day}.csv");
        });
        api.MapPost("/", async (HttpRequest http, PollBox polls, CancellationToken cancellationToken) =>
        {
            var (draft, error) = await ReadDraftAsync(http, cancellationToken);
            if (draft is null)
            {
                return Error(error!, StatusCodes.Status400BadRequest);
            }

            var result = polls.Open(draft);
            return result.Outcome == PollOpenOutcome.AlreadyOpen
                ? Error($"Un sondage est déjà en cours (#{result.Poll.Id}) : clôturez-le d'abord.", StatusCodes.Status409Conflict)
                : Results.Json(PollView.From(result.Poll), DashboardFeed.Json, statusCode: StatusCodes.Status201Created);
        });
        api.MapPost("/{id:int}/close", (int id, PollBox polls) =>
        {
            if (polls.Close(id, PollCloseReason.Presenter) is not { } closed)
            {
                return NotFound(id);
            }

            return closed.ClosedNow ? Json(PollView.From(closed.Poll)) : Error($"Le sondage #{id} est déjà clos.", StatusCodes.Status409Conflict);
        });
        return app;
    }

    private static async Task<(PollDraft? Draft, string? Error)> ReadDraftAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return (null, $"Corps trop long ({MaxBodyBytes / 1024} Ko au plus).");
        }

        var body = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await http.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return (null, $"Corps trop long ({MaxBodyBytes / 1024} Ko au plus).");
        }

        try
        {
            using var document = JsonDocument.Parse(body.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Expected);
            }

            var question = root.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            if (!root.TryGetProperty("choices", out var c) || c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                return (null, "« choices » : une liste de textes. " + Expected);
            }

            TimeSpan? duration = null;
            if (root.TryGetProperty("duration", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.String || !TimeSpan.TryParseExact(d.GetString(), @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var parsed))
                {
                    return (null, "« duration » : une durée hh:mm:ss, par exemple \"00:02:00\", ou null pour clore à la main.");
                }

                duration = parsed;
            }

            return PollDraft.TryCreate(question, c.EnumerateArray().Select(e => e.GetString()), duration, out var draft, out var error)
                ? (draft, null)
                : (null, "Sondage non lancé : " + PollDraft.Describe(error) + ".");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (ligne {line + 1}, colonne {ex.BytePositionInLine + 1})" : string.Empty;
            return (null, $"JSON invalide{where}. {Expected}");
        }
        catch (InvalidOperationException)
        {
            // A string with an escaped lone surrogate ("\ud800"): not text (issue 13).
            return (null, "JSON invalide : un texte contient un caractère Unicode incomplet. " + Expected);
        }
    }

    private static IResult Json(object value) => Results.Json(value, DashboardFeed.Json);

    private static IResult NotFound(int id) => Error($"Sondage #{id} introuvable.", StatusCodes.Status404NotFound);

    private static IResult Error(string message, int status) => Results.Json(new { error = message }, DashboardFeed.Json, statusCode: status);
}
