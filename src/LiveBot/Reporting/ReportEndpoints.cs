using System.Text;
using LiveBot.Dashboard;
using LiveBot.Reporting;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Rendering;

namespace LiveBot.Reporting;

/// <summary>
/// <c>GET /report</c> (the HTML report), <c>GET /api/report</c> (JSON) and <c>GET /api/report/export.csv</c>
/// (French Excel), all behind the presenters' token, each with <c>?from=&amp;to=</c> in Paris time.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The report page has no script at all; its styles are inline (one self-contained file).</summary>
    public const string ReportPolicy =
        "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The live report and the presenter page's "Statistiques" tab.</summary>
    public static IServiceCollection AddLiveReportPages(this IServiceCollection services)
    {
        services.AddLiveReport();
        services.AddHostedService<LiveStatsFeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report", (string? from, string? to, ReportBuilder builder, TimeProvider time) =>
            WithPeriod(from, to, (f, t) =>
                Results.Content(ReportHtml.Render(builder.Build(f, t), time.GetUtcNow()), "text/html; charset=utf-8", Encoding.UTF8)))
            .RequireDashboardToken().WithSecurityHeaders(ReportPolicy);
        var api = app.MapGroup("/api/report").RequireDashboardToken().WithSecurityHeaders();
        api.MapGet("/", (string? from, string? to, ReportBuilder builder) =>
            WithPeriod(from, to, (f, t) => Results.Json(builder.Build(f, t), DashboardFeed.Json)));
        api.MapGet("/export.csv", (string? from, string? to, ReportBuilder builder, TimeProvider time) =>
            WithPeriod(from, to, (f, t) =>
            {
                var day = ReportPeriod.ToParis(time.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return Results.File(ReportCsv.Write(builder.Build(f, t)), "text/csv; charset=utf-8", $"rapport-{day}.csv");
            }));
        return app;
    }

    private static IResult WithPeriod(string? from, string? to, Func<DateTimeOffset?, DateTimeOffset?, IResult> answer)
    {
        if (!ReportPeriod.TryParse(from, endOfDay: false, out var start, out var error) || !ReportPeriod.TryParse(to, endOfDay: true, out var end, out error))
        {
            return Results.Json(new { error }, DashboardFeed.Json, statusCode: StatusCodes.Status400BadRequest);
        }

        return answer(start, end);
    }
}
