using LiveBot.Core.Configuration;
using LiveBot.Offers.Data;
using LiveBot.Offers.Sectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Offers.Tests.Sectors;

public sealed class SectorsFileTests
{
    private static readonly SectorsFileValidator Validator = new(TestData.Data.Jobs);

    private static SectorSet Default => Validator.Parse(EmbeddedData.Resource("LiveBot.Offers.Defaults.sectors.json")!).Value!;

    [Fact]
    public void Parse_EmbeddedDefault_ElevenOpcoSectorsWithSourcedFacts()
    {
        var (set, error) = Validator.Parse(EmbeddedData.Resource("LiveBot.Offers.Defaults.sectors.json")!);

        Assert.Null(error);
        Assert.Equal(11, set!.Sectors.Count);
        Assert.Equal(11, set.Sectors.Select(s => s.Opco).Distinct().Count());
        Assert.All(set.Sectors, s => Assert.InRange(s.Facts.Count, 2, 4));
        Assert.NotEmpty(set.General);
    }

    [Theory]
    [InlineData("numerique")]
    [InlineData("tech")]
    [InlineData("informatique")]
    [InlineData("Numérique")]
    [InlineData("  TECH ")]
    [InlineData("numeriqe")]
    public void Find_NumeriqueTechInformatique_SameSector(string text)
    {
        Assert.Equal("numerique", Default.Find(text)?.Id);
    }

    [Theory]
    [InlineData("cuisine")]
    [InlineData("")]
    [InlineData("{user}")]
    public void Find_Unknown_Null(string text)
    {
        Assert.Null(Default.Find(text));
    }

    [Theory]
    [InlineData("{ \"sectors\": [ ", 1, "JSON invalide")]
    [InlineData("{ \"secteurs\": [] }", 1, "propriété inconnue « secteurs »")]
    [InlineData("{ \"sectors\": [] }", 1, "il faut entre 1 et 30 secteurs (lu : 0)")]
    [InlineData("{ \"sectors\": [\n { \"id\": \"a\", \"name\": \"A\" } ] }", 2, "un secteur demande « id », « name » et « opco »")]
    [InlineData("{ \"sectors\": [\n { \"id\": \"a\", \"name\": \"A\", \"opco\": \"X\",\n \"facts\": [ { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 } ] } ] }", 3, "il faut entre 2 et 4 faits (lu : 1)")]
    [InlineData("{ \"sectors\": [\n { \"id\": \"a\", \"name\": \"A\", \"opco\": \"X\",\n \"facts\": [ { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 },\n { \"text\": \"t\", \"source\": \"s\", \"year\": 1850 } ] } ] }", 4, "année invalide 1850 (attendu : 1990 à 2100)")]
    [InlineData("{ \"sectors\": [\n { \"id\": \"a\", \"name\": \"A\", \"opco\": \"X\",\n \"facts\": [ { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 }, { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 } ],\n \"jobs\": [ { \"label\": \"x\", \"rome\": \"Z9999\" } ] } ] }", 4, "code ROME inconnu « Z9999 »")]
    [InlineData("{ \"sectors\": [\n { \"id\": \"a\", \"name\": \"A\", \"opco\": \"X\", \"facts\": [ { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 }, { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 } ] },\n { \"id\": \"b\", \"name\": \"B\", \"aliases\": [\"Á\"], \"opco\": \"Y\", \"facts\": [ { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 }, { \"text\": \"t\", \"source\": \"s\", \"year\": 2024 } ] } ] }", 3, "le nom ou alias « a » de « b » est déjà pris par « a »")]
    public void Parse_BadFile_ErrorWithLineAndReason(string json, int line, string reason)
    {
        var (set, error) = Validator.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Null(set);
        Assert.NotNull(error);
        Assert.Equal("sectors.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckForChanges_BrokenEdit_KeepsTheLastGoodVersion()
    {
        var folder = Directory.CreateTempSubdirectory("livebot-sectors-");
        try
        {
            var path = Path.Combine(folder.FullName, SectorsFileValidator.FileName);
            File.WriteAllText(path, """{ "sectors": [ { "id": "a", "name": "A", "opco": "X", "facts": [ { "text": "t", "source": "s", "year": 2024 }, { "text": "u", "source": "s", "year": 2024 } ] } ] }""");
            var status = new ConfigStatusRegistry();
            var file = new ModeratorFile<SectorSet>(SectorsFileValidator.FileName, path, Validator.Parse, () => null, status, NullLogger.Instance);
            file.LoadInitial();

            File.WriteAllText(path, """{ "sectors": [ { "id": "a" } ] }""");
            file.CheckForChanges();

            Assert.Equal("a", Assert.Single(file.Current.Sectors).Id);
            Assert.False(status.AllOk);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
