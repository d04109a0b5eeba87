using System.Globalization;
using System.Text;
using LiveBot.Core.Stats;
using LiveBot.Reporting.Building;

namespace LiveBot.Reporting.Rendering;

/// <summary>
/// The report as one self-contained French HTML page: inline CSS and SVG, no script, no outside file, so
/// it opens offline and prints on A4. Every chart has a title and a table with the same figures. Text
/// from viewers (questions) is HTML-encoded; no viewer name or id is in the report at all.
/// </summary>
public static class ReportHtml
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(ReportHtml).Assembly.GetManifestResourceStream("LiveBot.Reporting.report.css")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Render(LiveReport report, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder(400_000);
        html.Append("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>Rapport du live – LiveBot</title>\n<style>\n").Append(Css.Value).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>Rapport du live</h1>\n");
        html.Append("<p class=\"period\">").Append(E(Period(report))).Append("</p>\n");
        Summary(html, report);
        if (report.IsEmpty)
        {
            html.Append("<p class=\"empty\">Rien n'a été enregistré sur cette période : aucune ligne de chat, aucune demande d'offres, aucune question.</p>\n");
        }

        Timeline(html, report);
        Commands(html, report);
        JobsAndPlaces(html, report);
        Map(html, report);
        Questions(html, report);
        ReportPollsHtml.Render(html, report);
        Platforms(html, report);
        html.Append("<footer>Généré par LiveBot le ").Append(E(Paris(generatedAt))).Append(" (heure de Paris). Chiffres agrégés par minute : ni pseudo, ni identifiant, ni message de spectateur, ")
            .Append("hormis le texte des questions déjà retenues. Contours des départements : IGN Admin Express (Licence Ouverte), simplifiés.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, LiveReport report)
    {
        var t = report.Totals;
        html.Append("<ul class=\"cards\" aria-label=\"Chiffres clés\">");
        Card(html, "lignes de chat", t.ChatLines);
        Card(html, "commandes", t.Commands);
        Card(html, "demandes d'offres", t.OfferRequests);
        Card(html, "questions posées", t.Questions);
        Card(html, "votes", t.Votes);
        html.Append("</ul>\n");
    }

    private static void Card(StringBuilder html, string label, long value) =>
        html.Append("<li><b>").Append(N(value)).Append("</b>").Append(E(label)).Append("</li>");

    private static void Timeline(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Activité du chat</h2>\n<figure>").Append(ReportCharts.Timeline(report, "timeline"));
        html.Append("<figcaption>Lignes de chat (trait plein) et commandes (pointillés) par minute et par plateforme ; les traits verticaux marquent les questions mises à l'antenne (#numéro).</figcaption></figure>\n");
        html.Append("<table class=\"sr-only\"><caption>Activité par minute</caption><thead><tr><th>Minute (Paris)</th><th>Plateforme</th><th class=\"n\">Lignes</th><th class=\"n\">Commandes</th><th class=\"n\">Questions</th><th class=\"n\">Votes</th></tr></thead><tbody>");
        foreach (var p in report.Timeline)
        {
            html.Append("<tr><td>").Append(E(Paris(p.Minute))).Append("</td><td>").Append(E(Palette.PlatformLabel(p.Platform))).Append("</td>");
            Num(html, p.ChatLines);
            Num(html, p.Commands);
            Num(html, p.Questions);
            Num(html, p.Votes);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
        if (report.OnAir.Count > 0)
        {
            html.Append("<p>Questions mises à l'antenne : ").Append(E(string.Join(", ", report.OnAir.Select(o => $"#{o.QuestionId} à {ReportPeriod.ToParis(o.Time).ToString("HH:mm", French)}")))).Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Commands(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Commandes utilisées</h2>\n");
        if (report.Commands.Count == 0)
        {
            html.Append("<p class=\"empty\">Aucune commande sur cette période.</p>\n</section>\n");
            return;
        }

        var items = report.Commands.Take(15).Select(c => ("!" + c.Name, (double)c.Count)).ToList();
        html.Append("<figure>").Append(ReportCharts.Bars("Commandes utilisées", "nombre d'appels", items, "commands")).Append("</figure>\n");
        html.Append("<p>Part des commandes qui ont reçu une réponse : <b>").Append(E(Percent(report.AnsweredShare))).Append("</b> (les autres : délai entre deux appels, droits insuffisants).</p>\n");
        html.Append("<table><thead><tr><th>Commande</th><th class=\"n\">Appels</th><th class=\"n\">Répondus</th><th class=\"n\">Part répondue</th></tr></thead><tbody>");
        foreach (var c in report.Commands)
        {
            html.Append("<tr><td>!").Append(E(c.Name)).Append("</td>");
            Num(html, c.Count);
            Num(html, c.Answered);
            html.Append("<td class=\"n\">").Append(E(Percent(c.Count == 0 ? null : (double)c.Answered / c.Count))).Append("</td></tr>");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void JobsAndPlaces(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Métiers et lieux demandés</h2>\n");
        if (report.Jobs.Count == 0 && report.Places.Count == 0)
        {
            html.Append("<p class=\"empty\">Aucune demande d'offres comprise sur cette période.</p>\n</section>\n");
            return;
        }

        var jobs = report.Jobs.Select(j => (j.Label, (double)j.Count)).ToList();
        html.Append("<figure>").Append(ReportCharts.Bars("Métiers les plus demandés", "demandes d'offres", jobs, "jobs")).Append("</figure>\n");
        var places = report.Places.Select(p => (PlaceLabel(p), (double)p.Count)).ToList();
        html.Append("<figure>").Append(ReportCharts.Bars("Lieux les plus demandés", "demandes d'offres", places, "places", Palette.BarLight)).Append("</figure>\n");
        html.Append("<div class=\"two\"><table><caption class=\"sr-only\">Métiers les plus demandés</caption><thead><tr><th>Métier ou diplôme</th><th>Code ROME</th><th class=\"n\">Demandes</th></tr></thead><tbody>");
        foreach (var j in report.Jobs)
        {
            html.Append("<tr><td>").Append(E(j.Label)).Append("</td><td>").Append(E(j.Code ?? "")).Append("</td>");
            Num(html, j.Count);
            html.Append("</tr>");
        }

        html.Append("</tbody></table><table><caption class=\"sr-only\">Lieux les plus demandés</caption><thead><tr><th>Lieu</th><th>Département</th><th class=\"n\">Demandes</th></tr></thead><tbody>");
        foreach (var p in report.Places)
        {
            html.Append("<tr><td>").Append(E(p.Label)).Append("</td><td>").Append(E(p.Departement ?? "")).Append("</td>");
            Num(html, p.Count);
            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>\n");
        html.Append("<p>Issue des demandes : ").Append(E(string.Join(", ", report.Outcomes.Select(o => $"{OutcomeLabel(o.Key)} {o.Value.ToString("N0", French)}")))).Append(". Source : ")
            .Append(E(string.Join(", ", report.Sources.Select(s => $"{s.Key} ({s.Value.ToString("N0", French)})")))).Append(".</p>\n</section>\n");
    }

    private static void Map(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Carte des demandes</h2>\n");
        var (requests, unmet) = FranceMap.Values(report);
        html.Append("<div class=\"maps\"><figure><h3>Demandes d'offres par département</h3>").Append(FranceMap.Render("map-requests", "Demandes d'offres par département", "demandes", requests, Palette.Requests));
        html.Append("<figcaption>Demandes d'offres et d'entreprises dont le lieu est dans le département.</figcaption></figure>");
        html.Append("<figure><h3>Demande non satisfaite</h3>").Append(FranceMap.Render("map-unmet", "Demande non satisfaite par département", "demandes sans offre", unmet, Palette.Unmet));
        html.Append("<figcaption>Demandes restées sans offre, même en élargissant la recherche.</figcaption></figure></div>\n");
        html.Append("<div class=\"two\"><table><caption>Départements les plus demandés</caption><thead><tr><th>Département</th><th class=\"n\">Demandes</th><th class=\"n\">Sans offre</th></tr></thead><tbody>");
        foreach (var d in report.Departements.OrderByDescending(d => d.Requests).ThenBy(d => d.Code, StringComparer.Ordinal).Take(15))
        {
            html.Append("<tr><td>").Append(E($"{d.Name} ({d.Code})")).Append("</td>");
            Num(html, d.Requests);
            Num(html, d.Unmet);
            html.Append("</tr>");
        }

        html.Append("</tbody></table><table><caption>Métier × lieu sans offre</caption><thead><tr><th>Métier</th><th>Lieu</th><th class=\"n\">Demandes</th></tr></thead><tbody>");
        foreach (var u in report.Unmet)
        {
            html.Append("<tr><td>").Append(E(u.Job)).Append("</td><td>").Append(E(u.Place)).Append("</td>");
            Num(html, u.Count);
            html.Append("</tr>");
        }

        if (report.Unmet.Count == 0)
        {
            html.Append("<tr><td colspan=\"3\" class=\"empty\">Aucune demande restée sans offre.</td></tr>");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Questions(StringBuilder html, LiveReport report)
    {
        var q = report.Questions;
        html.Append("<section>\n<h2>Questions</h2>\n<table><thead><tr><th>En attente</th><th>Approuvées</th><th>À l'antenne</th><th>Répondues</th><th>Masquées</th><th>Total</th></tr></thead><tbody><tr>");
        foreach (var n in new[] { q.Counts.Pending, q.Counts.Approved, q.Counts.OnAir, q.Counts.Answered, q.Counts.Hidden, q.Counts.Total })
        {
            Num(html, n);
        }

        html.Append("</tr></tbody></table>\n<h3>Questions les plus votées</h3>\n");
        QuestionTable(html, q.TopVoted, withStatus: true);
        html.Append("<h3>Approuvées mais jamais posées aux invités</h3>\n<p>À transmettre aux invités après l'émission.</p>\n");
        QuestionTable(html, q.ApprovedUnanswered, withStatus: false);
        html.Append("</section>\n");
    }

    private static void QuestionTable(StringBuilder html, IReadOnlyList<QuestionLine> lines, bool withStatus)
    {
        if (lines.Count == 0)
        {
            html.Append("<p class=\"empty\">Aucune.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th class=\"n\">N°</th><th>Question</th><th class=\"n\">Votes</th>").Append(withStatus ? "<th>Statut</th>" : "").Append("</tr></thead><tbody>");
        foreach (var line in lines)
        {
            html.Append("<tr><td class=\"n\">#").Append(line.Id).Append("</td><td>").Append(E(line.Text)).Append("</td>");
            Num(html, line.Votes);
            if (withStatus)
            {
                html.Append("<td>").Append(E(StatusLabel(line.Status))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Platforms(StringBuilder html, LiveReport report)
    {
        html.Append("<section>\n<h2>Plateformes</h2>\n<table><thead><tr><th>Plateforme</th><th class=\"n\">Lignes</th><th class=\"n\">Réponses envoyées</th><th class=\"n\">Fusionnées</th><th class=\"n\">Abandonnées</th><th class=\"n\">Reconnexions</th><th class=\"n\">Quota YouTube (unités)</th></tr></thead><tbody>");
        foreach (var p in report.Platforms)
        {
            html.Append("<tr><td>").Append(E(Palette.PlatformLabel(p.Name))).Append("</td>");
            Num(html, p.ChatLines);
            Num(html, p.RepliesSent);
            Num(html, p.RepliesMerged);
            Num(html, p.RepliesDropped);
            Num(html, p.Reconnects);
            html.Append("<td class=\"n\">").Append(p.Name == "youtube" ? N(p.YouTubeUnits) : "–").Append("</td></tr>");
        }

        if (report.Platforms.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\" class=\"empty\">Aucune activité enregistrée.</td></tr>");
        }

        html.Append("</tbody></table>\n<p>Fusionnées : réponses envoyées en un seul message à plusieurs spectateurs ; abandonnées : réponses trop anciennes ou refusées par la plateforme.</p>\n</section>\n");
    }

    private static string Period(LiveReport report) => report.From is { } from && report.To is { } to
        ? $"Du {Paris(from)} au {Paris(to)} (heure de Paris)"
        : "Aucune ligne de chat enregistrée : période vide.";

    private static string PlaceLabel(PlaceCount p) => p.Kind == "departement" || p.Departement is null ? p.Label : $"{p.Label} ({p.Departement})";

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        OfferOutcomes.Found => "trouvées",
        OfferOutcomes.Widened => "trouvées en élargissant",
        OfferOutcomes.None => "aucune offre",
        OfferOutcomes.Unavailable => "service indisponible",
        OfferOutcomes.NotUnderstood => "demande incomprise",
        _ => outcome,
    };

    private static string StatusLabel(string status) => status switch
    {
        "onair" => "à l'antenne",
        "answered" => "répondue",
        _ => "approuvée",
    };

    private static string Paris(DateTimeOffset time) => ReportPeriod.ToParis(time).ToString("dd/MM/yyyy HH:mm", French);

    private static string Percent(double? share) => share is { } s ? s.ToString("P0", French) : "–";

    private static string N(long value) => value.ToString("N0", French);

    private static void Num(StringBuilder html, long value) => html.Append("<td class=\"n\">").Append(N(value)).Append("</td>");

    private static string E(string text) => Html.Encode(text);
}
