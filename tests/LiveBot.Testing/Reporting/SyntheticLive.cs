using LiveBot.Core.Stats;
using LiveBot.Questions;

namespace LiveBot.Testing.Reporting;

/// <summary>
/// A deterministic 3-hour live for the report's tests and benchmark: chat lines on three platforms with a
/// busy middle, commands, offer requests over real ROME jobs and places, questions with votes and some
/// put on air, replies sent/merged/dropped and YouTube units. Viewer names all start with
/// <see cref="ViewerPrefix"/>, so a test can check that none reaches any output.
/// </summary>
public static class SyntheticLive
{
    /// <summary>18:00 in Paris on a Saturday in March.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 17, 0, 0, TimeSpan.Zero);

    public const string ViewerPrefix = "PseudoSecret";

    public static readonly (string Code, string Label)[] Jobs =
    [
        ("D1102", "boulanger"), ("D1202", "coiffure"), ("M1805", "développement informatique"), ("G1602", "cuisine"),
        ("D1106", "vente"), ("I1604", "mécanique automobile"), ("F1603", "plomberie"), ("F1602", "électricité"),
        ("M1607", "secrétariat"), ("J1501", "aide-soignant"), ("M1203", "comptabilité"), ("N1103", "logistique"),
        ("D1101", "boucherie"), ("G1803", "service en salle"), ("F1703", "maçonnerie"), ("M1502", "ressources humaines"),
        ("A1203", "paysagisme"), ("H2913", "soudure"), ("K2111", "animation"), ("E1205", "graphisme"),
    ];

    public static readonly (string Kind, string Code, string Label, string Departement)[] Places =
    [
        ("commune", "75056", "Paris", "75"), ("commune", "69123", "Lyon", "69"), ("commune", "13055", "Marseille", "13"),
        ("commune", "31555", "Toulouse", "31"), ("commune", "33063", "Bordeaux", "33"), ("commune", "59350", "Lille", "59"),
        ("commune", "44109", "Nantes", "44"), ("commune", "67482", "Strasbourg", "67"), ("commune", "35238", "Rennes", "35"),
        ("departement", "93", "Seine-Saint-Denis", "93"), ("departement", "2A", "Corse-du-Sud", "2A"), ("commune", "97411", "Saint-Denis", "974"),
        ("commune", "97209", "Fort-de-France", "972"), ("commune", "63113", "Clermont-Ferrand", "63"), ("commune", "21231", "Dijon", "21"),
        ("commune", "15014", "Aurillac", "15"), ("arrondissement", "69383", "Lyon 3e", "69"), ("commune", "87085", "Limoges", "87"),
        ("commune", "97302", "Cayenne", "973"), ("departement", "48", "Lozère", "48"),
    ];

    private static readonly string[] Platforms = ["twitch", "youtube", "local"];
    private static readonly string[] Commands = ["offres", "entreprises", "question", "vote", "aide", "secteur", "salaire"];

    /// <summary>Plays the live on the lab's recorder and queue, flushing every minute as the bot does.</summary>
    public static void Play(ReportLab lab, int lines = 10_000, int offers = 2_000, int questions = 300, int minutes = 180)
    {
        var random = new Random(2026);
        var weights = Enumerable.Range(0, minutes).Select(m => 0.4 + Math.Sin(Math.PI * m / minutes)).ToArray();
        var total = weights.Sum();
        var linesLeft = lines;
        var offersLeft = offers;
        var questionsLeft = questions;
        var asked = new List<int>();
        for (var minute = 0; minute < minutes; minute++)
        {
            var last = minute == minutes - 1;
            var share = weights[minute] / total;
            var lineCount = last ? linesLeft : Math.Min(linesLeft, (int)Math.Round(lines * share));
            var offerCount = last ? offersLeft : Math.Min(offersLeft, (int)Math.Round(offers * share));
            var questionCount = last ? questionsLeft : Math.Min(questionsLeft, (int)Math.Round(questions * share));
            linesLeft -= lineCount;
            offersLeft -= offerCount;
            questionsLeft -= questionCount;
            var now = lab.Time.GetUtcNow();
            for (var i = 0; i < lineCount; i++)
            {
                var platform = Platforms[random.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 }];
                lab.Recorder.ChatLine(platform, now);
                if (random.Next(4) == 0)
                {
                    lab.Recorder.Command(platform, Commands[random.Next(Commands.Length)], random.Next(10) != 0, now);
                }
            }

            for (var i = 0; i < offerCount; i++)
            {
                lab.Recorder.OfferRequest(Offer(random, now));
            }

            for (var i = 0; i < questionCount; i++)
            {
                var n = questions - questionsLeft - questionCount + i + 1;
                var viewer = $"{ViewerPrefix}{n}";
                var result = lab.Queue.Submit(Platforms[n % 3], "chaine", $"{Platforms[n % 3]}:{ViewerPrefix}-id-{n}", viewer, $"Question {n} : combien de temps dure la formation numéro {n} en apprentissage ?");
                if (result.Question is { } q)
                {
                    asked.Add(q.Id);
                }
            }

            for (var v = 0; v < lineCount / 40 && asked.Count > 0; v++)
            {
                lab.Queue.Vote(asked[random.Next(asked.Count)], $"youtube:{ViewerPrefix}-votant-{minute}-{v}");
            }

            if (minute % 20 == 10 && lab.Queue.List(QuestionStatus.Approved).OrderByDescending(q => q.Votes).FirstOrDefault() is { } top)
            {
                lab.Queue.PutOnAir(top.Id);
            }

            foreach (var platform in Platforms)
            {
                lab.Recorder.PlatformActivity(platform, lineCount / 12, platform == "local" ? 0 : lineCount / 60, minute % 45 == 0 ? 1 : 0, minute == 90 && platform == "twitch" ? 1 : 0, platform == "youtube" ? 5 + (lineCount / 30 * 20) : 0);
            }

            lab.Recorder.Flush();
            lab.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static OfferRequestFact Offer(Random random, DateTimeOffset now)
    {
        // Popular jobs and places first (a long tail), as in a real chat.
        var job = Jobs[Math.Min(Jobs.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Jobs.Length))];
        var place = Places[Math.Min(Places.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Places.Length))];
        var roll = random.Next(100);
        var outcome = roll switch
        {
            < 68 => OfferOutcomes.Found,
            < 80 => OfferOutcomes.Widened,
            < 93 => OfferOutcomes.None,
            < 96 => OfferOutcomes.Unavailable,
            _ => OfferOutcomes.NotUnderstood,
        };
        var understood = outcome != OfferOutcomes.NotUnderstood;
        return new OfferRequestFact(Platforms[random.Next(3)], now, random.Next(5) == 0 ? "entreprises" : "offres", outcome)
        {
            JobCode = job.Code,
            JobLabel = job.Label,
            PlaceKind = understood ? place.Kind : null,
            PlaceCode = understood ? place.Code : null,
            PlaceLabel = understood ? place.Label : null,
            Departement = understood ? place.Departement : null,
            Source = "Demo",
        };
    }
}
