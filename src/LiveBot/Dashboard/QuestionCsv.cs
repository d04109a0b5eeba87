using System.Globalization;
using System.Text;
using LiveBot.Questions;

namespace LiveBot.Dashboard;

/// <summary>
/// The CSV export for French Excel: UTF-8 with a byte order mark, <c>;</c> between fields, CRLF lines,
/// RFC 4180 quoting, and cells that a spreadsheet would run as a formula (= + - @, tab, CR) made inert
/// by a leading apostrophe.
/// </summary>
public static class QuestionCsv
{
    public const char Separator = ';';

    public static byte[] Write(IEnumerable<Question> questions, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        var suffix = zone == TimeZoneInfo.Utc ? " (UTC)" : "";
        AppendLine(text, ["Numéro", "Statut", "Retenue", "Motif", "Votes", "Plateforme", "Chaîne", "Auteur", "Identifiant auteur", "Question", "Posée le" + suffix, "Mise à jour le" + suffix]);
        foreach (var q in questions)
        {
            AppendLine(text,
            [
                q.Id.ToString(CultureInfo.InvariantCulture),
                QuestionStatusNames.ToFrench(q.Status),
                q.Held ? "oui" : "non",
                q.HeldReason ?? q.HiddenReason ?? "",
                q.Votes.ToString(CultureInfo.InvariantCulture),
                q.Platform,
                q.Channel,
                q.AuthorName,
                q.AuthorId,
                q.Text,
                Date(q.CreatedAt, zone),
                Date(q.UpdatedAt, zone),
            ]);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    /// <summary>One cell: neutralised if a spreadsheet would read it as a formula, quoted if it needs to be.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        var mustQuote = value.AsSpan().IndexOfAny(";\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return mustQuote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Europe/Paris when the machine knows it, else UTC (the header of the export says which).</summary>
    public static TimeZoneInfo FrenchTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static string Date(DateTimeOffset time, TimeZoneInfo zone) =>
        time == default ? "" : TimeZoneInfo.ConvertTime(time, zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
