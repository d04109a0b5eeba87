using System.Text.Json;
using LiveBot.Core.Storage;

namespace LiveBot.Hosting;

/// <summary>
/// Issue 13: an unhandled exception of any endpoint becomes a JSON error whose status says what happened
/// (507 disk full, 503 other storage failure, 500 otherwise) with a French message and no stack trace; never an
/// empty 500.
/// </summary>
public static partial class JsonErrors
{
    public const string DiskFull = "Le disque du bot est plein : rien n'a été enregistré. Libérez de la place puis réessayez, sans redémarrer le bot.";
    public const string StorageDown = "Le stockage du bot ne répond pas : rien n'a été enregistré. Réessayez dans un instant.";
    public const string Internal = "Erreur interne du bot : l'action n'a pas abouti. Réessayez ; si cela se répète, consultez le journal du bot.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IApplicationBuilder UseJsonErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JsonErrors));
            var (status, message) = Describe(ex);
            if (status == StatusCodes.Status500InternalServerError)
            {
                Log.Unhandled(logger, context.Request.Method, context.Request.Path, ex);
            }
            else
            {
                Log.Answered(logger, context.Request.Method, context.Request.Path, status, ex.GetType().Name);
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = message }, Json, context.RequestAborted);
        }
    });

    /// <summary>The status and French message of an exception that escaped an endpoint.</summary>
    public static (int Status, string Message) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, "Requête invalide."),
        _ when StorageUnavailableException.IsDiskFull(exception) => (StatusCodes.Status507InsufficientStorage, DiskFull),
        _ when StorageUnavailableException.IsStorageFailure(exception) => (StatusCodes.Status503ServiceUnavailable, StorageDown),
        _ => (StatusCodes.Status500InternalServerError, Internal),
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}: answered 500")]
        public static partial void Unhandled(ILogger logger, string method, string path, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered {Status} ({Exception})")]
        public static partial void Answered(ILogger logger, string method, string path, int status, string exception);
    }
}
