using System.Text;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using LiveBot.Core.Metrics;
using LiveBot.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace LiveBot.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>The presenter page, its token, its live feed and the overlay (<c>Dashboard</c> section).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateWith(new DashboardOptionsValidator());
        services.AddSingleton<DashboardToken>();
        services.AddSingleton<AuthFailureThrottle>();
        services.AddSecurityHeaders();
        services.AddSingleton<DashboardLinks>();
        services.AddSingleton<DashboardFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardFeed>());
        services.AddSingleton<OffersFeed>();
        services.AddSingleton<PollFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<PollFeed>());
        services.AddSingleton<IHealthSection, DashboardHealthSection>();
        services.AddMetricInstruments<DashboardMetrics>();
        return services;
    }

    /// <summary>Most overlay event streams open at once (the overlay needs no token).</summary>
    public const int MaxOverlayStreams = 32;

    /// <summary>
    /// <c>GET /</c> (token), <c>GET /events</c> (token), <c>GET /overlay</c> and <c>GET /overlay/events</c>
    /// (public: the on-air question only), <c>/assets/*</c>, and the question API.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", PresenterPage).WithSecurityHeaders();
        app.MapGet("/events", (HttpContext context, DashboardFeed feed, PollFeed polls, OffersFeed offers) =>
        {
            var subscription = feed.SubscribePresenter();
            return StreamAsync(context, subscription, feed.PresenterSnapshot() + polls.PresenterSnapshot() + offers.PresenterSnapshot());
        }).RequireDashboardToken().WithSecurityHeaders();
        app.MapGet("/overlay", () => Asset("overlay.html")).WithSecurityHeaders(SecurityHeaders.OverlayPolicy);
        app.MapGet("/overlay/events", (HttpContext context, DashboardFeed feed, PollFeed polls) =>
        {
            // Public, so bounded: a few OBS scenes need a handful; past that it is someone else.
            if (feed.OverlayCount >= MaxOverlayStreams)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return context.Response.WriteAsJsonAsync(new { error = "Trop d'overlays ouverts." });
            }

            var subscription = feed.SubscribeOverlay();
            return StreamAsync(context, subscription, feed.OverlaySnapshot() + polls.OverlaySnapshot());
        }).WithSecurityHeaders(SecurityHeaders.OverlayPolicy);
        app.MapGet("/assets/{name}", (string name) => Asset(name)).WithSecurityHeaders(SecurityHeaders.OverlayPolicy);
        app.MapQuestionApi();
        app.MapPollApi();
        return app;
    }

    /// <summary>
    /// The page with the token; <c>?token=</c> is swapped for the cookie and dropped from the address bar
    /// (then neither history nor a screen share shows it); without it, a short French explanation.
    /// </summary>
    private static IResult PresenterPage(HttpContext context, DashboardToken token)
    {
        var query = context.Request.Query["token"];
        if (query.Count > 0)
        {
            if (DashboardAuth.Authorize(context, token) is var outcome && outcome != AuthOutcome.Ok)
            {
                return outcome == AuthOutcome.Throttled ? DashboardAuth.Refusal(context, outcome) : NoToken();
            }

            DashboardAuth.SetCookie(context, token);
            return Results.Redirect("/");
        }

        return DashboardAuth.IsAuthorized(context, token) ? Asset("index.html") : NoToken();
    }

    private static IResult NoToken()
    {
        var bytes = EmbeddedDefaults.Read("LiveBot.Dashboard.no-token.html");
        var html = bytes is null ? DashboardAuth.Unauthorized : Encoding.UTF8.GetString(bytes);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);
    }

    /// <summary>Writes the snapshot, then every frame the feed queues, until the client leaves or the bot stops.</summary>
    private static async Task StreamAsync(HttpContext context, FeedSubscription subscription, string snapshot)
    {
        using var _ = subscription;
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.WriteAsync("retry: 2000\n\n" + snapshot, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            var frames = subscription.Frames;
            while (await frames.WaitToReadAsync(cancellationToken))
            {
                while (frames.TryRead(out var frame))
                {
                    await response.WriteAsync(frame, cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed or reloaded.
        }
        catch (IOException)
        {
            // The connection dropped mid-write.
        }
    }

    private static IResult Asset(string name)
    {
        var bytes = EmbeddedDefaults.Read("LiveBot.Dashboard." + name);
        return bytes is null ? Results.NotFound() : Results.Bytes(bytes, ContentType(name));
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
