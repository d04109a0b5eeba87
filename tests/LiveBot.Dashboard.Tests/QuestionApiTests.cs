using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveBot.Dashboard.Tests.Support;
using LiveBot.Questions;

namespace LiveBot.Dashboard.Tests;

public sealed class QuestionApiTests
{
    [Fact]
    public async Task Actions_OnAQuestionFromChat_WalkThroughEveryStatus()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("alice", "Est-ce qu'on peut faire un apprentissage dans la boulangerie ?");

        var onAir = await client.PostActionAsync(id, "onair");
        var answered = await client.PostActionAsync(id, "answered");
        var hidden = await client.PostActionAsync(id, "hide");
        var restored = await client.PostActionAsync(id, "restore");

        Assert.Equal("onair", onAir.GetProperty("status").GetString());
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.Equal("hidden", hidden.GetProperty("status").GetString());
        Assert.Equal("answered", restored.GetProperty("status").GetString());
        Assert.Equal(QuestionStatus.Answered, bot.Service<QuestionQueue>().Get(id)?.Status);
    }

    [Fact]
    public async Task Approve_HeldQuestionWithLink_BecomesApproved()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("bob", "Regardez https://exemple.fr pour les offres de cuisine");
        Assert.True(bot.Service<QuestionQueue>().Get(id)?.Held);

        var approved = await client.PostActionAsync(id, "approve");

        Assert.Equal("approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnAir_HeldQuestion_Returns409SayingToApproveFirst()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("bob", "Mon site https://exemple.fr recrute des apprentis, venez voir");

        using var response = await client.PostAsync($"api/questions/{id}/onair", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("approuvez-la d'abord", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Pending, bot.Service<QuestionQueue>().Get(id)?.Status);
    }

    [Fact]
    public async Task Action_RefusedByTheQueue_Returns409InFrench()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var id = await bot.AskAsync("alice", "Combien gagne un apprenti en première année ?");
        await client.PostActionAsync(id, "hide");

        using var response = await client.PostAsync($"api/questions/{id}/answered", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"la question #{id} (statut « masquée »)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StatusAndPlatformFilters_ReturnOnlyMatches()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var kept = await bot.AskAsync("alice", "Quelles écoles proposent un CAP pâtissier en alternance ?");
        var hidden = await bot.AskAsync("bob", "Est-ce que le permis de conduire est obligatoire pour un apprenti ?");
        await client.PostActionAsync(hidden, "hide");

        var onlyHidden = await client.GetFromJsonAsync<JsonElement>("api/questions?status=hidden");
        var local = await client.GetFromJsonAsync<JsonElement>("api/questions?platform=local");
        var twitch = await client.GetFromJsonAsync<JsonElement>("api/questions?platform=twitch");

        Assert.Equal([hidden], onlyHidden.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()));
        Assert.Equal(2, local.GetProperty("questions").GetArrayLength());
        Assert.Equal(0, twitch.GetProperty("questions").GetArrayLength());
        Assert.Equal(1, onlyHidden.GetProperty("counters").GetProperty("hidden").GetInt32());
        Assert.Equal(2, onlyHidden.GetProperty("counters").GetProperty("total").GetInt32());
        Assert.Contains(local.GetProperty("questions").EnumerateArray(), q => q.GetProperty("id").GetInt32() == kept);
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400WithExpectedNames()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();

        using var response = await client.GetAsync("api/questions?status=<b>oups</b>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("pending, approved, onair, answered, hidden", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_QuestionsWithHostileText_BomSemicolonsQuotingAndNeutralisedFormulas()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        var formula = await bot.AskAsync("@bob", "=HYPERLINK(\"exemple\";\"clic\") c'est quoi un \"contrat\" pro ?");
        var plain = await bot.AskAsync("alice", "On peut faire un apprentissage à 30 ans ?");

        using var response = await client.GetAsync("api/questions/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
            "Numéro;Statut;Retenue;Motif;Votes;Plateforme;Chaîne;Auteur;Identifiant auteur;Question;Posée le;Mise à jour le",
            lines[0]);
        Assert.StartsWith($"{formula};approuvée;non;;0;local;local;'@bob;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"exemple\"\";\"\"clic\"\") c'est quoi un \"\"contrat\"\" pro ?\";", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{plain};approuvée;non;;0;local;local;alice;", lines[2], StringComparison.Ordinal);
        Assert.Contains(";On peut faire un apprentissage à 30 ans ?;", lines[2], StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2", "'-2")]
    [InlineData("@SOMME(A1)", "'@SOMME(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("il a dit \"oui\"", "\"il a dit \"\"oui\"\"\"")]
    [InlineData("ligne 1\nligne 2", "\"ligne 1\nligne 2\"")]
    [InlineData("=A1;B1", "\"'=A1;B1\"")]
    [InlineData("normal, avec virgule", "normal, avec virgule")]
    [InlineData("", "")]
    public void Cell_HostileValues_QuotedAndNeutralised(string value, string expected) =>
        Assert.Equal(expected, QuestionCsv.Cell(value));
}
