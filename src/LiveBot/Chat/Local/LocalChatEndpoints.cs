using System.Text.Json;
using LiveBot.Core.Chat;
using LiveBot.Dashboard;
using Microsoft.Extensions.Options;

namespace LiveBot.Chat.Local;

public static class LocalChatEndpoints
{
    /// <summary>Largest request body read: a 10,000-character line in JSON, with room to spare.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string Expected = "Corps attendu : {\"user\":\"alice\",\"text\":\"!aide\",\"roles\":[\"viewer\"]}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// <c>POST /api/chat</c>: {"user":"alice","text":"!aide","roles":["viewer"]} -> {"replies":[...]}.
    /// Anyone on the machine may chat as a viewer; a higher role (to try moderators' commands such as
    /// <c>!q ok 12</c>) needs the presenters' token, and no other web site may post here.
    /// </summary>
    public static IEndpointRouteBuilder MapLocalChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", async (HttpRequest http, LocalChatPlatform local, IOptions<LocalChatOptions> options, DashboardToken token, CancellationToken cancellationToken) =>
        {
            if (!options.Value.IsOn)
            {
                return Results.Json(
                    new { error = "Le chat de test est désactivé (LocalChat:Enabled, éteint par défaut quand Twitch ou YouTube est activé)." },
                    statusCode: StatusCodes.Status404NotFound);
            }

            if (CrossOriginGuard.IsCrossOrigin(http))
            {
                return Results.Json(new { error = "Le chat de test n'accepte que les requêtes de la page de LiveBot." }, statusCode: StatusCodes.Status403Forbidden);
            }

            // Read by hand rather than bound by the framework: any content type, a size cap, and a clear
            // French error for broken JSON instead of an empty 400.
            if (http.ContentLength > MaxBodyBytes)
            {
                return Results.BadRequest(new { error = $"Corps trop long ({MaxBodyBytes / 1024} Ko au plus)." });
            }

            LocalChatRequest? request;
            try
            {
                var body = new byte[MaxBodyBytes + 1];
                var length = 0;
                int read;
                while (length < body.Length && (read = await http.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0)
                {
                    length += read;
                }

                if (length > MaxBodyBytes)
                {
                    return Results.BadRequest(new { error = $"Corps trop long ({MaxBodyBytes / 1024} Ko au plus)." });
                }

                request = length == 0 ? null : JsonSerializer.Deserialize<LocalChatRequest>(body.AsSpan(0, length), Json);
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber is { } line ? $" (ligne {line + 1}, colonne {ex.BytePositionInLine + 1})" : string.Empty;
                return Results.BadRequest(new { error = $"JSON invalide{where}. {Expected}" });
            }

            if (request is null || string.IsNullOrWhiteSpace(request.User) || request.Text is null)
            {
                return Results.BadRequest(new { error = Expected });
            }

            if (request.User.Trim().Length > LocalChatPlatform.MaxUserLength || request.User.Any(char.IsControl)
                || ReplyText.Sanitize(request.User).Length == 0)
            {
                return Results.BadRequest(new { error = $"« user » : 1 à {LocalChatPlatform.MaxUserLength} caractères visibles, sans caractère de contrôle." });
            }

            if (request.Text.Length > LocalChatPlatform.MaxTextLength)
            {
                return Results.BadRequest(new { error = $"« text » : {LocalChatPlatform.MaxTextLength} caractères au plus." });
            }

            var roles = new List<ChatRole>();
            foreach (var name in request.Roles ?? [])
            {
                if (!ChatRoles.TryParse(name, out var parsed))
                {
                    return Results.BadRequest(new { error = $"Rôle inconnu « {name} » (attendu : {string.Join(", ", ChatRoles.Names)})." });
                }

                roles.Add(parsed);
            }

            var role = ChatRoles.Highest(roles);
            var outcome = role > ChatRole.Viewer ? DashboardAuth.Authorize(http.HttpContext, token) : AuthOutcome.Ok;
            if (outcome == AuthOutcome.Throttled)
            {
                return DashboardAuth.Refusal(http.HttpContext, outcome);
            }

            if (outcome != AuthOutcome.Ok)
            {
                return Results.Json(
                    new { error = "Le rôle « " + role.ToName() + " » demande le jeton des présentateurs (lien affiché au démarrage, ou en-tête « Authorization: Bearer <jeton> »)." },
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            var replies = await local.SayAsync(ReplyText.Sanitize(request.User), request.Text, role, cancellationToken);
            return Results.Ok(new LocalChatResponse(replies));
        });
        return app;
    }
}

public sealed record LocalChatRequest(string? User, string? Text, string[]? Roles);

public sealed record LocalChatResponse(IReadOnlyList<string> Replies);
