using System.Text;
using System.Text.Json;
using LiveBot.Offers.Index;
using LiveBot.Offers.Sources;

namespace LiveBot.Offers.Tests.Index;

public sealed class ExportReaderTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Every kind of bad item, each once, between good ones.</summary>
    internal const string Messy = """
        [
          null,
          42,
          "text",
          {"identifier":{"id":"ok1","partner_label":"France Travail","partner_job_id":"ok1"},
           "workplace":{"name":"BOULANGERIE DU RHONE","location":{"address":"12 RUE DE LA REPUBLIQUE 69002 LYON","geopoint":{"type":"Point","coordinates":[4.8357,45.7640]}},"unknown":{"deep":[1,2,3]}},
           "apply":{"url":"https://labonnealternance.apprentissage.beta.gouv.fr/ok1"},
           "offer":{"title":"Boulanger / Boulangère","rome_codes":["D1102"],"target_diploma":{"european":"3","label":"CAP, BEP (Infrabac)"},
             "publication":{"creation":"2026-11-30T08:00:00.000Z","expiration":"2027-01-31T00:00:00.000Z"},"status":"Active"},"new_field":true},
          {"identifier":{"id":"ok1","partner_label":"France Travail","partner_job_id":"ok1"},
           "workplace":{"name":"DOUBLON","location":{"geopoint":{"coordinates":[4.8357,45.7640]}}},"offer":{"title":"Doublon","rome_codes":["D1102"]}},
          {"identifier":{"id":"nocoord"},"workplace":{"name":"X","location":{"geopoint":null}},"offer":{"title":"Sans coordonnées","rome_codes":["D1102"]}},
          {"identifier":{"id":"strcoord"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":["4.8","45.7"]}}},"offer":{"title":"Texte","rome_codes":["D1102"]}},
          {"identifier":{"id":"far"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[200,95]}}},"offer":{"title":"Hors limites","rome_codes":["D1102"]}},
          {"identifier":{"id":"zero"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[0,0]}}},"offer":{"title":"Zéro","rome_codes":["D1102"]}},
          {"identifier":{"id":"norome"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"title":"Sans ROME","rome_codes":[]}},
          {"identifier":{"id":"badrome"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"title":"ROME faux","rome_codes":["boulanger",7,null]}},
          {"identifier":{"id":"notitle"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"title":12345,"rome_codes":["D1102"]}},
          {"identifier":{"id":"filled"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"title":"Pourvue","rome_codes":["D1102"],"status":"Filled"}},
          {"identifier":{"id":"old"},"workplace":{"name":"X","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"title":"Expirée","rome_codes":["D1102"],"publication":{"expiration":"2026-11-01T00:00:00.000Z"}}},
          {"identifier":{"id":null,"partner_label":"recruteurs_lba","partner_job_id":"r1"},
           "workplace":{"name":null,"brand":"FOURNIL DE LA SAONE","location":{"address":null,"geopoint":{"type":"Point","coordinates":[4.8300,45.7700]}}},
           "apply":{"url":"http://insecure.example/r1","phone":"0102030405"},"offer":{"title":null,"rome_codes":["D1102","D1104"]}},
          {"identifier":{"partner_label":"recruteurs_lba","partner_job_id":"r2"},"workplace":{"name":"   ","location":{"geopoint":{"coordinates":[4.8,45.7]}}},"offer":{"rome_codes":["D1102"]}},
          {"identifier":null,"workplace":null,"apply":null,"contract":null,"offer":null,"is_delegated":null}
        ]
        """;

    [Fact]
    public async Task ReadAsync_MalformedAndNullLadenItems_SkippedAndCountedNeverThrows_Issue10()
    {
        var records = new List<OfferRecord>();

        var counts = await ExportReader.ReadAsync(Stream(Messy), Now, records.Add, CancellationToken.None);

        Assert.Equal(17, counts.Items);
        Assert.Equal(1, counts.Offers);
        Assert.Equal(1, counts.Companies);
        Assert.Equal(3, counts.Skipped[SkipReason.NotAnObject]);
        Assert.Equal(1, counts.Skipped[SkipReason.Duplicate]);
        Assert.Equal(5, counts.Skipped[SkipReason.Coordinates]);
        Assert.Equal(2, counts.Skipped[SkipReason.RomeCode]);
        Assert.Equal(2, counts.Skipped[SkipReason.Title]);
        Assert.Equal(1, counts.Skipped[SkipReason.Inactive]);
        Assert.Equal(1, counts.Skipped[SkipReason.Expired]);
        Assert.Equal(15, counts.SkippedTotal);
        var offer = records[0];
        Assert.Equal(("Boulanger / Boulangère", "BOULANGERIE DU RHONE", "69002", 3), (offer.Title, offer.Company, offer.PostalCode, offer.DiplomaLevel));
        Assert.Equal((45.7640, 4.8357), (offer.Latitude, offer.Longitude));
        Assert.Equal("https://labonnealternance.apprentissage.beta.gouv.fr/ok1", offer.Url);
        var company = records[1];
        Assert.Equal((OfferKind.Companies, "FOURNIL DE LA SAONE", (string?)null, (string?)null), (company.Kind, company.Title, company.Company, company.Url));
        Assert.Equal(["D1102", "D1104"], company.RomeCodes);
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_NothingAndNoError_Issue10()
    {
        var counts = await ExportReader.ReadAsync(Stream("[]"), Now, _ => Assert.Fail("no item"), CancellationToken.None);

        Assert.Equal((0, 0, 0), (counts.Items, counts.Offers, counts.SkippedTotal));
    }

    [Theory]
    [InlineData("[{\"identifier\":{\"id\":\"a\"}},{\"identifier\":")]
    [InlineData("{\"not\":\"an array\"}")]
    [InlineData("<html>maintenance</html>")]
    public async Task ReadAsync_CutOrNotAnArray_ThrowsJsonException_Issue10(string body)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ExportReader.ReadAsync(Stream(body), Now, _ => { }, CancellationToken.None));
    }

    [Fact]
    public void SampleRecords_ShippedExportSample_OffersAndCompaniesOfEveryField_Issue10()
    {
        var records = DemoOfferSource.SampleRecords(Now);

        Assert.Equal(6, records.Count(r => r.Kind == OfferKind.Offers));
        Assert.Equal(2, records.Count(r => r.Kind == OfferKind.Companies));
        Assert.All(records, r => Assert.StartsWith("https://", r.Url, StringComparison.Ordinal));
        Assert.All(records.Where(r => r.Kind == OfferKind.Offers), r => Assert.InRange(r.DiplomaLevel, 3, 7));
        Assert.All(records, r => Assert.Matches(@"^\d{5}$", r.PostalCode));
    }

    [Theory]
    [InlineData("CAP, BEP (Infrabac)", 3)]
    [InlineData("Cap, autres formations niveau (Infrabac)", 3)]
    [InlineData("BP, Bac, autres formations niveau (Bac)", 4)]
    [InlineData("BTS, DEUST, autres formations niveau (Bac+2)", 5)]
    [InlineData("Licence, Maîtrise, autres formations niveaux 6 (Bac+3 à Bac+4)", 6)]
    [InlineData("Master, titre ingénieur, autres formations niveaux 7 ou 8 (Bac+5)", 7)]
    [InlineData("Indifférent", 0)]
    [InlineData(null, 0)]
    public void FromLabel_LaBonneAlternanceLabels_EuropeanLevel_Issue10(string? label, int level)
    {
        Assert.Equal(level, DiplomaLevels.FromLabel(label));
    }

    internal static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
