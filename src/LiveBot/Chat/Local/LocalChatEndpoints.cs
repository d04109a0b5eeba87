using LiveBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LiveBot.Chat.Local;

public static class LocalChatEndpoints
{
    /// <summary><c>POST /api/chat</c>: {"user":"alice","text":"!aide","roles":["viewer"]} -> {"replies":[...]}.</summary>
    public static IEndpointRouteBuilder MapLocalChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", async (LocalChatRequest? request, LocalChatPlatform local, IOptions<LocalChatOptions> options, CancellationToken cancellationToken) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.Problem("Le chat de test est désactivé (LocalChat:Enabled = false).", statusCode: StatusCodes.Status404NotFound);
            }

            if (request is null || string.IsNullOrWhiteSpace(request.User) || request.Text is null)
            {
                return Results.BadRequest(new { error = "Corps attendu : {\"user\":\"alice\",\"text\":\"!aide\",\"roles\":[\"viewer\"]}" });
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
