namespace LiveBot.Dashboard;

/// <summary>
/// Headers of every dashboard response: a strict Content-Security-Policy (scripts and styles only from our
/// own files, no inline script, no plugin, no other origin), no MIME sniffing, no referrer (the token
/// never leaks in a Referer), no caching.
/// </summary>
public static class SecurityHeaders
{
    private const string Common =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

    /// <summary>The presenter page: never framed by another site.</summary>
    public const string PagePolicy = Common + "; frame-ancestors 'none'";

    /// <summary>The overlay: may be embedded by streaming tools; it holds no secret and no button.</summary>
    public const string OverlayPolicy = Common;

    public static void Apply(HttpResponse response, string policy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    /// <summary>
    /// Chooses the policy of an endpoint (the page's by default). Every response gets the headers anyway, 401s,
    /// errors, /api/chat and /healthz included (see <see cref="AddSecurityHeaders"/>).
    /// </summary>
    public static TBuilder WithSecurityHeaders<TBuilder>(this TBuilder builder, string policy = PagePolicy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecurityPolicy(policy));

    /// <summary>
    /// Puts the headers on every response of the process, before anything else runs (host filtering's 400
    /// included): as the response starts, each header the endpoint did not set itself is added (an event
    /// stream keeps its own Cache-Control).
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, StartupFilter>());
        return services;
    }

    private static void ApplyMissing(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<SecurityPolicy>()?.Policy ?? PagePolicy;
        var headers = context.Response.Headers;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = policy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
        }
    }

    /// <summary>The Content-Security-Policy an endpoint asks for.</summary>
    public sealed record SecurityPolicy(string Policy);

    private sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(static state =>
                {
                    ApplyMissing((HttpContext)state);
                    return Task.CompletedTask;
                }, context);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
