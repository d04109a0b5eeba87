namespace LiveBot.Dashboard;

/// <summary>
/// Who may see the presenter page and call its API: whoever presents the token as
/// <c>Authorization: Bearer</c>, <c>?token=</c> or the <c>livebot_token</c> cookie (HttpOnly, SameSite=Strict).
/// </summary>
public static class DashboardAuth
{
    public const string Unauthorized =
        "Jeton manquant ou invalide : ouvrez le lien affiché au démarrage de LiveBot (http://…/?token=…) ou envoyez l'en-tête « Authorization: Bearer <jeton> ».";

    public static bool IsAuthorized(HttpContext context, DashboardToken token)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && token.Matches(header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        return token.Matches(request.Query["token"].ToString()) || token.Matches(request.Cookies[DashboardToken.CookieName]);
    }

    /// <summary>Keeps the token in a cookie the page's scripts cannot read and other sites cannot send.</summary>
    public static void SetCookie(HttpContext context, DashboardToken token) =>
        context.Response.Cookies.Append(DashboardToken.CookieName, token.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
            IsEssential = true,
        });

    /// <summary>Answers 401 (JSON, in French) unless the request carries the token.</summary>
    public static TBuilder RequireDashboardToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (!IsAuthorized(context, context.RequestServices.GetRequiredService<DashboardToken>()))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new { error = Unauthorized }, DashboardFeed.Json, statusCode: StatusCodes.Status401Unauthorized);
            }

            return await next(invocation);
        });
}
