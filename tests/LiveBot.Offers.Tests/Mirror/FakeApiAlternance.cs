using System.IO.Compression;
using System.Text;
using LiveBot.Offers.Index;
using LiveBot.Offers.Sources;
using LiveBot.Offers.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveBot.Offers.Tests.Mirror;

/// <summary>How the fake storage host serves the export file.</summary>
public enum StorageMode
{
    Plain,
    Gzip,
    Cut,
    ExpiredOnce,
    ExpiredAlways,
}

/// <summary>
/// A fake API Alternance on loopback, as the real one behaves: <c>job/v1/export</c> (Bearer key) answers a
/// signed link to a second loopback server standing for the object storage (no key there), valid for one
/// link only when told to expire; <c>job/v1/search</c>; 401 for a wrong key; 429 with Retry-After on demand.
/// </summary>
internal sealed class FakeApiAlternance : IAsyncDisposable
{
    public const string Key = "test-key";
    public const string ExportPath = "/api/job/v1/export";
    public const string SearchPath = "/api/job/v1/search";

    private int _links;

    private FakeApiAlternance(FakeUpstream api, FakeUpstream storage)
    {
        Api = api;
        Storage = storage;
    }

    public FakeUpstream Api { get; }

    public FakeUpstream Storage { get; }

    public byte[] Export { get; set; } = Encoding.UTF8.GetBytes("[]");

    public DateTimeOffset LastUpdate { get; set; } = new(2026, 12, 2, 2, 4, 11, TimeSpan.Zero);

    public StorageMode Mode { get; set; } = StorageMode.Plain;

    /// <summary>When set, job/v1/export answers 429 with this Retry-After (seconds).</summary>
    public int? TooManyRetryAfter { get; set; }

    public string SearchBody { get; set; } = """{"jobs":[],"recruiters":[]}""";

    public static async Task<FakeApiAlternance> StartAsync()
    {
        FakeApiAlternance? fake = null;
        var storage = await FakeUpstream.StartAsync((app, _) => app.MapGet("/exports/{name}", (HttpContext context, string name) => fake!.ServeFileAsync(context, name)));
        var api = await FakeUpstream.StartAsync((app, _) =>
        {
            app.MapGet(ExportPath, (HttpContext context) => fake!.Link(context));
            app.MapGet(SearchPath, (HttpContext context) => context.Request.Headers.Authorization == "Bearer " + Key
                ? Results.Text(fake!.SearchBody, "application/json")
                : Results.Json(new { statusCode = 401, error = "Unauthorized", message = "Unauthorized" }, statusCode: 401));
        });
        fake = new FakeApiAlternance(api, storage);
        return fake;
    }

    /// <summary>An export of these records (and of the extra raw items), pretty-printed.</summary>
    public void SetExport(IEnumerable<OfferRecord> records, params string[] rawItems)
    {
        using var stream = new MemoryStream();
        using (var writer = new ExportWriter(stream))
        {
            var i = 0;
            foreach (var record in records)
            {
                writer.Write(record, "job-" + i++);
            }
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        if (rawItems.Length > 0)
        {
            text = text.TrimEnd().TrimEnd(']').TrimEnd() + (text.Contains('{', StringComparison.Ordinal) ? "," : string.Empty) + string.Join(",", rawItems) + "]";
        }

        Export = Encoding.UTF8.GetBytes(text);
    }

    public Dictionary<string, string?> Settings(string dataFolder, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = Api.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = Key,
            ["Storage:Path"] = Path.Combine(dataFolder, "livebot.db"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Storage.DisposeAsync();
    }

    private IResult Link(HttpContext context)
    {
        if (context.Request.Headers.Authorization != "Bearer " + Key)
        {
            return Results.Json(new { statusCode = 401, error = "Unauthorized", message = "Unauthorized" }, statusCode: 401);
        }

        if (TooManyRetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { statusCode = 429, error = "Too Many Requests" }, statusCode: 429);
        }

        var n = Interlocked.Increment(ref _links);
        var name = Mode == StorageMode.Gzip ? $"export-{n}.json" : $"export-{n}.json";
        return Results.Json(new { url = $"{Storage.BaseUri}exports/{name}?X-Amz-Signature=sig{n}", lastUpdate = LastUpdate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) });
    }

    private async Task ServeFileAsync(HttpContext context, string name)
    {
        var expired = Mode == StorageMode.ExpiredAlways || (Mode == StorageMode.ExpiredOnce && name == "export-1.json");
        if (expired || !string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            return;
        }

        context.Response.ContentType = "application/json";
        if (Mode == StorageMode.Gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
            using var packed = new MemoryStream();
            await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Export);
            }

            await context.Response.Body.WriteAsync(packed.ToArray());
            return;
        }

        if (Mode == StorageMode.Cut)
        {
            // The connection drops in the middle of the file.
            context.Response.ContentLength = Export.Length;
            await context.Response.Body.WriteAsync(Export.AsMemory(0, Export.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        context.Response.ContentLength = Export.Length;
        await context.Response.Body.WriteAsync(Export);
    }
}
