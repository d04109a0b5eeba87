using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>
/// <c>Offers:Source = FranceTravail</c>: "Offres d'emploi v2" with an OAuth2 client-credentials token,
/// apprenticeship and professionalisation contracts only (<c>natureContrat=E2,FS</c>), at most 3 ROME
/// codes a call, INSEE commune (Paris, Lyon, Marseille: their 1st arrondissement), 204 = nothing, 206 = a page.
/// For !entreprises it lists the employers of those offers.
/// </summary>
public sealed partial class FranceTravailSource(
    IHttpClientFactory httpClients,
    IOptions<OffersOptions> options,
    PlaceResolver places,
    TimeProvider time,
    ILogger<FranceTravailSource> logger) : IOfferSource, IDisposable
{
    public const string HttpClientName = "LiveBot.Offers.FranceTravail";
    public const int MaxCodesPerCall = 3;

    /// <summary>France Travail allows 10 calls a second per client id (token calls included).</summary>
    public const int CallsPerSecond = 10;

    public const string LimiterKey = "FranceTravail";
    private const int MaxBodyBytes = 8 * 1024 * 1024;
    private static readonly Dictionary<string, string> WholeCities = new(StringComparer.Ordinal)
    {
        ["75056"] = "75101",
        ["13055"] = "13201",
        ["69123"] = "69381",
    };

    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public string Name => "FranceTravail";

    public bool IsDemo => false;

    /// <summary>The INSEE code France Travail takes for a commune (the rule for Paris, Lyon, Marseille).</summary>
    public static string CommuneCode(string insee) => WholeCities.GetValueOrDefault(insee, insee);

    public async Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        var chunks = query.Codes.Chunk(MaxCodesPerCall).ToList();
        var pages = await Task.WhenAll(chunks.Select(chunk => SearchChunkAsync(query, chunk, cancellationToken)));
        var offers = pages.SelectMany(p => p.Offers).DistinctBy(o => o.Id).ToList();
        var total = pages.Sum(p => p.Total);
        if (query.Kind == OfferKind.Offers)
        {
            var items = offers.Select(o => ToItem(query, o)).ToList();
            return new OfferResults(OfferOrder.Sort(items).Take(query.MaxResults).ToList(), Math.Max(total, items.Count));
        }

        // No recruiter list here: the employers of the apprenticeship offers found.
        var companies = OfferOrder.Sort(offers.Where(o => !string.IsNullOrWhiteSpace(o.Entreprise?.Nom)).Select(o => ToItem(query, o)))
            .DistinctBy(i => i.Company, StringComparer.OrdinalIgnoreCase)
            .Select(i => i with { Title = i.Company!, Company = null, Url = null, Published = null })
            .ToList();
        return new OfferResults(companies.Take(query.MaxResults).ToList(), companies.Count);
    }

    public void Dispose() => _tokenGate.Dispose();

    private async Task<(List<Offre> Offers, int Total)> SearchChunkAsync(OfferQuery query, string[] codes, CancellationToken cancellationToken)
    {
        var where = query.Place.Kind switch
        {
            PlaceKind.Departement => $"departement={query.Place.Departement}",
            PlaceKind.Region when query.Place.RegionCode is { } region => $"region={region}",
            _ => $"commune={CommuneCode(query.Place.Insee)}&distance={query.RadiusKm}",
        };
        var path = string.Create(CultureInfo.InvariantCulture, $"offres/search?natureContrat=E2,FS&codeROME={string.Join(',', codes)}&{where}&range=0-149&sort=2");
        var uri = new Uri(options.Value.FranceTravail.BaseUri, path);
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(forceRefresh: attempt > 0, cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    continue; // The token expired early: one new token, one more try.
                }

                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return ([], 0);
                }

                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
                {
                    Log.Failed(logger, (int)response.StatusCode);
                    throw new OfferSourceException($"France Travail answered {(int)response.StatusCode}");
                }

                await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var body = await JsonSerializer.DeserializeAsync<SearchResponse>(stream, cancellationToken: cancellationToken);
                var offers = (body?.Resultats ?? []).OfType<Offre>().Where(o => !string.IsNullOrWhiteSpace(o.Id)).ToList();
                var total = TotalFrom(response.Content.Headers.TryGetValues("Content-Range", out var ranges) || response.Headers.TryGetValues("Content-Range", out ranges) ? ranges.FirstOrDefault() : null);
                return (offers, Math.Max(total ?? 0, offers.Count));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or Polly.ExecutionRejectedException)
            {
                Log.Unreachable(logger, ex.GetType().Name);
                throw new OfferSourceException("France Travail unreachable", ex);
            }
        }
    }

    private async Task<string> TokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (!forceRefresh && _token is not null && time.GetUtcNow() < _tokenExpires)
            {
                return _token;
            }

            var settings = options.Value.FranceTravail;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId ?? string.Empty,
                ["client_secret"] = settings.ClientSecret ?? string.Empty,
                ["scope"] = settings.Scope,
            });
            TokenResponse? body;
            try
            {
                using var response = await httpClients.CreateClient(HttpClientName).PostAsync(settings.TokenUri, form, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Log.TokenRefused(logger, (int)response.StatusCode);
                    throw new OfferSourceException($"France Travail token endpoint answered {(int)response.StatusCode}");
                }

                await response.Content.LoadIntoBufferAsync(64 * 1024, cancellationToken);
                body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or Polly.ExecutionRejectedException)
            {
                Log.Unreachable(logger, ex.GetType().Name);
                throw new OfferSourceException("France Travail token endpoint unreachable", ex);
            }

            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new OfferSourceException("France Travail gave no token");
            }

            // Renewed a minute early; never kept less than 10 s.
            var lifetime = TimeSpan.FromSeconds(Math.Clamp(body.ExpiresIn ?? 300, 10, 86_400));
            _token = body.AccessToken;
            _tokenExpires = time.GetUtcNow() + (lifetime > TimeSpan.FromMinutes(2) ? lifetime - TimeSpan.FromMinutes(1) : lifetime / 2);
            return _token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private OfferItem ToItem(OfferQuery query, Offre offre)
    {
        var where = offre.LieuTravail;
        double? distance = null;
        if (where?.Latitude is { } lat && where.Longitude is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
        {
            distance = GeoMath.DistanceKm(query.Place.Latitude, query.Place.Longitude, lat, lon);
        }
        else if (where?.Commune is { } insee && places.FindByInsee(insee) is { } commune)
        {
            distance = GeoMath.DistanceKm(query.Place.Latitude, query.Place.Longitude, commune.Latitude, commune.Longitude);
        }

        var city = where?.Commune is { } code && places.FindByInsee(code) is { } known ? known.ShortName : CityFromLabel(where?.Libelle);
        DateTimeOffset? published = DateTimeOffset.TryParse(offre.DateCreation, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null;
        var url = Uri.TryCreate(offre.OrigineOffre?.UrlOrigine, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.ToString()
            : "https://candidat.francetravail.fr/offres/recherche/detail/" + Uri.EscapeDataString(offre.Id!);
        var company = string.IsNullOrWhiteSpace(offre.Entreprise?.Nom) ? null : offre.Entreprise.Nom.Trim();
        return new OfferItem((offre.Intitule ?? offre.RomeLibelle ?? string.Empty).Trim(), company, city, distance, published, url);
    }

    /// <summary>"69 - LYON 03" -> "Lyon 03".</summary>
    private static string CityFromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return string.Empty;
        }

        var name = LabelPrefix().Replace(label, string.Empty).Trim();
        return CultureInfo.GetCultureInfo("fr-FR").TextInfo.ToTitleCase(name.ToLowerInvariant());
    }

    private static int? TotalFrom(string? contentRange)
    {
        // "offres 0-149/353"
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && int.TryParse(contentRange.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    [GeneratedRegex(@"^\s*[0-9AB]{2,3}\s*-\s*")]
    private static partial Regex LabelPrefix();

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("expires_in")]
        public int? ExpiresIn { get; set; }
    }

    private sealed class SearchResponse
    {
        [JsonPropertyName("resultats")]
        public List<Offre?>? Resultats { get; set; }
    }

    private sealed class Offre
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("intitule")]
        public string? Intitule { get; set; }

        [JsonPropertyName("dateCreation")]
        public string? DateCreation { get; set; }

        [JsonPropertyName("lieuTravail")]
        public Lieu? LieuTravail { get; set; }

        [JsonPropertyName("romeLibelle")]
        public string? RomeLibelle { get; set; }

        [JsonPropertyName("entreprise")]
        public Entreprise? Entreprise { get; set; }

        [JsonPropertyName("origineOffre")]
        public Origine? OrigineOffre { get; set; }
    }

    private sealed class Lieu
    {
        [JsonPropertyName("libelle")]
        public string? Libelle { get; set; }

        [JsonPropertyName("latitude")]
        public double? Latitude { get; set; }

        [JsonPropertyName("longitude")]
        public double? Longitude { get; set; }

        [JsonPropertyName("commune")]
        public string? Commune { get; set; }
    }

    private sealed class Entreprise
    {
        [JsonPropertyName("nom")]
        public string? Nom { get; set; }
    }

    private sealed class Origine
    {
        [JsonPropertyName("urlOrigine")]
        public string? UrlOrigine { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "France Travail refused the client credentials (HTTP {Status}): check Offers:FranceTravail:ClientId and ClientSecret")]
        public static partial void TokenRefused(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "France Travail answered HTTP {Status}")]
        public static partial void Failed(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "France Travail unreachable ({Error})")]
        public static partial void Unreachable(ILogger logger, string error);
    }
}
