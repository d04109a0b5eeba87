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
        services.AddSingleton<OverlayKey>();
        services.AddSingleton<OverlaySlots>();
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

    /// <summary>Most overlay event streams open at once (see <see cref="OverlaySlots"/>).</summary>
    public const int MaxOverlayStreams = OverlaySlots.Max;

    /// <summary>
    /// <c>GET /</c> (token), <c>GET /events</c> (token), <c>GET /overlay</c> and <c>GET /overlay/events</c>
    /// (the on-air question only; <c>?key=</c> the overlay key for a reserved slot), <c>GET /api/overlay</c>
    /// (token: the overlay's address with its key), <c>/assets/*</c>, and the question API.
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
        app.MapGet("/overlay/events", OverlayEvents).WithSecurityHeaders(SecurityHeaders.OverlayPolicy);
        app.MapGet("/api/overlay", (HttpContext context, DashboardLinks links) =>
            Results.Json(new { path = links.OverlayPath() })).RequireDashboardToken().WithSecurityHeaders();
        app.MapGet("/assets/{name}", (string name) => Asset(name)).WithSecurityHeaders(SecurityHeaders.OverlayPolicy);
        app.MapQuestionApi();
        app.MapPollApi();
        return app;
    }

    /// <summary>
    /// The overlay's stream. A wrong key is refused (401); without a key a client gets a bounded share of the
    /// slots (<see cref="OverlaySlots"/>), so idle keyless connections never lock OBS out.
    /// </summary>
    private static Task OverlayEvents(
        HttpContext context, DashboardFeed feed, PollFeed polls, OverlaySlots slots, OverlayKey key, DashboardToken token)
    {
        var offered = context.Request.Query["key"].ToString();
        if (offered.Length > 0 && !key.Matches(offered))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsJsonAsync(new { error = "Clé d'overlay inconnue : reprenez l'adresse de l'overlay sur la page des présentateurs." });
        }

        var keyed = offered.Length > 0 || DashboardAuth.IsAuthorized(context, token);
        var slot = slots.TryEnter(context.Connection.RemoteIpAddress, keyed);
        if (slot is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsJsonAsync(new
            {
                error = keyed ? "Trop d'overlays ouverts." : "Trop d'overlays ouverts sans clé : utilisez l'adresse de l'overlay avec sa clé (page des présentateurs).",
            });
        }

        return StreamOverlayAsync(context, slot, feed.SubscribeOverlay(), feed.OverlaySnapshot() + polls.OverlaySnapshot());
    }

    private static async Task StreamOverlayAsync(HttpContext context, IDisposable slot, FeedSubscription subscription, string snapshot)
    {
        using (slot)
        {
            await StreamAsync(context, subscription, snapshot);
        }
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
