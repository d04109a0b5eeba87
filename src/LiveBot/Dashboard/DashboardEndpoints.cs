using LiveBot.Hosting;

namespace LiveBot.Dashboard;

public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardLinks>();
        return services;
    }

    /// <summary>The presenter page and its assets, served from the program's embedded resources.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/assets/{name}", (string name) => Asset(name, ContentType(name)));
        return app;
    }

    private static IResult Asset(string name, string contentType)
    {
        var bytes = EmbeddedDefaults.Read("LiveBot.Dashboard." + name);
        return bytes is null ? Results.NotFound() : Results.Bytes(bytes, contentType);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };
}
