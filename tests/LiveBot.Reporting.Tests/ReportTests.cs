using System.Text;
using System.Text.Json;
using LiveBot.Core.Stats;
using LiveBot.Polls;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Rendering;
using LiveBot.Testing.Reporting;

namespace LiveBot.Reporting.Tests;

public sealed class ReportTests
{
    /// <summary>As the API serialises (camelCase, French letters readable).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    [Fact]
    public void Build_EmptyLive_EmptyReportInEveryFormat_Issue15()
    {
        using var lab = new ReportLab();

        var report = lab.Builder.Build();
        var html = ReportHtml.Render(report, lab.Time.GetUtcNow());
        var csv = Encoding.UTF8.GetString(ReportCsv.Write(report));
        var json = JsonSerializer.Serialize(report, Json);

        Assert.True(report.IsEmpty);
        Assert.Null(report.From);
        Assert.Contains("Aucune ligne de chat enregistrée", html, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"map-"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Rubrique;Élément;Code;Plateforme;Minute (Paris);Valeur;Détail\r\n", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"totals\":{\"chatLines\":0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThreeHourLive_AllSectionsWithTheirFigures_Issue15()
    {
        using var lab = new ReportLab();
        SyntheticLive.Play(lab);

        var report = lab.Builder.Build();
        var html = ReportHtml.Render(report, lab.Time.GetUtcNow());

        Assert.Equal(10_000, report.Totals.ChatLines);
        Assert.Equal(2_000, report.Totals.OfferRequests);
        Assert.Equal(300, report.Questions.Counts.Total);
        Assert.Equal(SyntheticLive.Start, report.From);
        Assert.Equal(SyntheticLive.Start.AddMinutes(180).AddSeconds(-1), report.To);
        Assert.Equal(["twitch", "youtube", "local"], report.Platforms.Select(p => p.Name));
        Assert.Equal(ReportBuilder.TopJobs, report.Jobs.Count);
        Assert.Equal("boulanger", report.Jobs[0].Label);
        Assert.Equal(ReportBuilder.TopPlaces, report.Places.Count);
        Assert.Equal(ReportBuilder.TopQuestions, report.Questions.TopVoted.Count);
        Assert.True(report.Questions.TopVoted.Zip(report.Questions.TopVoted.Skip(1)).All(p => p.First.Votes >= p.Second.Votes));
        Assert.Equal(report.Questions.Counts.Approved, report.Questions.ApprovedUnanswered.Count);
        Assert.Equal(9, report.OnAir.Count);
        Assert.Contains(report.Departements, d => d.Code == "974" && d.Name == "La Réunion" && d.Requests > 0);
        Assert.All(report.Unmet, u => Assert.True(u.Count > 0));
        Assert.Equal(report.Departements.Sum(d => d.Unmet), report.Outcomes[OfferOutcomes.None]);
        Assert.True(report.Platforms.Single(p => p.Name == "youtube").YouTubeUnits > 0);
        Assert.Equal(4, Count(html, "class=\"chart\""));
        Assert.Contains("<title id=\"jobs-title\">Métiers les plus demandés</title>", html, StringComparison.Ordinal);
        Assert.Contains("heure (Paris)", html, StringComparison.Ordinal);
        Assert.Contains("Approuvées mais jamais posées aux invités", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PeriodGiven_OnlyThatPeriodCounted()
    {
        using var lab = new ReportLab();
        SyntheticLive.Play(lab, lines: 1_800, offers: 180, questions: 18, minutes: 180);

        var report = lab.Builder.Build(SyntheticLive.Start.AddMinutes(60), SyntheticLive.Start.AddMinutes(120).AddSeconds(-1));

        Assert.Equal(60, report.Timeline.Select(p => p.Minute).Distinct().Count());
        Assert.InRange(report.Totals.ChatLines, 1, 1_799);
        Assert.All(report.OnAir, m => Assert.InRange(m.Time, SyntheticLive.Start.AddMinutes(60), SyntheticLive.Start.AddMinutes(120)));
    }

    [Fact]
    public void Render_ThreeHourLive_NoViewerNameOrIdInAnyOutput_Issue15()
    {
        using var lab = new ReportLab();
        SyntheticLive.Play(lab);
        var report = lab.Builder.Build();

        var outputs = new[]
        {
            Encoding.UTF8.GetBytes(ReportHtml.Render(report, lab.Time.GetUtcNow())),
            ReportCsv.Write(report),
            JsonSerializer.SerializeToUtf8Bytes(report, Json),
        };

        foreach (var bytes in outputs)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(SyntheticLive.ViewerPrefix)));
            Assert.NotEqual(-1, bytes.AsSpan().IndexOf("boulanger"u8));
        }
    }

    [Fact]
    public void Build_PollsAroundThePeriod_OnlyPollsOfThePeriodWithCountsByPlatformInEveryFormat_Issue15()
    {
        using var lab = new ReportLab();
        var start = lab.Time.GetUtcNow();
        lab.Recorder.ChatLine("twitch", start);
        var first = lab.Polls.Open(new PollDraft("Tu es en quelle classe ? <b>vite</b>", ["3e", "Terminale"], null)).Poll;
        lab.Polls.Vote("twitch", "VoteurSecret1", 1);
        lab.Polls.Vote("youtube", "VoteurSecret2", 2);
        lab.Polls.Vote("local", "VoteurSecret3", 2);
        lab.Time.Advance(TimeSpan.FromMinutes(2));
        lab.Polls.Close(first.Id, PollCloseReason.Presenter);
        lab.Time.Advance(TimeSpan.FromMinutes(28));
        var second = lab.Polls.Open(new PollDraft("Tu connais le BTS ?", ["oui", "non"], null)).Poll;
        lab.Polls.Vote("youtube", "VoteurSecret4", 1);
        lab.Time.Advance(TimeSpan.FromMinutes(5));
        lab.Recorder.ChatLine("youtube", lab.Time.GetUtcNow());

        var whole = lab.Builder.Build();
        var later = lab.Builder.Build(start.AddMinutes(20), start.AddMinutes(40));

        Assert.Equal([first.Id, second.Id], whole.Polls.Select(p => p.Id));
        Assert.Equal([second.Id], later.Polls.Select(p => p.Id));
        var poll = whole.Polls[0];
        Assert.Equal(("closed", 3, start.AddMinutes(2)), (poll.Status, poll.Total, poll.ClosedAt));
        Assert.Equal([(1, 33), (2, 67)], poll.Choices.Select(c => (c.Votes, c.Percent)));
        Assert.Equal(1, poll.Choices[0].ByPlatform["twitch"]);
        Assert.Equal((1, 1), (poll.Choices[1].ByPlatform["youtube"], poll.Choices[1].ByPlatform["local"]));
        Assert.Equal(("open", (DateTimeOffset?)null), (whole.Polls[1].Status, whole.Polls[1].ClosedAt));

        var html = ReportHtml.Render(whole, lab.Time.GetUtcNow());
        var csv = Encoding.UTF8.GetString(ReportCsv.Write(whole));
        var json = JsonSerializer.Serialize(whole, Json);
        Assert.Contains("<h2>Sondages</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Sondage #1 : Tu es en quelle classe ? &lt;b&gt;vite&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>vite</b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Terminale</td><td class=\"n\">2</td><td class=\"n\">67 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("Sondage, choix par plateforme;#1 Tu es en quelle classe ? <b>vite</b>;Terminale;youtube;;1;", csv, StringComparison.Ordinal);
        Assert.Contains("\"polls\":[{\"id\":1,\"question\":\"Tu es en quelle classe ? <b>vite</b>\",\"status\":\"closed\"", json.Replace("\\u003C", "<").Replace("\\u003E", ">"), StringComparison.Ordinal);
        foreach (var text in new[] { html, csv, json })
        {
            Assert.DoesNotContain("VoteurSecret", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_NoPoll_SaysSo_Issue15()
    {
        using var lab = new ReportLab();
        lab.Recorder.ChatLine("twitch", lab.Time.GetUtcNow());

        var html = ReportHtml.Render(lab.Builder.Build(), lab.Time.GetUtcNow());

        Assert.Contains("Aucun sondage sur cette période.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-14T18:00", "2026-03-14T17:00:00+00:00")]
    [InlineData("14/03/2026 18:30", "2026-03-14T17:30:00+00:00")]
    [InlineData("2026-07-14 18:00", "2026-07-14T16:00:00+00:00")]
    [InlineData("", null)]
    public void ReportPeriod_ParisTime_ReadAsUtc(string text, string? expected)
    {
        Assert.True(ReportPeriod.TryParse(text, endOfDay: false, out var value, out _));
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void ReportPeriod_Nonsense_FrenchErrorWithoutEchoingMuch()
    {
        Assert.False(ReportPeriod.TryParse("<script>" + new string('x', 100), endOfDay: false, out _, out var error));
        Assert.StartsWith("Date « <script>", error, StringComparison.Ordinal);
        Assert.True(error.Length < 160);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
