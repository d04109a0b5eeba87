using LiveBot.Core.Commands;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Commands;

/// <summary><c>!entreprises &lt;métier&gt; [à] &lt;lieu&gt;</c>: companies likely to hire an apprentice (spontaneous applications).</summary>
public sealed class EntreprisesCommand(OfferRequestParser parser, OfferSearch search, IOptions<OffersOptions> options)
    : OfferCommandBase(parser, search, options)
{
    public override CommandInfo Info { get; } = new("entreprises", "entreprises", "des entreprises où proposer une candidature spontanée")
    {
        DefaultAliases = ["entreprise", "boites"],
        DefaultUserCooldown = TimeSpan.FromSeconds(20),
        Usage = "<métier> <ville>",
        Texts = new Dictionary<string, TextInfo>(CommonTexts("boulanger Lyon"))
        {
            ["demo"] = new("[Démo : entreprises fictives] "),
            ["results"] = new("{count} entreprise{s} où candidater « {job} » {near} : {items} → {link}", "count", "s", "job", "place", "near", "items", "link", "radius", "prefix", "command"),
            ["widened"] = new("Rien à moins de {radius} km, alors j'ai élargi à {widened} km : {count} entreprise{s} « {job} » {around} : {items} → {link}", "count", "s", "job", "place", "around", "items", "link", "radius", "widened", "prefix", "command"),
            ["none"] = new($"Je n'ai pas trouvé d'entreprise « {{job}} » {{within}}. Toutes les pistes : {OfferLinks.Home}", "job", "place", "within", "radius", "widened", "prefix", "command", "companies"),
        },
    };

    protected override OfferKind Kind => OfferKind.Companies;
}
