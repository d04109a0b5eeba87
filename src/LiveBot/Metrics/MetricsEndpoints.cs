using System.Diagnostics.Metrics;
using LiveBot.Core.Metrics;
using LiveBot.Dashboard;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace LiveBot.Metrics;

/// <summary>
/// OpenTelemetry metrics in Prometheus' text format at <c>GET /metrics</c>: the bot's own <c>livebot_…</c>
/// instruments (meter "LiveBot"), .NET runtime and ASP.NET Core ones. Behind the presenters' token unless
/// <c>Metrics:Public</c> is true.
/// </summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMetricsExport(this IServiceCollection services)
    {
        services.AddLiveBotMetrics();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LiveBotMeter.Name)
            .AddRuntimeInstrumentation()
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));

        // Meters are found by name across the process: keep only this host's own (tests run several bots at once).
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) =>
        {
            var factory = sp.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => LiveBotMeter.IsOwn(instrument, factory) ? null : MetricStreamConfiguration.Drop);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // The holders' observable instruments exist once the holders do.
        _ = app.ServiceProvider.GetServices<IMetricInstruments>().ToList();
        var open = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Public;
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: open ? null : branch => branch.Use(RequireTokenAsync), optionsName: null);
        return app;
    }

    private static async Task RequireTokenAsync(HttpContext context, RequestDelegate next)
    {
        var outcome = DashboardAuth.Authorize(context, context.RequestServices.GetRequiredService<DashboardToken>());
        if (outcome != AuthOutcome.Ok)
        {
            await DashboardAuth.Refusal(context, outcome).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
