using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveBot.Core.Text;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Index;

/// <summary>Why an item of an export or a search answer was left out.</summary>
public enum SkipReason
{
    /// <summary>Not a JSON object (null, a number...).</summary>
    NotAnObject,

    /// <summary>No coordinates, wrong types, or out of range.</summary>
    Coordinates,

    /// <summary>No valid ROME code.</summary>
    RomeCode,

    /// <summary>No title (offer) or name (company).</summary>
    Title,

    /// <summary>An offer no longer open (status Filled, Cancelled...).</summary>
    Inactive,

    /// <summary>An offer whose <c>publication.expiration</c> is past.</summary>
    Expired,

    /// <summary>Same <c>partner_label</c> and <c>partner_job_id</c> as an earlier item.</summary>
    Duplicate,
}

/// <summary>
/// Reads items in API Alternance's <c>JobOfferRead</c> shape (the daily export and <c>job/v1/search</c>),
/// tolerant of anything: unknown fields are ignored, any field may be null or of the wrong type, and a bad
/// item is skipped with its reason, never an exception.
/// </summary>
public static partial class ExportReader
{
    /// <summary><c>identifier.partner_label</c> of companies open to spontaneous applications.</summary>
    public const string CompanyLabel = "recruteurs_lba";

    public const int MaxTextLength = 200;

    public const int MaxUrlLength = 1_000;

