using System.Net;
using System.Text;
using System.Text.Json;
using LiveBot.Reporting.Tests.Support;
using LiveBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Reporting.Tests;

public sealed class ReportHostTests
{
    private static readonly string[] Viewers = ["ZoéSecrète", "KevinCaché"];

    [Fact]
    public async Task Report_LiveChatOnTheBot_HtmlJsonCsvHaveTheFiguresAndNoViewerName_Issue15()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);
        using var client = bot.Authorized();
        await PlayAsync(bot);

        var html = await client.GetByteArrayAsync("report");
        var json = await client.GetByteArrayAsync("api/report");
        using var csvResponse = await client.GetAsync("api/report/export.csv");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(5, root.GetProperty("totals").GetProperty("chatLines").GetInt64());
        Assert.Equal("boulanger", root.GetProperty("jobs")[0].GetProperty("label").GetString());
        Assert.Equal("69", root.GetProperty("departements")[0].GetProperty("code").GetString());
        Assert.Equal("text/csv; charset=utf-8", csvResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal("rapport-2026-03-14.csv", csvResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        foreach (var bytes in new[] { html, json, csv })
        {
            foreach (var name in Viewers.Concat(["local:ZoéSecrète", "local:KevinCaché"]))
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)));
            }
        }

        Assert.NotEqual(-1, html.AsSpan().IndexOf("apprentissage à 30 ans"u8));
    }

    [Fact]
    public async Task Report_WithoutToken_Refused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);

        foreach (var path in new[] { "report", "api/report", "api/report/export.csv" })
        {
            using var response = await bot.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Report_BadPeriod_FrenchError400()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);
        using var client = bot.Authorized();

        using var response = await client.GetAsync("api/report?from=hier");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("heure de Paris", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Page_NoScriptAndStrictPolicy()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        await using var bot = await ReportBot.StartAsync(time);
        using var client = bot.Authorized();

        using var response = await client.GetAsync("report?from=2026-03-14&to=2026-03-14");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Du 14/03/2026 00:00 au 14/03/2026 23:59", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCommand_DataFolderOfAStoppedBot_WritesSelfContainedHtmlAndPrintsItsPath_Issue15()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        var keep = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(keep, "config"));
        await using (var bot = await ReportBot.StartAsync(time))
        {
            await PlayAsync(bot);
            await bot.App.StopAsync();
            await using var source = new FileStream(Path.Combine(bot.Folder, "data", "livebot.db"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using var copy = File.Create(Path.Combine(keep, "livebot.db"));
            await source.CopyToAsync(copy);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var target = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"), "rapport.html");
        var code = await ReportCommand.RunAsync(
            ["--out", target, "--from", "2026-03-14T18:00", "--to", "2026-03-14T19:00", "--Storage:Path", Path.Combine(keep, "livebot.db"), "--config-dir", Path.Combine(keep, "config")],
            output,
            error,
            CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(target, output.ToString().Trim());
        var html = await File.ReadAllTextAsync(target);
        Assert.Contains("Du 14/03/2026 18:00 au 14/03/2026 19:00", html, StringComparison.Ordinal);
        Assert.Contains("boulanger", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ZoéSecrète", html, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
        Directory.Delete(keep, recursive: true);
    }

    [Fact]
    public async Task Report_PollOnTheBot_InHtmlJsonCsvAndReportFileWithoutVoterNames_Issue15()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero));
        var keep = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(keep, "config"));
        await using (var bot = await ReportBot.StartAsync(time))
        {
            using var client = bot.Authorized();
            await bot.SayAsync("!sondage Tu es en quelle classe ? | 3e | Terminale", "LaModo", "moderator");
            await bot.SayAsync("!2", Viewers[0]);
            await bot.SayAsync("!2", Viewers[1]);
            await bot.SayAsync("!1", "TroisièmeVoix");
            await bot.SayAsync("!sondage fin", "LaModo", "moderator");

            var root = JsonDocument.Parse(await client.GetByteArrayAsync("api/report")).RootElement;
            var poll = Assert.Single(root.GetProperty("polls").EnumerateArray());
            Assert.Equal("Tu es en quelle classe ?", poll.GetProperty("question").GetString());
            Assert.Equal(("closed", 3), (poll.GetProperty("status").GetString(), poll.GetProperty("total").GetInt32()));
            var terminale = poll.GetProperty("choices")[1];
            Assert.Equal(("Terminale", 2, 67), (terminale.GetProperty("text").GetString(), terminale.GetProperty("votes").GetInt32(), terminale.GetProperty("percent").GetInt32()));
            Assert.Equal(2, terminale.GetProperty("byPlatform").GetProperty("local").GetInt32());
            var html = await client.GetStringAsync("report");
            Assert.Contains("Sondage #1 : Tu es en quelle classe ?", html, StringComparison.Ordinal);
            var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("api/report/export.csv"));
            Assert.Contains("Sondage, choix;#1 Tu es en quelle classe ?;Terminale;;;2;67 %", csv, StringComparison.Ordinal);
            foreach (var text in new[] { html, csv, root.GetRawText() })
            {
                foreach (var name in Viewers.Append("TroisièmeVoix"))
                {
                    Assert.DoesNotContain(name, text, StringComparison.Ordinal);
                }
            }

            await bot.App.StopAsync();
            await using var source = new FileStream(Path.Combine(bot.Folder, "data", "livebot.db"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using var copy = File.Create(Path.Combine(keep, "livebot.db"));
            await source.CopyToAsync(copy);
        }

        var target = Path.Combine(keep, "rapport.html");
        var code = await ReportCommand.RunAsync(
            ["--out", target, "--Storage:Path", Path.Combine(keep, "livebot.db"), "--config-dir", Path.Combine(keep, "config")],
            TextWriter.Null,
            TextWriter.Null,
            CancellationToken.None);

        Assert.Equal(0, code);
        var file = await File.ReadAllTextAsync(target);
        Assert.Contains("Sondage #1 : Tu es en quelle classe ?", file, StringComparison.Ordinal);
        Assert.Contains("<td>Terminale</td><td class=\"n\">2</td><td class=\"n\">67 %</td>", file, StringComparison.Ordinal);
        Directory.Delete(keep, recursive: true);
    }

    [Fact]
    public async Task ReportCommand_BadDate_ExitCode2WithFrenchReason()
    {
        var error = new StringWriter();

        var code = await ReportCommand.RunAsync(["--from", "demain"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("Date « demain » illisible", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Two viewers in the test chat: offers in Lyon, a question, help; then the counts are written.</summary>
    private static async Task PlayAsync(BotHost bot)
    {
        await bot.SayAsync("!offres boulanger Lyon", Viewers[0]);
        await bot.SayAsync("!question Est-ce qu'on peut faire un apprentissage à 30 ans ?", Viewers[0]);
        await bot.SayAsync("bonjour tout le monde", Viewers[1]);
        await bot.SayAsync("!offres boulanger Lyon 3e", Viewers[1]);
        await bot.SayAsync("!aide", Viewers[1]);
    }
}
