using LiveBot.Core.Text;

namespace LiveBot.Dashboard;

/// <summary>
/// Refuses every state-changing request (anything but GET, HEAD, OPTIONS, TRACE: the questions' actions, the
/// test chat, polls and every later endpoint, without each one opting in) that a browser marks as coming from
/// another page: an <c>Origin</c> other than the bot's own address (another port of 127.0.0.1 included), or
/// <c>Sec-Fetch-Site: cross-site</c> / <c>same-site</c>. Such a request may only go through with the token in
/// the <c>Authorization</c> header, which a foreign page cannot add; the cookie alone is not enough, as a
/// same-site page's <c>fetch</c> carries it (issue 13). curl and the bot's own page send neither header or the
/// right one, and pass.
/// </summary>
public static partial class CrossOriginGuard
{
    public const string Refused =
        "Requête refusée : elle vient d'une autre page que celle de LiveBot. Utilisez la page des présentateurs, ou envoyez l'en-tête « Authorization: Bearer <jeton> ».";

    public static IApplicationBuilder UseCrossOriginGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (IsStateChanging(request.Method) && IsCrossOrigin(request)
            && !DashboardAuth.HasHeaderToken(context, context.RequestServices.GetRequiredService<DashboardToken>()))
        {
            Log.Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossOriginGuard)), request.Method, ValueQuote.Quote(request.Path.Value), ValueQuote.Quote(request.Headers.Origin.ToString()));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = Refused }, DashboardFeed.Json, context.RequestAborted);
            return;
        }

        await next(context);
    });

    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>
    /// True when a browser says the request comes from another page: <c>Sec-Fetch-Site</c> cross-site or
    /// same-site, or an <c>Origin</c> (even "null") whose host and port are not the ones this request reached.
    /// </summary>
    public static bool IsCrossOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "cross-site" or "same-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Cross-origin {Method} {Path} refused (Origin {Origin})")]
        public static partial void Refused(ILogger logger, string method, string path, string origin);
    }
}
