namespace LiveBot.Dashboard;

/// <summary>
/// Who may see the presenter page and call its API: whoever presents the token as
/// <c>Authorization: Bearer</c>, <c>?token=</c> or the <c>livebot_token</c> cookie (HttpOnly, SameSite=Strict).
/// </summary>
public static class DashboardAuth
{
    public const string Unauthorized =
        "Jeton manquant ou invalide : ouvrez le lien affiché au démarrage de LiveBot (http://…/?token=…) ou envoyez l'en-tête « Authorization: Bearer <jeton> ».";

    public const string Throttled = "Trop de jetons invalides depuis cette adresse : réessayez dans quelques secondes.";

    /// <summary>True when the request carries the token (header, query or cookie) and its client is not throttled.</summary>
    public static bool IsAuthorized(HttpContext context, DashboardToken token) => Authorize(context, token) == AuthOutcome.Ok;

    /// <summary>
    /// Checks the token the request presents. A client that presented too many wrong tokens is
    /// <see cref="AuthOutcome.Throttled"/> for a while, whatever it presents (see <see cref="AuthFailureThrottle"/>).
    /// </summary>
    public static AuthOutcome Authorize(HttpContext context, DashboardToken token)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var query = request.Query["token"].ToString();
        var cookie = request.Cookies[DashboardToken.CookieName];
        if (string.IsNullOrEmpty(bearer) && string.IsNullOrEmpty(query) && string.IsNullOrEmpty(cookie))
        {
            return AuthOutcome.Missing;
        }

        var throttle = context.RequestServices.GetService<AuthFailureThrottle>();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
        if (throttle?.IsBlocked(client) == true)
        {
            return AuthOutcome.Throttled;
        }

        if (token.Matches(bearer) || token.Matches(query) || token.Matches(cookie))
        {
            return AuthOutcome.Ok;
        }

        throttle?.Failed(client);
        return AuthOutcome.Wrong;
    }

    /// <summary>The token in the <c>Authorization</c> header: what a page of another site can never send.</summary>
    public static bool HasHeaderToken(HttpContext context, DashboardToken token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetService<AuthFailureThrottle>()?.IsBlocked(context.Connection.RemoteIpAddress?.ToString() ?? "inconnu") != true
            && token.Matches(header["Bearer ".Length..].Trim());
    }

    /// <summary>The answer to a request that failed <see cref="Authorize"/>: 429 with Retry-After when throttled, else 401.</summary>
    public static IResult Refusal(HttpContext context, AuthOutcome outcome)
    {
        if (outcome == AuthOutcome.Throttled)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(AuthFailureThrottle.Refill.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = Throttled }, DashboardFeed.Json, statusCode: StatusCodes.Status429TooManyRequests);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new { error = Unauthorized }, DashboardFeed.Json, statusCode: StatusCodes.Status401Unauthorized);
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
            var outcome = Authorize(context, context.RequestServices.GetRequiredService<DashboardToken>());
            if (outcome != AuthOutcome.Ok)
            {
                return Refusal(context, outcome);
            }

            return await next(invocation);
        });
}

/// <summary>What <see cref="DashboardAuth.Authorize"/> found.</summary>
public enum AuthOutcome
{
    Ok,
    Missing,
    Wrong,
    Throttled,
}
