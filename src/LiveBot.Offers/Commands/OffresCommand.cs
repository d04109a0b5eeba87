using LiveBot.Core.Commands;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Commands;

/// <summary><c>!offres &lt;métier&gt; [à] &lt;lieu&gt;</c> (aliases <c>!offre</c>, <c>!alternance</c>): apprenticeship offers nearby.</summary>
public sealed class OffresCommand(OfferRequestParser parser, OfferSearch search, IOptions<OffersOptions> options)
    : OfferCommandBase(parser, search, options)
{
    public override CommandInfo Info { get; } = new("offres", "offres", "des offres d'apprentissage près de chez toi")
    {
        DefaultAliases = ["offre", "alternance"],
        DefaultUserCooldown = TimeSpan.FromSeconds(20),
        Usage = "<métier> <ville>",
        Texts = new Dictionary<string, TextInfo>(CommonTexts("boulanger Lyon"))
        {
            ["results"] = new("{count} offre{s} d'apprentissage « {job} » {near} : {items} → {link}", "count", "s", "job", "place", "near", "items", "link", "radius", "prefix", "command"),
            ["widened"] = new("Rien à moins de {radius} km, alors j'ai élargi à {widened} km : {count} offre{s} « {job} » {around} : {items} → {link}", "count", "s", "job", "place", "around", "items", "link", "radius", "widened", "prefix", "command"),
            ["none"] = new("Aucune offre d'apprentissage « {job} » {within} pour le moment. Tente la candidature spontanée : {prefix}{companies} {job} {place}", "job", "place", "within", "radius", "widened", "prefix", "command", "companies"),
        },
    };

    protected override OfferKind Kind => OfferKind.Offers;
}
