using System.Globalization;
using System.Text;
using LiveBot.Dashboard;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Rendering;

namespace LiveBot.Reporting;

/// <summary>
/// The report as one CSV for French Excel, as the question export: UTF-8 with BOM, <c>;</c>, CRLF, Paris
/// dates, formula-looking cells made inert. One row per figure: section, item, platform, minute, value.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(LiveReport report)
    {
        var text = new StringBuilder();
        Line(text, "Rubrique", "Élément", "Code", "Plateforme", "Minute (Paris)", "Valeur", "Détail");
        Line(text, "Période", "début", "", "", Date(report.From), "", "");
        Line(text, "Période", "fin", "", "", Date(report.To), "", "");
        foreach (var p in report.Timeline)
        {
            var minute = Date(p.Minute);
            Line(text, "Minute", "lignes de chat", "", p.Platform, minute, N(p.ChatLines), "");
            Line(text, "Minute", "commandes", "", p.Platform, minute, N(p.Commands), "");
            Line(text, "Minute", "questions", "", p.Platform, minute, N(p.Questions), "");
            Line(text, "Minute", "votes", "", p.Platform, minute, N(p.Votes), "");
        }

        foreach (var mark in report.OnAir)
        {
            Line(text, "À l'antenne", "question #" + N(mark.QuestionId), "", "", Date(mark.Time), "", "");
        }

        foreach (var c in report.Commands)
        {
            Line(text, "Commande", "!" + c.Name, "", "", "", N(c.Count), "répondus : " + N(c.Answered));
        }

        foreach (var j in report.Jobs)
        {
            Line(text, "Métier", j.Label, j.Code ?? "", "", "", N(j.Count), "");
        }

        foreach (var p in report.Places)
        {
            Line(text, "Lieu", p.Label, p.Code ?? "", "", "", N(p.Count), p.Departement ?? "");
        }

        foreach (var d in report.Departements)
        {
            Line(text, "Département", d.Name, d.Code, "", "", N(d.Requests), "sans offre : " + N(d.Unmet));
        }

        foreach (var u in report.Unmet)
        {
            Line(text, "Sans offre", u.Job, u.Departement ?? "", "", "", N(u.Count), u.Place);
        }

        foreach (var (outcome, count) in report.Outcomes)
        {
            Line(text, "Issue", ReportHtml.OutcomeLabel(outcome), outcome, "", "", N(count), "");
        }

        var q = report.Questions.Counts;
        foreach (var (status, count) in new[] { ("en attente", q.Pending), ("approuvées", q.Approved), ("à l'antenne", q.OnAir), ("répondues", q.Answered), ("masquées", q.Hidden), ("total", q.Total) })
        {
            Line(text, "Questions", status, "", "", "", N(count), "");
        }

        foreach (var line in report.Questions.TopVoted)
        {
            Line(text, "Question la plus votée", line.Text, "#" + N(line.Id), "", "", N(line.Votes), line.Status);
        }

        foreach (var line in report.Questions.ApprovedUnanswered)
        {
            Line(text, "Approuvée sans réponse", line.Text, "#" + N(line.Id), "", "", N(line.Votes), "");
        }

        foreach (var poll in report.Polls)
        {
            var item = "#" + N(poll.Id) + " " + poll.Question;
            Line(text, "Sondage", item, poll.Status == "open" ? "en cours" : "clos", "", Date(poll.OpenedAt), N(poll.Total), poll.ClosedAt is null ? "" : "clos : " + Date(poll.ClosedAt));
            foreach (var choice in poll.Choices)
            {
                Line(text, "Sondage, choix", item, choice.Text, "", "", N(choice.Votes), N(choice.Percent) + " %");
                foreach (var (platform, votes) in choice.ByPlatform.OrderBy(kv => ReportBuilder.PlatformOrder(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    Line(text, "Sondage, choix par plateforme", item, choice.Text, platform, "", N(votes), "");
                }
            }
        }

        foreach (var p in report.Platforms)
        {
            Line(text, "Plateforme", "réponses envoyées", "", p.Name, "", N(p.RepliesSent), "");
            Line(text, "Plateforme", "réponses fusionnées", "", p.Name, "", N(p.RepliesMerged), "");
            Line(text, "Plateforme", "réponses abandonnées", "", p.Name, "", N(p.RepliesDropped), "");
            Line(text, "Plateforme", "reconnexions", "", p.Name, "", N(p.Reconnects), "");
            Line(text, "Plateforme", "quota YouTube (unités)", "", p.Name, "", N(p.YouTubeUnits), "");
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset? time) =>
        time is { } t ? ReportPeriod.ToParis(t).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder text, params string[] cells)
    {
        text.AppendJoin(QuestionCsv.Separator, cells.Select(QuestionCsv.Cell));
        text.Append("\r\n");
    }
}
