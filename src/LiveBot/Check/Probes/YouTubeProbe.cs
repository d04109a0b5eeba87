using System.Globalization;
using System.Text.Json;
using LiveBot.YouTube;
using LiveBot.YouTube.Api;
using LiveBot.YouTube.Quota;
using LiveBot.YouTube.Reading;
using Microsoft.Extensions.Options;

namespace LiveBot.Check.Probes;

/// <summary>
/// YouTube: the refresh token and its scope (one call to the token endpoint), the live the bot would join
/// (through the bot's own <see cref="LiveLocator"/>: title, chat id, or none yet), the stream transport on
/// that chat, and the units spent today from the bot's <see cref="QuotaLedger"/> (the check's calls included).
/// </summary>
public sealed class YouTubeProbe(
    IOptions<YouTubeOptions> options,
    IHttpClientFactory httpClients,
    LiveLocator locator,
    YouTubeGateway gateway,
    QuotaLedger ledger) : ICheckProbe
{
    public const string AuthName = "YouTube, autorisation";
    public const string ScopeName = "YouTube, droits";
    public const string LiveName = "YouTube, direct";
    public const string StreamName = "YouTube, lecture en flux";
    public const string QuotaName = "YouTube, quota";

    private const string Login = "relancez `dotnet run --project src/LiveBot -- youtube-login` avec le compte de la chaîne (README, section YouTube).";

    public string Point => AuthName;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var lines = await AuthorizeAsync(cancellationToken);
        if (lines.Any(l => l.Status == CheckStatus.Failed))
        {
            lines.Add(Quota());
            return lines;
        }

        if (ledger.Snapshot().ExceededUntil is null)
        {
            lines.AddRange(await LiveAsync(cancellationToken));
        }

        lines.Add(Quota());
        return lines;
    }

    private async Task<List<CheckLine>> AuthorizeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = settings.ClientId ?? string.Empty,
            ["client_secret"] = settings.ClientSecret ?? string.Empty,
            ["refresh_token"] = settings.RefreshToken ?? string.Empty,
        });
        JsonElement body;
        int status;
        try
        {
            using var response = await httpClients.CreateClient(CheckServiceCollectionExtensions.HttpClientName).PostAsync(settings.TokenUri, form, cancellationToken);
            status = (int)response.StatusCode;
            await response.Content.LoadIntoBufferAsync(64 * 1024, cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            body = document.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [CheckLine.Failed(AuthName, $"Google ne répond pas ({ex.GetType().Name})", "vérifiez la connexion à Internet (et YouTube:TokenUri), puis relancez la vérification.")];
        }

        if (status != 200)
        {
            var error = Text(body, "error") ?? status.ToString(CultureInfo.InvariantCulture);
            return error == "invalid_client"
                ? [CheckLine.Failed(AuthName, "Google ne reconnaît pas le client OAuth (invalid_client)", "vérifiez YouTube:ClientId et YouTube:ClientSecret (Google Cloud, Identifiants).")]
                : [CheckLine.Failed(AuthName, $"refresh token refusé par Google ({error})", Login)];
        }

        var scope = Text(body, "scope");
        var lines = new List<CheckLine> { CheckLine.Ok(AuthName, "refresh token accepté par Google") };
        lines.Add(scope is null
            ? CheckLine.Warning(ScopeName, "Google n'a pas dit les droits du jeton", "si le bot ne peut pas écrire, " + Login)
            : scope.Split(' ').Contains(YouTubeService.YoutubeForceSslScope, StringComparer.Ordinal)
                ? CheckLine.Ok(ScopeName, YouTubeService.YoutubeForceSslScope)
                : CheckLine.Failed(ScopeName, $"il manque {YouTubeService.YoutubeForceSslScope} (droits : {scope})", "ajoutez ce scope à l'écran de consentement OAuth, puis " + Login));
        return lines;
    }

    private async Task<List<CheckLine>> LiveAsync(CancellationToken cancellationToken)
    {
        FoundChat? found;
        try
        {
            found = await locator.FindAsync(cancellationToken);
        }
        catch (YouTubeCallException ex)
        {
            return [Failure(LiveName, ex)];
        }

        if (found is null)
        {
            return [CheckLine.Warning(LiveName, "pas encore de direct", "lancez ou programmez le direct : le bot le trouve tout seul (il regarde toutes les " + (int)options.Value.WaitingInterval.TotalSeconds + " s).")];
        }

        var title = found.Title is { Length: > 0 } t ? $"« {t} » " : string.Empty;
        var lines = new List<CheckLine> { CheckLine.Ok(LiveName, $"{title}(chat {found.LiveChatId})") };
        if (options.Value.Transport == YouTubeTransport.Poll)
        {
            lines.Add(CheckLine.Ok(StreamName, "non utilisée : lecture par sondage (YouTube:Transport=Poll)"));
            return lines;
        }

        try
        {
            await using var stream = await gateway.OpenStreamAsync(found.LiveChatId, null, cancellationToken);
            lines.Add(CheckLine.Ok(StreamName, "liveChatMessages.streamList répond"));
        }
        catch (YouTubeCallException ex) when (ex.Failure != YouTubeFailure.QuotaExceeded)
        {
            lines.Add(CheckLine.Warning(StreamName, $"streamList ne répond pas ({Describe(ex)}) : le bot lira par sondage, réponses plus lentes", "rien à faire pour le direct ; si cela dure, mettez YouTube:Transport=Poll."));
        }
        catch (YouTubeCallException ex)
        {
            lines.Add(Failure(StreamName, ex));
        }

        return lines;
    }

    private CheckLine Failure(string point, YouTubeCallException ex)
    {
        if (ex.Failure == YouTubeFailure.QuotaExceeded)
        {
            ledger.MarkExceeded();
            return CheckLine.Failed(point, "YouTube dit quotaExceeded : plus aucun appel possible aujourd'hui", "voyez la ligne « YouTube, quota ».");
        }

        return ex.Failure switch
        {
            YouTubeFailure.Unauthorized => CheckLine.Failed(point, $"YouTube refuse le jeton ({Describe(ex)})", Login),
            YouTubeFailure.Forbidden => CheckLine.Failed(point, $"YouTube refuse l'accès ({Describe(ex)})", "connectez-vous (youtube-login) avec le compte de la chaîne ou un de ses modérateurs."),
            YouTubeFailure.NotFound or YouTubeFailure.ChatEnded or YouTubeFailure.ChatDisabled => CheckLine.Failed(point, $"chat introuvable ou fermé ({Describe(ex)})", "vérifiez YouTube:LiveChatId / YouTube:VideoId, ou laissez-les vides pour que le bot trouve le direct de la chaîne."),
            _ => CheckLine.Failed(point, $"YouTube ne répond pas normalement ({Describe(ex)})", "réessayez dans quelques minutes ; si cela dure, voyez l'état des services Google."),
        };
    }

    private CheckLine Quota()
    {
        var snapshot = ledger.Snapshot();
        var daily = options.Value.DailyQuota;
        var found = string.Create(CultureInfo.InvariantCulture, $"{snapshot.Spent} unités dépensées aujourd'hui sur {daily}");
        if (snapshot.ExceededUntil is { } until)
        {
            var paris = TimeZoneInfo.ConvertTime(until, ParisZone());
            return CheckLine.Failed(QuotaName, $"épuisé jusqu'à {paris:HH\\:mm} (heure de Paris) : {found}", "attendez la remise à zéro (minuit, heure du Pacifique), ou demandez plus de quota pour le projet Google Cloud ; le reste du bot marche sans YouTube.");
        }

        return snapshot.Spent >= daily * 0.8
            ? CheckLine.Warning(QuotaName, found, "il reste peu d'unités : le bot lira moins souvent et répondra moins sur YouTube.")
            : CheckLine.Ok(QuotaName, found);
    }

    private static string Describe(YouTubeCallException ex) =>
        string.Join(' ', new[] { ex.StatusCode?.ToString(CultureInfo.InvariantCulture), ex.Reason }.Where(s => !string.IsNullOrEmpty(s)));

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeZoneInfo ParisZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
