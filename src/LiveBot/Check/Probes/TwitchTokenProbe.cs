using System.Globalization;
using LiveBot.Twitch;
using LiveBot.Twitch.Auth;
using Microsoft.Extensions.Options;

namespace LiveBot.Check.Probes;

/// <summary>
/// Twitch's token: <c>oauth2/validate</c> (valid, scopes <c>chat:read chat:edit</c>, login, expiry), and
/// whether the refresh credentials work (one real refresh through the bot's own <see cref="TwitchTokens"/>,
/// so the new token is the one the bot then uses).
/// </summary>
public sealed class TwitchTokenProbe(TwitchAuthClient auth, TwitchTokens tokens, IOptions<TwitchOptions> options) : ICheckProbe
{
    public const string TokenName = "Twitch, jeton";
    public const string ScopesName = "Twitch, droits";
    public const string LoginName = "Twitch, compte";
    public const string RefreshName = "Twitch, renouvellement";

    /// <summary>The scopes the bot needs to read and write chat.</summary>
    public static readonly string[] RequiredScopes = ["chat:read", "chat:edit"];

    /// <summary>A token that cannot be renewed and ends sooner than this would end during the show (✗); later, ⚠.</summary>
    public static readonly TimeSpan ShowLength = TimeSpan.FromHours(2);

    public string Point => TokenName;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lines = new List<CheckLine>();
        var validation = await auth.ValidateAsync(settings.AuthBaseUri, tokens.AccessToken, cancellationToken);
        var refreshed = false;
        if (validation.Status == TokenStatus.Unknown)
        {
            return [CheckLine.Failed(TokenName, $"{settings.AuthBaseUri.Host} ne répond pas (oauth2/validate)", "vérifiez la connexion à Internet (et Twitch:AuthBaseUri), puis relancez la vérification.")];
        }

        if (validation.Status == TokenStatus.Invalid)
        {
            if (!settings.CanRefresh)
            {
                return [CheckLine.Failed(TokenName, "refusé par Twitch (oauth2/validate : 401)", $"générez un nouveau jeton (scopes chat:read chat:edit) pour le compte {settings.Login} et mettez-le dans Twitch:OAuthToken (README, section Twitch) ; avec Twitch:ClientId, ClientSecret et RefreshToken le bot le renouvellera seul.")];
            }

            if (!await tokens.TryRefreshAsync(cancellationToken)
                || (validation = await auth.ValidateAsync(settings.AuthBaseUri, tokens.AccessToken, cancellationToken)).Status != TokenStatus.Valid)
            {
                return [CheckLine.Failed(TokenName, "refusé par Twitch, et le renouvellement aussi", "générez un nouveau jeton et un nouveau refresh token (README, section Twitch) ; vérifiez Twitch:ClientId et Twitch:ClientSecret.")];
            }

            refreshed = true;
            lines.Add(CheckLine.Warning(TokenName, "expiré ou révoqué, renouvelé avec le refresh token : " + Expiry(validation.ExpiresIn), "rien à faire : le bot renouvelle seul ; mettez à jour Twitch:OAuthToken à l'occasion."));
        }
        else
        {
            lines.Add(CheckLine.Ok(TokenName, "valide, " + Expiry(validation.ExpiresIn)));
        }

        lines.Add(Scopes(validation));
        lines.Add(Login(validation, settings.Login));
        lines.Add(refreshed ? CheckLine.Ok(RefreshName, "identifiants de renouvellement acceptés") : await RefreshAsync(validation, settings, cancellationToken));
        return lines;
    }

    private static CheckLine Scopes(TokenValidation validation)
    {
        var missing = RequiredScopes.Where(s => !validation.Scopes.Contains(s, StringComparer.Ordinal)).ToList();
        var granted = validation.Scopes.Count == 0 ? "aucun" : string.Join(' ', validation.Scopes);
        return missing.Count == 0
            ? CheckLine.Ok(ScopesName, string.Join(' ', RequiredScopes))
            : CheckLine.Failed(ScopesName, $"il manque {string.Join(' ', missing)} (droits du jeton : {granted})", "recréez le jeton en demandant les scopes chat:read chat:edit (README, section Twitch).");
    }

    private static CheckLine Login(TokenValidation validation, string configured)
    {
        var login = configured.Trim().ToLowerInvariant();
        return validation.Login is { } owner && !owner.Equals(login, StringComparison.OrdinalIgnoreCase)
            ? CheckLine.Failed(LoginName, $"le jeton est celui de {owner}, pas de Twitch:Login {login}", $"mettez Twitch:Login={owner}, ou générez le jeton en étant connecté avec le compte {login}.")
            : CheckLine.Ok(LoginName, login);
    }

    private async Task<CheckLine> RefreshAsync(TokenValidation validation, TwitchOptions settings, CancellationToken cancellationToken)
    {
        if (settings.CanRefresh)
        {
            return await tokens.TryRefreshAsync(cancellationToken)
                ? CheckLine.Ok(RefreshName, "identifiants de renouvellement acceptés (Twitch:ClientId, ClientSecret, RefreshToken)")
                : CheckLine.Failed(RefreshName, "Twitch refuse le renouvellement du jeton", "vérifiez Twitch:ClientId, Twitch:ClientSecret et Twitch:RefreshToken (un refresh token se perd quand le mot de passe change ou l'application est déconnectée).");
        }

        if (validation.ExpiresIn is not > 0)
        {
            return CheckLine.Ok(RefreshName, "pas nécessaire : le jeton n'expire pas");
        }

        var left = TimeSpan.FromSeconds(validation.ExpiresIn.Value);
        return left < ShowLength
            ? CheckLine.Failed(RefreshName, $"impossible sans Twitch:ClientId, ClientSecret et RefreshToken, et le jeton expire dans {Duration(left)}", "donnez ces trois réglages au bot, ou générez un jeton neuf juste avant le direct.")
            : CheckLine.Warning(RefreshName, $"pas d'identifiants de renouvellement : le bot se taira sur Twitch quand le jeton expirera (dans {Duration(left)})", "ajoutez Twitch:ClientId, Twitch:ClientSecret et Twitch:RefreshToken (README, section Twitch).");
    }

    private static string Expiry(long? expiresIn) => expiresIn switch
    {
        null => "durée inconnue",
        <= 0 => "sans expiration",
        { } seconds => "expire dans " + Duration(TimeSpan.FromSeconds(seconds)),
    };

    /// <summary>"3 h 53 min", "40 min".</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} min");
}
