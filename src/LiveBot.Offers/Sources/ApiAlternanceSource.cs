using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveBot.Offers.Places;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Sources;

/// <summary>
/// <c>Offers:Source = ApiAlternance</c>: <c>GET job/v1/search</c> of API Alternance with a Bearer key;
/// <c>jobs[]</c> answer !offres, <c>recruiters[]</c> answer !entreprises.
/// </summary>
public sealed partial class ApiAlternanceSource(
    IHttpClientFactory httpClients,
    IOptions<OffersOptions> options,
    PlaceResolver places,
    ILogger<ApiAlternanceSource> logger) : IOfferSource
{
    public const string HttpClientName = "LiveBot.Offers.ApiAlternance";
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    public string Name => "ApiAlternance";

    public bool IsDemo => false;

    public async Task<OfferResults> SearchAsync(OfferQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value.ApiAlternance;
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"job/v1/search?romes={string.Join(',', query.Codes)}&latitude={query.Place.Latitude:0.#####}&longitude={query.Place.Longitude:0.#####}&radius={query.RadiusKm}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        SearchResponse? body;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                Log.Refused(logger, (int)response.StatusCode);
                throw new OfferSourceException("API Alternance refused the API key");
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.Failed(logger, (int)response.StatusCode);
                throw new OfferSourceException($"API Alternance answered {(int)response.StatusCode}");
            }

            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            body = await JsonSerializer.DeserializeAsync<SearchResponse>(stream, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            Log.Unreachable(logger, ex.GetType().Name);
            throw new OfferSourceException("API Alternance unreachable", ex);
        }

        if (body is null)
        {
            throw new OfferSourceException("API Alternance answered an empty body");
        }

        var items = query.Kind == OfferKind.Offers
            ? (body.Jobs ?? []).Where(j => !string.IsNullOrWhiteSpace(j?.Identifier?.Id) && j.Offer?.Status is null or "Active")
                .Select(j => ToItem(query, j!, j!.Offer?.Title, j.Workplace?.Name ?? j.Workplace?.Brand ?? j.Workplace?.LegalName))
            : (body.Recruiters ?? []).Where(r => !string.IsNullOrWhiteSpace(r?.Workplace?.Name))
                .Select(r => ToItem(query, r!, r!.Workplace!.Name, null));
        var all = items.Where(i => i.Title.Length > 0).ToList();
        return new OfferResults(OfferOrder.Sort(all).Take(query.MaxResults).ToList(), all.Count);
    }

    private OfferItem ToItem(OfferQuery query, Posting posting, string? title, string? company)
    {
        var coordinates = posting.Workplace?.Location?.Geopoint?.Coordinates;
        double? distance = null;
        var city = string.Empty;
        if (coordinates is { Length: >= 2 } && Math.Abs(coordinates[1]) <= 90 && Math.Abs(coordinates[0]) <= 180)
        {
            // GeoJSON: [longitude, latitude].
            var (lon, lat) = (coordinates[0], coordinates[1]);
            distance = GeoMath.DistanceKm(query.Place.Latitude, query.Place.Longitude, lat, lon);
            city = places.Nearest(lat, lon)?.ShortName ?? string.Empty;
        }

        DateTimeOffset? published = DateTimeOffset.TryParse(posting.Offer?.Publication?.Creation, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null;
        var url = Uri.TryCreate(posting.Apply?.Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.ToString() : null;
        return new OfferItem(title?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(company) ? null : company.Trim(), city, distance, published, url);
    }

    private sealed class SearchResponse
    {
        [JsonPropertyName("jobs")]
        public List<Posting?>? Jobs { get; set; }

        [JsonPropertyName("recruiters")]
        public List<Posting?>? Recruiters { get; set; }
    }

    private sealed class Posting
    {
        [JsonPropertyName("identifier")]
        public IdentifierPart? Identifier { get; set; }

        [JsonPropertyName("workplace")]
        public WorkplacePart? Workplace { get; set; }

        [JsonPropertyName("apply")]
        public ApplyPart? Apply { get; set; }

        [JsonPropertyName("offer")]
        public OfferPart? Offer { get; set; }
    }

    private sealed class IdentifierPart
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }
    }

    private sealed class WorkplacePart
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("brand")]
        public string? Brand { get; set; }

        [JsonPropertyName("legal_name")]
        public string? LegalName { get; set; }

        [JsonPropertyName("location")]
        public LocationPart? Location { get; set; }
    }

    private sealed class LocationPart
    {
        [JsonPropertyName("geopoint")]
        public GeopointPart? Geopoint { get; set; }
    }

    private sealed class GeopointPart
    {
        [JsonPropertyName("coordinates")]
        public double[]? Coordinates { get; set; }
    }

    private sealed class ApplyPart
    {
        [JsonPropertyName("url")]
        public string? Url { get; set; }
    }

    private sealed class OfferPart
    {
        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("status")]
        public string? Status { get; set; }

        [JsonPropertyName("publication")]
        public PublicationPart? Publication { get; set; }
    }

    private sealed class PublicationPart
    {
        [JsonPropertyName("creation")]
        public string? Creation { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "API Alternance refused the API key (HTTP {Status}): check Offers:ApiAlternance:ApiKey")]
        public static partial void Refused(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "API Alternance answered HTTP {Status}")]
        public static partial void Failed(ILogger logger, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "API Alternance unreachable ({Error})")]
        public static partial void Unreachable(ILogger logger, string error);
    }
}
