using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveBot.Dashboard.Tests.Support;

namespace LiveBot.Dashboard.Tests.Polls;

public sealed class PollApiTests
{
    [Fact]
    public async Task PostThenGet_PollWithVotes_ExactlyTheIssueJsonShape_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();

        using var created = await client.PostAsJsonAsync("api/polls", new { question = "Tu es en quelle classe ?", choices = new[] { "3e", "Terminale" }, duration = "00:02:00" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await bot.SayAsync("!2", "alice");
        await bot.SayAsync("!sondage 2", "bob");
        await bot.SayAsync("!1", "carl");

        using var one = JsonDocument.Parse(await client.GetStringAsync($"api/polls/{id}"));
        var root = one.RootElement;
        Assert.Equal(["id", "question", "status", "choices", "total", "openedAt", "closesAt"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", root.GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        var terminale = root.GetProperty("choices")[1];
        Assert.Equal(["text", "votes", "byPlatform"], terminale.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Terminale", terminale.GetProperty("text").GetString());
        Assert.Equal(2, terminale.GetProperty("votes").GetInt32());
        Assert.Equal(2, terminale.GetProperty("byPlatform").GetProperty("local").GetInt32());
        var openedAt = root.GetProperty("openedAt").GetDateTimeOffset();
        Assert.Equal(openedAt + TimeSpan.FromMinutes(2), root.GetProperty("closesAt").GetDateTimeOffset());

        using var close = await client.PostAsync($"api/polls/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        using var again = await client.PostAsync($"api/polls/{id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var list = JsonDocument.Parse(await client.GetStringAsync("api/polls"));
        var listed = Assert.Single(list.RootElement.GetProperty("polls").EnumerateArray());
        Assert.Equal("closed", listed.GetProperty("status").GetString());
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{\"question\":\"Q ?\",\"choices\":[\"seul\"]}", "il faut au moins 2 choix")]
    [InlineData("{\"question\":\"Q ?\",\"choices\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]}", "6 choix au plus")]
    [InlineData("{\"question\":\"Q ?\",\"choices\":[\"a\",\"b\"],\"duration\":\"2 minutes\"}", "« duration »")]
    [InlineData("{\"question\":\"Q ?\",\"choices\":[\"a\",\"b\"],\"duration\":\"02:00:00\"}", "durée entre")]
    [InlineData("{\"question\":\"Q ?\",\"choices\":\"a,b\"}", "« choices »")]
    [InlineData("{\"question\":\"Q ?\",\"choices\":[1,2]}", "« choices »")]
    [InlineData("{\"question\":", "JSON invalide")]
    [InlineData("[]", "Corps attendu")]
    public async Task Post_BadBody_400WithAFrenchReason_Issue14(string body, string expected)
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();

        using var response = await client.PostAsync("api/polls", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Null(bot.Service<LiveBot.Polls.PollBox>().Current);
    }

    [Fact]
    public async Task Post_SecondPollWhileOneOpen_409_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        (await client.PostAsJsonAsync("api/polls", new { question = "A ?", choices = new[] { "a", "b" } })).EnsureSuccessStatusCode();

        using var second = await client.PostAsJsonAsync("api/polls", new { question = "B ?", choices = new[] { "a", "b" } });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("déjà en cours (#1)", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await client.GetAsync("api/polls/99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutTokenOrFromAnotherSite_Refused_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();

        using var anonymous = await bot.Http.PostAsJsonAsync("api/polls", new { question = "A ?", choices = new[] { "a", "b" } });
        using var list = await bot.Http.GetAsync("api/polls");
        // Another site's page riding on the presenters' cookie: the global cross-origin guard refuses it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/polls") { Content = JsonContent.Create(new { question = "A ?", choices = new[] { "a", "b" } }) };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Cookie", DashboardToken.CookieName + "=" + DashboardBot.Token);
        using var crossSite = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Null(bot.Service<LiveBot.Polls.PollBox>().Current);
    }

    [Fact]
    public async Task Api_CloseFromAnotherSite_RefusedByTheGlobalGuard_Issue15()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        using var opened = await client.PostAsJsonAsync("api/polls", new { question = "A ?", choices = new[] { "a", "b" } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = bot.Service<LiveBot.Polls.PollBox>().Current!.Id;

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/polls/{id}/close");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Cookie", DashboardToken.CookieName + "=" + DashboardBot.Token);
        using var crossSite = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("autre page", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(bot.Service<LiveBot.Polls.PollBox>().Current);
    }

    [Fact]
    public async Task Api_OtherOriginWithTokenInHeader_AllowedAsEveryAction_Issue15()
    {
        // A foreign page cannot add the header; a tool that has the token (Stream Deck, script) may, as for questions.
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/polls") { Content = JsonContent.Create(new { question = "A ?", choices = new[] { "a", "b" } }) };
        request.Headers.Add("Origin", "http://127.0.0.1:1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ExportCsv_ClosedPoll_FrenchExcelLinePerChoiceFormulasInert_Issue14()
    {
        await using var bot = await DashboardBot.StartAsync();
        using var client = bot.Authorized();
        (await client.PostAsJsonAsync("api/polls", new { question = "=HYPERLINK(\"x\") ; tu viens ?", choices = new[] { "oui", "-non" } })).EnsureSuccessStatusCode();
        await bot.SayAsync("!1", "alice");
        (await client.PostAsync("api/polls/1/close", null)).EnsureSuccessStatusCode();

        var bytes = await client.GetByteArrayAsync("api/polls/export.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Sondage;Statut;Question;Choix n°;Choix;Votes;%;Twitch;YouTube;Chat de test;Votes du sondage;Ouvert le", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1;clos;\"'=HYPERLINK(\"\"x\"\") ; tu viens ?\";1;oui;1;100;0;0;1;1;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1;clos;\"'=HYPERLINK(\"\"x\"\") ; tu viens ?\";2;'-non;0;0;0;0;0;1;", lines[2], StringComparison.Ordinal);
        Assert.Matches(@";\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2};\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$", lines[1]);
    }
}