    /// <summary>
    /// Streams a JSON array of items, one at a time (never the whole file in memory), skipping bad items
    /// and duplicates. Throws <see cref="JsonException"/> when the JSON itself is broken or cut.
    /// </summary>
    public static async Task<ExportCounts> ReadAsync(Stream stream, DateTimeOffset now, Action<OfferRecord> accept, CancellationToken cancellationToken, Action<ExportCounts>? progress = null)
    {
        var counts = new ExportCounts();
        var seen = new HashSet<ulong>();
        var options = new JsonSerializerOptions { MaxDepth = 64 };
        await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, options, cancellationToken))
        {
            counts.Items++;
            if (TryParse(item, null, now, out var record, out var key, out var reason) && (key == 0 || seen.Add(key)))
            {
                if (record.Kind == OfferKind.Offers)
                {
                    counts.Offers++;
                }
                else
                {
                    counts.Companies++;
                }

                accept(record);
            }
            else
            {
                counts.Skip(reason ?? SkipReason.Duplicate);
            }

            progress?.Invoke(counts);
        }

        return counts;
    }

    /// <summary>
    /// One item -> one record, or the reason it is left out. <paramref name="kind"/> forces the kind (the
    /// search's <c>jobs</c> and <c>recruiters</c>); null: from <c>partner_label</c> (the export).
    /// <paramref name="key"/> identifies the item for de-duplication (0 when it has no identifier).
    /// <paramref name="defaultCodes"/> stand for missing ROME codes (a search's recruiters have none: the codes asked).
    /// </summary>
    public static bool TryParse(JsonElement item, OfferKind? kind, DateTimeOffset now, out OfferRecord record, out ulong key, out SkipReason? reason, IReadOnlyList<string>? defaultCodes = null)
    {
        record = null!;
        key = 0;
        reason = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            reason = SkipReason.NotAnObject;
            return false;
        }

        var identifier = Obj(item, "identifier");
        var label = Str(identifier, "partner_label");
        var resolvedKind = kind ?? (label == CompanyLabel ? OfferKind.Companies : OfferKind.Offers);
        var partnerId = Str(identifier, "partner_job_id") ?? Str(identifier, "id");
        key = partnerId is null ? 0 : Hash(label, partnerId);

        var workplace = Obj(item, "workplace");
        var location = Obj(workplace, "location");
        var coordinates = Prop(Obj(location, "geopoint"), "coordinates");
        if (!TryCoordinates(coordinates, out var latitude, out var longitude))
        {
            reason = SkipReason.Coordinates;
            return false;
        }

        var offer = Obj(item, "offer");
        IReadOnlyList<string> codes = RomeCodes(Prop(offer, "rome_codes"));
        if (codes.Count == 0 && defaultCodes is not null)
        {
            codes = defaultCodes;
        }

        if (codes.Count == 0)
        {
            reason = SkipReason.RomeCode;
            return false;
        }

        var company = Text(Str(workplace, "name")) ?? Text(Str(workplace, "brand")) ?? Text(Str(workplace, "legal_name"));
        var title = resolvedKind == OfferKind.Offers ? Text(Str(offer, "title")) : company;
        if (title is null)
        {
            reason = SkipReason.Title;
            return false;
        }

        var publication = Obj(offer, "publication");
        var expires = Date(Str(publication, "expiration"));
        if (resolvedKind == OfferKind.Offers)
        {
            if (Str(offer, "status") is { } status && status != "Active")
            {
                reason = SkipReason.Inactive;
                return false;
            }

            if (expires is { } end && end <= now)
            {
                reason = SkipReason.Expired;
                return false;
            }
        }

        var address = Str(location, "address");
        var postal = address is null ? null : PostalCode().Matches(address).LastOrDefault()?.Value;
        var url = Str(Obj(item, "apply"), "url");
        record = new OfferRecord(
            resolvedKind,
            title,
            resolvedKind == OfferKind.Offers ? company : null,
            codes,
            latitude,
            longitude,
            null,
            postal,
            resolvedKind == OfferKind.Offers ? DiplomaLevels.Parse(Obj(offer, "target_diploma")) : 0,
            Date(Str(publication, "creation")),
            resolvedKind == OfferKind.Offers ? expires : null,
            SafeUrl(url));
        return true;
    }

    /// <summary>An https link of reasonable length, or null.</summary>
    public static string? SafeUrl(string? url) =>
        url is { Length: <= MaxUrlLength } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.ToString() : null;

    private static bool TryCoordinates(JsonElement? coordinates, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        if (coordinates is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() < 2
            || array[0].ValueKind != JsonValueKind.Number || array[1].ValueKind != JsonValueKind.Number
            || !array[0].TryGetDouble(out longitude) || !array[1].TryGetDouble(out latitude))
        {
            return false;
        }

        // GeoJSON: [longitude, latitude]. (0, 0) is a placeholder, not a workplace.
        return double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180
            && (latitude != 0 || longitude != 0);
    }

    private static List<string> RomeCodes(JsonElement? codes)
    {
        var list = new List<string>(2);
        if (codes is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var code in array.EnumerateArray())
            {
                if (code.ValueKind == JsonValueKind.String && StringOf(code) is { } text && JobCatalog.IsRomeCode(text) && !list.Contains(text) && list.Count < 16)
                {
                    list.Add(text);
                }
            }
        }

        return list;
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Trimmed, control characters removed, at most <see cref="MaxTextLength"/> characters; null when empty.</summary>
    private static string? Text(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = UnicodeText.MakeValid(text).Trim();
        return clean.Length == 0 ? null : clean.Length <= MaxTextLength ? clean : UnicodeText.Cut(clean, MaxTextLength).ToString().TrimEnd();
    }

    private static JsonElement? Prop(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) ? value : null;

    internal static JsonElement? Obj(JsonElement? parent, string name) =>
        Prop(parent, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    internal static string? Str(JsonElement? parent, string name) =>
        Prop(parent, name) is { ValueKind: JsonValueKind.String } value ? StringOf(value) : null;

    /// <summary>
    /// The string, or null when it holds an escaped lone surrogate ("\ud800"), which <see cref="JsonElement.GetString"/>
    /// refuses with an exception (issue 13, found by the fuzz harness): the field counts as missing.
    /// </summary>
    private static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>FNV-1a 64 of label and id: 616,000 items collide with a chance of about one in 10^8.</summary>
    private static ulong Hash(string? label, string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in (label ?? string.Empty) + "\u0001" + id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }

    [GeneratedRegex(@"\b\d{5}\b")]
    private static partial Regex PostalCode();
}

/// <summary>What one read found: items, offers and companies kept, items skipped by reason.</summary>
public sealed class ExportCounts
{
    public int Items { get; set; }

    public int Offers { get; set; }

    public int Companies { get; set; }

    public Dictionary<SkipReason, int> Skipped { get; } = [];

    public int SkippedTotal => Skipped.Values.Sum();

    public void Skip(SkipReason reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
}
