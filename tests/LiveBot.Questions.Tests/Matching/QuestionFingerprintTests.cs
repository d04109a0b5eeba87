using LiveBot.Questions.Matching;

namespace LiveBot.Questions.Tests.Matching;

public sealed class QuestionFingerprintTests
{
    private const double Threshold = 0.7;

    [Theory]
    [InlineData("On peut faire un apprentissage à 30 ans ?", "est-ce qu'on peut faire un apprentissage a 30 ans")]
    [InlineData("Comment trouver une entreprise pour mon apprentissage ?", "comment trouver une entreprise pour l'apprentissage")]
    [InlineData("Quel est le salaire d'un apprenti ?", "c'est quoi le salaire d'un apprenti")]
    [InlineData("Peut-on être apprenti dans la fonction publique ?", "on peut etre apprenti dans la fonction publique ?")]
    [InlineData("Combien de jours de congés pour un apprenti ?", "Un apprenti a combien de jours de congé ?")]
    [InlineData("QUEL SALAIRE EN BTS ???", "quel salaire en bts")]
    [InlineData("Est-ce que l'entreprise paie l'école ?", "L'entreprise paie l'école ?!")]
    [InlineData("Un apprentissage après un bac pro, c'est possible ?", "c'est possible un apprentissage après un bac pro ?")]
    [InlineData("Comment trouver un aprentissage ?", "comment trouver un apprentissage")]
    [InlineData("Bonjour ! svp est-ce que je peux faire un apprentissage en informatique ?", "on peut faire un apprentissage en informatique ?")]
    [InlineData("salut 👋 combien gagne un apprenti en première année ?", "Combien gagne un apprenti en premiere annee")]
    [InlineData("C'est quoi la différence entre alternance et apprentissage ?", "quelle différence entre l'apprentissage et l'alternance ?")]
    [InlineData("Faut-il avoir le bac pour faire un CAP ?", "il faut le bac pour faire un cap ?")]
    [InlineData("Les apprentis ont-ils droit aux APL ?", "Un apprenti a droit à l'APL ?")]
    [InlineData("c koi le salaire dun apprenti", "Quel est le salaire d'un apprenti ?")]
    [InlineData("pk les apprentis sont moins payés ?", "Pourquoi les apprentis sont-ils moins payés ?")]
    [InlineData("On peut faire un apprentissage en informatique ?", "Bonjour, on peut faire un apprentissage en informatique à Lyon ?")]
    public void Similarity_SameQuestionAskedDifferently_Merges(string first, string second)
    {
        var score = QuestionFingerprint.Of(first).Similarity(QuestionFingerprint.Of(second));

        Assert.True(score >= Threshold, $"score {score:0.00}: « {first} » / « {second} »");
    }

    [Theory]
    [InlineData("On peut faire un apprentissage à 30 ans ?", "On peut faire un apprentissage à 25 ans ?")]
    [InlineData("Peut-on faire un apprentissage sans le bac ?", "Peut-on faire un apprentissage avec le bac ?")]
    [InlineData("Quel est le salaire d'un apprenti ?", "Quel est le salaire d'un alternant en contrat pro ?")]
    [InlineData("Comment trouver une entreprise ?", "Comment trouver une école ?")]
    [InlineData("Peut-on faire un apprentissage en informatique ?", "Peut-on faire un apprentissage en cuisine ?")]
    [InlineData("Est-ce qu'on est payé pendant les vacances ?", "Est-ce qu'on est payé pendant les cours ?")]
    [InlineData("L'apprentissage est-il possible après 30 ans ?", "L'apprentissage est-il possible avant 30 ans ?")]
    [InlineData("On peut faire un apprentissage à 30 ans ?", "On ne peut pas faire un apprentissage à 30 ans ?")]
    [InlineData("Comment devenir boulanger ?", "Comment devenir boucher ?")]
    [InlineData("C'est quoi un CFA ?", "C'est quoi un OPCO ?")]
    [InlineData("Le CFA est-il payant pour l'apprenti ?", "L'apprenti est-il payé par le CFA ?")]
    [InlineData("Je suis en seconde, je peux faire un apprentissage ?", "Je suis en terminale, je peux faire un apprentissage ?")]
    [InlineData("Un apprenti dans le public, c'est possible ?", "Un apprenti dans le privé, c'est possible ?")]
    [InlineData("Bonjour tout le monde !", "Bonjour à tous, merci pour le live !")]
    [InlineData("Comment trouver une entreprise pour un CAP mécanicien auto vers Lyon ?", "Comment trouver une entreprise pour un CAP mécanicien auto vers Paris ?")]
    [InlineData("Quel salaire pour un apprenti ?", "Quel salaire pour un apprenti boulanger ?")]
    public void Similarity_DifferentQuestions_DoesNotMerge(string first, string second)
    {
        var score = QuestionFingerprint.Of(first).Similarity(QuestionFingerprint.Of(second));

        Assert.True(score < Threshold, $"score {score:0.00}: « {first} » / « {second} »");
    }

    [Fact]
    public void Of_FillerWordsAndPunctuation_AreDropped()
    {
        var fingerprint = QuestionFingerprint.Of("Est-ce qu'on peut faire un apprentissage à 30 ans ?!");

        Assert.Equal(["30", "ans", "aprentisag", "faire", "pouvoir"], fingerprint.Tokens);
        Assert.Equal("30", fingerprint.Critical);
    }

    [Fact]
    public void Of_OnlyFillerWords_IsEmptyAndNeverMerges()
    {
        var empty = QuestionFingerprint.Of("Bonjour, c'est quoi ? svp merci !");

        Assert.True(empty.IsEmpty);
        Assert.Equal(0, empty.Similarity(QuestionFingerprint.Of("Bonjour, c'est quoi ? svp merci !")));
    }
}
