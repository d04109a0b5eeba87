using System.Globalization;
using System.Text.Json;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Index;

/// <summary>
/// Writes records in the shape of API Alternance's export (a pretty-printed JSON array of
/// <c>JobOfferRead</c> items): what the benchmark's generated export and the loopback fakes serve, and
/// what proves that demo records survive the export reader unchanged.
/// </summary>
public sealed class ExportWriter : IDisposable
{
    private readonly Utf8JsonWriter _json;
    private int _count;

    public ExportWriter(Stream stream, bool indented = true)
    {
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = false });
        _json.WriteStartArray();
    }

    /// <summary>
    /// One item; <paramref name="partnerLabel"/> of an offer (companies are always <c>recruteurs_lba</c>);
    /// <paramref name="description"/> of an offer (a short sentence when not given).
    /// </summary>
    public void Write(OfferRecord record, string partnerJobId, string partnerLabel = "France Travail", string? address = null, string? description = null)
    {
        var json = _json;
        var company = record.Kind == OfferKind.Companies;
        json.WriteStartObject();
        json.WriteStartObject("identifier");
        json.WriteString("id", company ? null : partnerJobId);
        json.WriteString("partner_label", company ? ExportReader.CompanyLabel : partnerLabel);
        json.WriteString("partner_job_id", partnerJobId);
        json.WriteEndObject();

        json.WriteStartObject("workplace");
        json.WriteString("siret", (10_000_000_000_000 + (_count % 90_000_000_000_000)).ToString(CultureInfo.InvariantCulture));
        json.WriteNull("brand");
        json.WriteString("legal_name", company ? record.Title : record.Company);
        json.WriteNull("website");
        json.WriteString("name", company ? record.Title : record.Company);
        json.WriteString("size", "1-9");
        json.WriteStartObject("location");
        json.WriteString("address", address ?? (record.PostalCode is null ? null : $"1 RUE DE LA REPUBLIQUE {record.PostalCode}"));
        json.WriteStartObject("geopoint");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        json.WriteNumberValue(record.Longitude);
        json.WriteNumberValue(record.Latitude);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("domain");
        json.WriteString("opco", "Opco entreprises de proximité");
        json.WriteNull("idcc");
        json.WriteNull("naf");
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("apply");
        json.WriteString("url", record.Url);
        json.WriteNull("phone");
        json.WriteNull("recipient_id");
        json.WriteEndObject();

        json.WriteStartObject("contract");
        json.WriteNull("start");
        json.WriteNumber("duration", 24);
        json.WriteStartArray("type");
        json.WriteStringValue("Apprentissage");
        json.WriteEndArray();
        json.WriteString("remote", "onsite");
        json.WriteEndObject();

        json.WriteStartObject("offer");
        json.WriteString("title", company ? null : record.Title);
        json.WriteString("description", company ? null : description ?? "Rejoignez notre équipe pour préparer votre diplôme en alternance.");
        json.WriteStartArray("rome_codes");
        foreach (var code in record.RomeCodes)
        {
            json.WriteStringValue(code);
        }

        json.WriteEndArray();
        json.WriteString("status", "Active");
        json.WriteNumber("opening_count", 1);
        if (record.DiplomaLevel is >= DiplomaLevels.Min and <= DiplomaLevels.Max)
        {
            json.WriteStartObject("target_diploma");
            json.WriteString("european", record.DiplomaLevel.ToString(CultureInfo.InvariantCulture));
            json.WriteString("label", record.DiplomaLevel switch
            {
                3 => "Cap, autres formations niveau (Infrabac)",
                4 => "BP, Bac, autres formations niveau (Bac)",
                5 => "BTS, DEUST, autres formations niveau (Bac+2)",
                6 => "Licence, Maîtrise, autres formations niveaux 6 (Bac+3 à Bac+4)",
                _ => "Master, titre ingénieur, autres formations niveaux 7 ou 8 (Bac+5)",
            });
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("target_diploma");
        }

        json.WriteStartObject("publication");
        WriteDate(json, "creation", record.Published);
        WriteDate(json, "expiration", record.Expires);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("is_delegated", false);
        json.WriteEndObject();
        if (++_count % 256 == 0)
        {
            json.Flush();
        }
    }

    public void Dispose()
    {
        _json.WriteEndArray();
        _json.Flush();
        _json.Dispose();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
