using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Offers.Index;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Mirror;

/// <summary>A refresh that did not give a new index, with the reason /healthz shows (French).</summary>
public sealed class MirrorException(string reason, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>The API asked to wait this long (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The export's link and date, as <c>job/v1/export</c> answers.</summary>
public sealed record ExportLink(Uri Url, DateTimeOffset LastUpdate);

/// <summary>
/// One talk with API Alternance about its export: ask <c>job/v1/export</c> for the signed link (with the
/// API key, counted by the limiter), then stream the file from the storage host (without the key), gzip
/// or not, through the export reader into a new index. Progress goes to the log at most every 5 s.
/// </summary>
public sealed partial class ExportDownload(
    IHttpClientFactory httpClients,
    IOptions<OffersOptions> options,
    [FromKeyedServices(ApiAlternanceSource.LimiterKey)] CallLimiter limiter,
    PlaceResolver places,
    JobCatalog jobs,
    TimeProvider time,
    ILogger<ExportDownload> logger)
{
    public const string StorageClientName = "LiveBot.Offers.ApiAlternance.Export";
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <summary>Asks for the export's link; <see cref="MirrorException"/> when refused or unreadable.</summary>
    public async Task<ExportLink> AskLinkAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.ApiAlternance;
        await limiter.AcquireAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUri, settings.ExportPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
            using var response = await httpClients.CreateClient(ApiAlternanceSource.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new MirrorException($"API Alternance refuse la clé ({(int)response.StatusCode}) : vérifier Offers:ApiAlternance:ApiKey");
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = ApiAlternanceSource.RetryAfter(response, time);
                limiter.BlockUntil(time.GetUtcNow() + wait);
                throw new MirrorException($"API Alternance demande d'attendre ({(int)wait.TotalSeconds} s, 429)", wait);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MirrorException($"API Alternance a répondu {(int)response.StatusCode} pour l'export");
            }

            await response.Content.LoadIntoBufferAsync(64 * 1024, linked.Token);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(linked.Token), cancellationToken: linked.Token);
            var url = ExportReader.Str(document.RootElement, "url");
            var lastUpdate = ExportReader.Str(document.RootElement, "lastUpdate");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)
                || !DateTimeOffset.TryParse(lastUpdate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
            {
                throw new MirrorException("réponse de job/v1/export illisible (url ou lastUpdate)");
            }

            return new ExportLink(link, date);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or InvalidOperationException)
        {
            throw new MirrorException($"export injoignable ({ex.GetType().Name})", null, ex);
        }
    }

    /// <summary>
    /// Downloads and indexes the export. A link refused by the storage host (403/404: expired) is asked
    /// again once. A cut, corrupt or refused file throws <see cref="MirrorException"/>.
    /// </summary>
    public async Task<(OfferIndex Index, ExportCounts Counts)> DownloadAsync(ExportLink link, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await DownloadOnceAsync(link.Url, cancellationToken);
            }
            catch (ExpiredLinkException) when (attempt == 0)
            {
                Log.LinkExpired(logger);
                link = await AskLinkAsync(cancellationToken);
            }
            catch (ExpiredLinkException ex)
            {
                throw new MirrorException($"lien de l'export refusé par le stockage ({ex.Message}), même après un nouveau lien");
            }
        }
    }

    private async Task<(OfferIndex, ExportCounts)> DownloadOnceAsync(Uri url, CancellationToken cancellationToken)
    {
        var builder = new OfferIndexBuilder(places, jobs);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await httpClients.CreateClient(StorageClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
            {
                throw new ExpiredLinkException(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MirrorException($"le stockage de l'export a répondu {(int)response.StatusCode}");
            }

            await using var body = new CountingStream(await response.Content.ReadAsStreamAsync(cancellationToken));
            var gzip = response.Content.Headers.ContentType?.MediaType is "application/gzip" or "application/x-gzip"
                || url.AbsolutePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            await using Stream json = gzip ? new GZipStream(body, CompressionMode.Decompress) : body;
            var lastLog = time.GetUtcNow();
            var counts = await ExportReader.ReadAsync(json, time.GetUtcNow(), builder.Add, cancellationToken, progress =>
            {
                if ((progress.Items & 1023) == 0 && time.GetUtcNow() - lastLog >= ProgressEvery)
                {
                    lastLog = time.GetUtcNow();
                    Log.Progress(logger, body.BytesRead / (1024 * 1024), progress.Items);
                }
            });
            return (builder.Build(), counts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException)
        {
            throw new MirrorException($"export coupé ou illisible après {builder.Count} éléments ({ex.GetType().Name})", null, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            throw new MirrorException($"téléchargement de l'export interrompu ({ex.GetType().Name})", null, ex);
        }
    }

    private sealed class ExpiredLinkException(string status) : Exception(status);

    /// <summary>Counts the bytes read, for the progress log.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Offers export: {Megabytes} MB read, {Items} items")]
        public static partial void Progress(ILogger logger, long megabytes, int items);

        [LoggerMessage(Level = LogLevel.Information, Message = "Offers export link expired: asking for a new one")]
        public static partial void LinkExpired(ILogger logger);
    }
}
