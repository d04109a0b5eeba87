using LiveBot.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveBot.Check;

/// <summary>
/// The check from the presenter page, behind the presenters' token: <c>POST /api/check</c> runs it now
/// (a second click joins the run under way) and answers the report; <c>GET /api/check</c> answers the last
/// report (404 before the first run). Other web sites may not start a run.
/// </summary>
public static class CheckEndpoints
{
    public const string NotYetRun = "Aucune vérification depuis le démarrage du bot : lancez-la (POST /api/check ou le bouton du panneau « Préparation du direct »).";

    public static IEndpointRouteBuilder MapPreLiveCheck(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/check").RequireDashboardToken().WithSecurityHeaders();
        api.MapGet("/", (PreLiveCheck check) => check.Last is { } report
            ? Results.Json(CheckView.From(report), DashboardFeed.Json)
            : Results.Json(new { error = NotYetRun }, DashboardFeed.Json, statusCode: StatusCodes.Status404NotFound));
        api.MapPost("/", async (PreLiveCheck check, IServer server, CancellationToken cancellationToken) =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            var report = await check.RunSharedAsync(new CheckContext(InsideBot: true, addresses), cancellationToken);
            return Results.Json(CheckView.From(report), DashboardFeed.Json);
        });
        return app;
    }
}

/// <summary>The report as JSON: <c>{"ranAt","durationMs","passed","summary","lines":[{"point","status","symbol","found","fix"}]}</c>.</summary>
public sealed record CheckView(DateTimeOffset RanAt, long DurationMs, bool Passed, string Summary, IReadOnlyList<CheckLineView> Lines)
{
    public static CheckView From(CheckReport report) => new(
        report.RanAt,
        (long)report.Duration.TotalMilliseconds,
        report.Passed,
        CheckConsolePrinter.Summary(report),
        report.Lines.Select(l => new CheckLineView(l.Point, l.Status.ToString().ToLowerInvariant(), l.Symbol, l.Found, l.Fix)).ToList());
}

/// <summary>One line: <c>status</c> is <c>ok</c>, <c>warning</c> or <c>failed</c>.</summary>
public sealed record CheckLineView(string Point, string Status, string Symbol, string Found, string? Fix);
