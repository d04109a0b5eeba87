using System.Globalization;
using System.Text;
using LiveBot.Polls;

namespace LiveBot.Dashboard;

/// <summary>
/// The polls in CSV for French Excel, as <see cref="QuestionCsv"/>: UTF-8 with BOM, <c>;</c>, CRLF, Paris time,
/// formula-looking cells made inert. One line per choice of each poll.
/// </summary>
public static class PollCsv
{
    private static readonly string[] Platforms = ["twitch", "youtube", "local"];

    public static byte[] Write(IEnumerable<Poll> polls, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        var suffix = zone == TimeZoneInfo.Utc ? " (UTC)" : "";
        AppendLine(text, ["Sondage", "Statut", "Question", "Choix n°", "Choix", "Votes", "%", "Twitch", "YouTube", "Chat de test", "Votes du sondage", "Ouvert le" + suffix, "Clos le" + suffix]);
        foreach (var poll in polls)
        {
            for (var i = 0; i < poll.Choices.Count; i++)
            {
                var choice = poll.Choices[i];
                var cells = new List<string>
                {
                    Number(poll.Id),
                    PollStatusNames.ToFrench(poll.Status),
                    poll.Question,
                    Number(i + 1),
                    choice.Text,
                    Number(choice.Votes),
                    Number(PollTexts.Percent(choice.Votes, poll.Total)),
                };
                cells.AddRange(Platforms.Select(p => Number(choice.ByPlatform.GetValueOrDefault(p))));
                cells.Add(Number(poll.Total));
                cells.Add(Date(poll.OpenedAt, zone));
                cells.Add(poll.IsOpen || poll.ClosesAt is not { } closed ? "" : Date(closed, zone));
                AppendLine(text, cells);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.AppendJoin(QuestionCsv.Separator, cells.Select(QuestionCsv.Cell));
        text.Append("\r\n");
    }
}
