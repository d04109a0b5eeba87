using System.Text.Json;
using LiveBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LiveBot.Chat.Local;

public static class LocalChatEndpoints
{
    /// <summary>Largest request body read: a 10,000-character line in JSON, with room to spare.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string Expected = "Corps attendu : {\"user\":\"alice\",\"text\":\"!aide\",\"roles\":[\"viewer\"]}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>POST /api/chat</c>: {"user":"alice","text":"!aide","roles":["viewer"]} -> {"replies":[...]}.</summary>
    public static IEndpointRouteBuilder MapLocalChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", async (HttpRequest http, LocalChatPlatform local, IOptions<LocalChatOptions> options, CancellationToken cancellationToken) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.Problem("Le chat de test est désactivé (LocalChat:Enabled = false).", statusCode: StatusCodes.Status404NotFound);
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

            if (request.User.Trim().Length > LocalChatPlatform.MaxUserLength || request.User.Any(char.IsControl))
            {
                return Results.BadRequest(new { error = $"« user » : {LocalChatPlatform.MaxUserLength} caractères au plus, sans caractère de contrôle." });
            }

            if (request.Text.Length > LocalChatPlatform.MaxTextLength)
            {
                return Results.BadRequest(new { error = $"« text » : {LocalChatPlatform.MaxTextLength} caractères au plus." });
            }

            var roles = new List<ChatRole>();
            foreach (var name in request.Roles ?? [])
            {
                if (!ChatRoles.TryParse(name, out var role))
                {
                    return Results.BadRequest(new { error = $"Rôle inconnu « {name} » (attendu : {string.Join(", ", ChatRoles.Names)})." });
                }

                roles.Add(role);
            }

            var replies = await local.SayAsync(request.User, request.Text, ChatRoles.Highest(roles), cancellationToken);
            return Results.Ok(new LocalChatResponse(replies));
        });
        return app;
    }
}

public sealed record LocalChatRequest(string? User, string? Text, string[]? Roles);

public sealed record LocalChatResponse(IReadOnlyList<string> Replies);
