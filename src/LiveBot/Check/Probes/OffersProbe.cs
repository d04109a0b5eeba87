using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Offers;
using LiveBot.Offers.Mirror;
using Microsoft.Extensions.Options;

namespace LiveBot.Check.Probes;

/// <summary>
/// The offers: one real search with the real key (and its latency), straight to the API (no cache, no
/// mirror, no retry: the check wants the API's own answer); the mirror's age and counts when there is one;
/// France Travail's token. The demo source needs nothing but says its offers are fictitious.
/// </summary>
public sealed class OffersProbe(
    IOptions<OffersOptions> options,
    IHttpClientFactory httpClients,
    OfferMirror mirror,
    MirrorService mirrorService,
    TimeProvider time) : ICheckProbe
{
    public const string Name = "Offres";
    public const string MirrorName = "Offres, copie locale";
    public const string TokenName = "France Travail, jeton";

    /// <summary>A search the API always understands: bakers (ROME D1102) around Lyon.</summary>
    public const string Rome = "D1102";

    /// <summary>Slower than this, viewers wait: ⚠.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(2);

    public string Point => Name;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return settings.Source switch
        {
            OfferSourceKind.ApiAlternance => await ApiAlternanceAsync(context, settings, cancellationToken),
            OfferSourceKind.FranceTravail => await FranceTravailAsync(settings.FranceTravail, cancellationToken),
            _ => [CheckLine.Warning(Name, "source Demo : offres fictives (chaque réponse le dit)", "pour un vrai direct, choisissez Offers:Source=ApiAlternance (avec Offers:ApiAlternance:ApiKey) ou FranceTravail.")],
        };
    }

    private async Task<List<CheckLine>> ApiAlternanceAsync(CheckContext context, OffersOptions settings, CancellationToken cancellationToken)
    {
        var lines = new List<CheckLine>();
        var path = string.Create(CultureInfo.InvariantCulture, $"job/v1/search?romes={Rome}&latitude=45.758&longitude=4.835&radius=30");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.ApiAlternance.BaseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiAlternance.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (line, body, latency) = await CallAsync("API Alternance", request, "vérifiez Offers:ApiAlternance:ApiKey (la clé se demande sur le site de l'API Alternance).", cancellationToken);
        line ??= Timed("API Alternance", Count(body, "jobs", "offres") + ", " + Count(body, "recruiters", "entreprises"), latency);

        lines.Add(line);
        if (settings.ApiAlternance.Mirror)
        {
            lines.Add(MirrorLine(context));
        }

        return lines;
    }

    private CheckLine MirrorLine(CheckContext context)
    {
        if (mirror.Index is null && !context.InsideBot && File.Exists(mirrorService.SnapshotPath))
        {
            mirrorService.LoadSnapshot();
        }

        if (mirror.Index is null)
        {
            return mirror.LastError is { } error
                ? CheckLine.Warning(MirrorName, "pas de copie locale utilisable : " + error, "le bot répondra en direct (limité à 60 appels par minute) jusqu'au prochain export réussi.")
                : CheckLine.Warning(MirrorName, "pas encore de copie locale", "le bot télécharge l'export (environ 1 Go) à son démarrage : démarrez-le au moins 30 minutes avant le direct.");
        }

        var line = mirror.StatusLine();
        return mirror.State == MirrorState.Stale
            ? CheckLine.Warning(MirrorName, line, "l'export n'a pas pu être mis à jour depuis 48 h : voyez /healthz (offers.mirror.lastError).")
            : CheckLine.Ok(MirrorName, line);
    }

    private async Task<List<CheckLine>> FranceTravailAsync(FranceTravailOptions settings, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId ?? string.Empty,
            ["client_secret"] = settings.ClientSecret ?? string.Empty,
            ["scope"] = settings.Scope,
        });
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, settings.TokenUri) { Content = form };
        var refused = "vérifiez Offers:FranceTravail:ClientId, ClientSecret et Scope (espace partenaire de France Travail, API « Offres d'emploi v2 »).";
        var (failed, body, _) = await CallAsync("le serveur de jetons de France Travail", tokenRequest, refused, cancellationToken, TokenName);
        if (failed is not null)
        {
            return [failed];
        }

        var token = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("access_token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            return [CheckLine.Failed(TokenName, "réponse sans jeton", refused)];
        }

        var lifetime = body.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? $" (valable {seconds / 60} min)" : string.Empty;
        var lines = new List<CheckLine> { CheckLine.Ok(TokenName, "obtenu" + lifetime) };
        var path = string.Create(CultureInfo.InvariantCulture, $"offres/search?natureContrat=E2,FS&codeROME={Rome}&commune=69123&distance=30&range=0-0");
        using var search = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUri, path));
        search.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        search.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (line, _, latency) = await CallAsync("France Travail", search, refused + " L'application doit avoir accès à l'API « Offres d'emploi v2 ».", cancellationToken);
        lines.Add(line ?? Timed("France Travail", "recherche acceptée", latency));
        return lines;
    }

    /// <summary>One call: a ✗ line when it failed, else the JSON body (empty for none) and the latency kept for <see cref="Timed"/>.</summary>
    private async Task<(CheckLine? Failed, JsonElement Body, TimeSpan Latency)> CallAsync(string service, HttpRequestMessage request, string refusedFix, CancellationToken cancellationToken, string point = Name)
    {
        var started = time.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(CheckServiceCollectionExtensions.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var latency = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            {
                return (CheckLine.Failed(point, $"{service} refuse les identifiants ({status})", refusedFix), default, latency);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (CheckLine.Failed(point, $"{service} dit « trop de requêtes » (429)", "attendez une minute et relancez la vérification ; si cela se répète, la clé sert peut-être ailleurs aussi."), default, latency);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (CheckLine.Failed(point, $"{service} ne répond pas normalement ({status})", "le service a un problème : réessayez plus tard ; pendant le direct le bot dira poliment que le service est indisponible."), default, latency);
            }

            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return (null, default, latency);
            }

            await response.Content.LoadIntoBufferAsync(8 * 1024 * 1024, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            try
            {
                using var document = JsonDocument.Parse(bytes);
                return (null, document.RootElement.Clone(), latency);
            }
            catch (JsonException)
            {
                return (CheckLine.Failed(point, $"{service} répond autre chose que du JSON", "l'adresse configurée n'est sans doute pas celle de l'API : vérifiez BaseUri / TokenUri."), default, latency);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (CheckLine.Failed(point, $"{service} injoignable ({ex.GetType().Name})", "vérifiez la connexion à Internet et l'adresse configurée (BaseUri / TokenUri)."), default, TimeSpan.Zero);
        }
    }

    private static CheckLine Timed(string service, string found, TimeSpan latency)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{service} répond en {latency.TotalMilliseconds:0} ms ({found})");
        return latency > SlowAnswer
            ? CheckLine.Warning(Name, text, "réponses lentes : les viewers attendront ; le bot répond depuis son cache quand il peut.")
            : CheckLine.Ok(Name, text);
    }

    private static string Count(JsonElement body, string property, string label) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array
            ? $"{items.GetArrayLength()} {label}"
            : $"0 {label}";
}
