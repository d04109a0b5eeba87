using LiveBot.Dashboard;

namespace LiveBot.Check.Probes;

/// <summary>The presenters' page link (with its token) and the overlay address to paste into OBS.</summary>
public sealed class LinksProbe(DashboardLinks links) : ICheckProbe
{
    public const string PageName = "Page des présentateurs";
    public const string OverlayName = "Overlay OBS";

    public string Point => PageName;

    public Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var address = context.MainAddress;
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port == 0)
        {
            return Task.FromResult<IReadOnlyList<CheckLine>>([
                CheckLine.Ok(PageName, "adresse affichée au démarrage du bot (port choisi à ce moment)"),
                CheckLine.Ok(OverlayName, "source « Navigateur » d'OBS, 1920 × 1080, adresse …/overlay affichée au démarrage")]);
        }

        return Task.FromResult<IReadOnlyList<CheckLine>>([
            CheckLine.Ok(PageName, links.PresenterPageUrl(address)),
            CheckLine.Ok(OverlayName, links.OverlayUrl(address) + " (source « Navigateur » d'OBS, 1920 × 1080)")]);
    }
}
