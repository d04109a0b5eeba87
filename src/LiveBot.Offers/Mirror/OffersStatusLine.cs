using Microsoft.Extensions.Options;

namespace LiveBot.Offers.Mirror;

/// <summary>
/// The presenter page's one line about offers ("Offres à jour du 2 décembre, 3 h (41 012 offres, 574 880
/// entreprises)"): only with the API Alternance mirror; null otherwise (the demo says so in every reply).
/// </summary>
public sealed class OffersStatusLine(IOptions<OffersOptions> options, OfferMirror mirror)
{
    public event Action? Changed
    {
        add => mirror.Changed += value;
        remove => mirror.Changed -= value;
    }

    public string? Line => options.Value is { Source: OfferSourceKind.ApiAlternance, ApiAlternance.Mirror: true } ? mirror.StatusLine() : null;
}
