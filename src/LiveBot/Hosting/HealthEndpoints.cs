using System.Text.Json;
using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveBot.Hosting;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>GET /healthz</c>: platforms, moderators' files, and each capability's section (the bot's own JSON);
    /// <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (storage, configuration,
    /// platforms), ASP.NET Core health checks for Docker and orchestrators: 200 when healthy or degraded, 503
    /// otherwise. All three are public, as a container's probe has no token.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (PlatformRegistry platforms, ConfigStatusRegistry config, IEnumerable<IHealthSection> sections) =>
            Results.Json(Build(platforms, config, sections)));
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthChecksServiceCollectionExtensions.ReadyTag),
            ResponseWriter = WriteAsync,
        });
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

    /// <summary><c>{"status":"Healthy","checks":{"storage":{"status":"Healthy","description":"…"},…}}</c>.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, object?> { ["status"] = e.Value.Status.ToString(), ["description"] = e.Value.Description }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, LiveBot.Dashboard.DashboardFeed.Json), context.RequestAborted);
    }
}
