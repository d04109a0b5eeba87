using LiveBot.Questions.Matching;

namespace LiveBot.Questions.Tests.Matching;

public sealed class DuplicateIndexTests
{
    private static readonly string[] Words =
    [
        "apprentissage", "salaire", "entreprise", "ecole", "bac", "cap", "bts", "licence", "master", "cuisine", "boulanger",
        "informatique", "commerce", "vente", "logistique", "mecanique", "coiffure", "banque", "hotel", "restaurant", "contrat",
        "rupture", "conges", "vacances", "permis", "logement", "aide", "transport", "horaires", "week-end", "nuit", "stage",
    ];

    [Fact]
    public void FindBest_ManyQuestions_MatchesBruteForce()
    {
        var random = new Random(42);
        var index = new DuplicateIndex();
        var all = new List<(int Id, QuestionFingerprint Fingerprint)>();
        for (var id = 1; id <= 2_000; id++)
        {
            var fingerprint = QuestionFingerprint.Of(RandomQuestion(random));
            index.Add(id, fingerprint);
            all.Add((id, fingerprint));
        }

        for (var i = 0; i < 300; i++)
        {
            var query = QuestionFingerprint.Of(RandomQuestion(random));
            var expected = all
                .Select(e => (e.Id, Score: query.Similarity(e.Fingerprint)))
                .Where(e => e.Score >= 0.7 - 1e-9)
                .OrderByDescending(e => e.Score).ThenBy(e => e.Id)
                .Select(e => (int?)e.Id)
                .FirstOrDefault();

            Assert.Equal(expected, index.FindBest(query, 0.7)?.Id);
        }
    }

    [Fact]
    public void Remove_Question_IsNoLongerFound()
    {
        var index = new DuplicateIndex();
        var fingerprint = QuestionFingerprint.Of("Quel salaire pour un apprenti en BTS ?");
        index.Add(7, fingerprint);

        index.Remove(7);

        Assert.Null(index.FindBest(fingerprint, 0.7));
        Assert.Equal(0, index.Count);
    }

    private static string RandomQuestion(Random random)
    {
        var count = random.Next(2, 6);
        var words = Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]);
        return "Est-ce que " + string.Join(' ', words) + " ?";
    }
}
