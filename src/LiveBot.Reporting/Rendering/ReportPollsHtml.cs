using System.Globalization;
using System.Text;
using LiveBot.Reporting.Building;

namespace LiveBot.Reporting.Rendering;

/// <summary>
/// The report's "Sondages" section: for each poll of the period, its question (encoded: presenters' or
/// moderators' text), when it ran, a bar chart of its choices and the same figures in a table, by platform.
/// </summary>
internal static class ReportPollsHtml
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static void Render(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Sondages</h2>\n");
        if (report.Polls.Count == 0)
        {
            html.Append("<p class=\"empty\">Aucun sondage sur cette période.</p>\n</section>\n");
            return;
        }

        var platforms = report.Polls.SelectMany(p => p.Choices).SelectMany(c => c.ByPlatform.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(ReportBuilder.PlatformOrder).ThenBy(p => p, StringComparer.Ordinal).ToList();
        foreach (var poll in report.Polls)
        {
            html.Append("<h3>Sondage #").Append(poll.Id).Append(" : ").Append(E(poll.Question)).Append("</h3>\n<p>")
                .Append(E(When(poll))).Append(" – ").Append(E(Votes(poll.Total))).Append(".</p>\n");
            var items = poll.Choices.Select(c => (c.Text, (double)c.Votes)).ToList();
            html.Append("<figure>").Append(ReportCharts.Bars("Sondage #" + poll.Id.ToString(CultureInfo.InvariantCulture), "votes", items, "poll-" + poll.Id.ToString(CultureInfo.InvariantCulture))).Append("</figure>\n");
            html.Append("<table><caption class=\"sr-only\">Sondage #").Append(poll.Id).Append(", votes par choix</caption><thead><tr><th>Choix</th><th class=\"n\">Votes</th><th class=\"n\">Part</th>");
            foreach (var platform in platforms)
            {
                html.Append("<th class=\"n\">").Append(E(Palette.PlatformLabel(platform))).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var choice in poll.Choices)
            {
                html.Append("<tr><td>").Append(E(choice.Text)).Append("</td>");
                Num(html, choice.Votes);
                html.Append("<td class=\"n\">").Append(choice.Percent).Append(" %</td>");
                foreach (var platform in platforms)
                {
                    Num(html, choice.ByPlatform.GetValueOrDefault(platform));
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("</section>\n");
    }

    private static string When(PollSummary poll)
    {
        var opened = ReportPeriod.ToParis(poll.OpenedAt).ToString("dd/MM/yyyy HH:mm", French);
        return poll.ClosedAt is { } closed
            ? $"Ouvert le {opened}, clos à {ReportPeriod.ToParis(closed).ToString("HH:mm", French)}"
            : $"Ouvert le {opened}, encore en cours";
    }

    private static string Votes(int total) => total switch
    {
        0 => "aucun vote",
        1 => "1 vote",
        _ => total.ToString("N0", French) + " votes",
    };

    private static void Num(StringBuilder html, long value) => html.Append("<td class=\"n\">").Append(value.ToString("N0", French)).Append("</td>");

    private static string E(string text) => Html.Encode(text);
}
