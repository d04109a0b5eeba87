using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;

namespace LiveBot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: platforms, moderators' files, and each capability's section.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (PlatformRegistry platforms, ConfigStatusRegistry config, IEnumerable<IHealthSection> sections) =>
            Results.Json(Build(platforms, config, sections)));
        return app;
    }

    public static Dictionary<string, object?> Build(PlatformRegistry platforms, ConfigStatusRegistry config, IEnumerable<IHealthSection> sections)
    {
        var platformHealth = platforms.All.Select(p => p.GetHealth()).ToList();
        var sectionList = sections.ToList();
        var degraded = !config.AllOk || platformHealth.Any(p => p.IsDegraded) || sectionList.Any(s => s.IsDegraded);
        var document = new Dictionary<string, object?>
        {
            ["status"] = degraded ? "degraded" : "ok",
            ["platforms"] = platformHealth.Select(p => new Dictionary<string, object?>
            {
                ["name"] = p.Name,
                ["state"] = p.State,
                ["channels"] = p.Channels,
                ["messagesIn"] = p.MessagesIn,
                ["messagesOut"] = p.MessagesOut,
                ["droppedReplies"] = p.DroppedReplies,
                ["error"] = p.Error,
                ["details"] = p.Details,
            }).ToList(),
            ["config"] = config.Snapshot().ToDictionary(kv => Path.GetFileNameWithoutExtension(kv.Key), kv => kv.Value),
        };
        foreach (var section in sectionList)
        {
            document[section.Name] = section.Report();
        }

        return document;
    }
}
