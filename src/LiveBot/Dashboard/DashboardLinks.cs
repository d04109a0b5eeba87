namespace LiveBot.Dashboard;

/// <summary>Builds the addresses printed at start: the presenter page (with its token, as Jupyter does) and the overlay (with its key).</summary>
public sealed class DashboardLinks(DashboardToken token, OverlayKey overlayKey)
{
    /// <summary><c>http://127.0.0.1:5080/?token=…</c>: opening it once keeps the token in a cookie.</summary>
    public string PresenterPageUrl(string baseAddress) => Reachable(baseAddress) + "/?token=" + Uri.EscapeDataString(token.Value);

    /// <summary>
    /// The OBS browser source: <c>/overlay?key=…</c>. The overlay key only opens the on-air question, so this
    /// address may be seen on screen; the key keeps a slot free for OBS however many others connect.
    /// </summary>
    public string OverlayUrl(string baseAddress) => Reachable(baseAddress) + OverlayPath();

    /// <summary><c>/overlay?key=…</c>, for the presenters' page.</summary>
    public string OverlayPath() => "/overlay?key=" + Uri.EscapeDataString(overlayKey.Value);

    /// <summary>A wildcard listening address becomes one a browser on this machine can open (no path).</summary>
    public static string Origin(string baseAddress) => Reachable(baseAddress);

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
