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

    public static TBuilder WithSecurityHeaders<TBuilder>(this TBuilder builder, string policy = PagePolicy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            Apply(invocation.HttpContext.Response, policy);
            return await next(invocation);
        });
}
