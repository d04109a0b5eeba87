namespace LiveBot.Dashboard;

/// <summary>Builds the addresses printed at start: the presenter page (with its token, as Jupyter does) and the overlay.</summary>
public sealed class DashboardLinks(DashboardToken token)
{
    /// <summary><c>http://127.0.0.1:5080/?token=…</c>: opening it once keeps the token in a cookie.</summary>
    public string PresenterPageUrl(string baseAddress) => Reachable(baseAddress) + "/?token=" + Uri.EscapeDataString(token.Value);

    /// <summary>The OBS browser source (no token: it only ever shows the on-air question).</summary>
    public static string OverlayUrl(string baseAddress) => Reachable(baseAddress) + "/overlay";

    /// <summary>A wildcard listening address (0.0.0.0, [::], +, *) becomes one a browser on this machine can open.</summary>
    private static string Reachable(string baseAddress)
    {
        var trimmed = baseAddress.TrimEnd('/');
        if (!Uri.TryCreate(trimmed.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return trimmed;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
