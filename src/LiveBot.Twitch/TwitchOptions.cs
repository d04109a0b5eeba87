using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch;

/// <summary>The <c>Twitch</c> section of appsettings.json (environment variables: <c>Twitch__OAuthToken</c>...).</summary>
public sealed class TwitchOptions : IValidatableObject
{
    public const string Section = "Twitch";

    /// <summary>Twitch's cap on joined channels per account.</summary>
    public const int MaxChannels = 100;

    /// <summary>Off by default: the bot connects to Twitch only when asked to.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot account's login (lower case).</summary>
    public string Login { get; set; } = string.Empty;

    /// <summary>User access token with scopes chat:read chat:edit, with or without "oauth:". Secret: never logged.</summary>
    public string OAuthToken { get; set; } = string.Empty;

    /// <summary>Channels to join, without '#'.</summary>
    public List<string> Channels { get; set; } = [];

    public Uri ServerUri { get; set; } = new("wss://irc-ws.chat.twitch.tv:443");

    /// <summary>For token refresh, with <see cref="ClientSecret"/> and <see cref="RefreshToken"/>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>Where oauth2/validate and oauth2/token live.</summary>
    public Uri AuthBaseUri { get; set; } = new("https://id.twitch.tv/");

    /// <summary>Replies that waited longer than this in the outbox are dropped (and counted).</summary>
    public TimeSpan MaxReplyAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a refresh can be attempted.</summary>
    public bool CanRefresh =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(RefreshToken);

    /// <summary>The token without its "oauth:" prefix.</summary>
    public static string BareToken(string token)
    {
        var trimmed = token.Trim();
        return trimmed.StartsWith("oauth:", StringComparison.OrdinalIgnoreCase) ? trimmed[6..] : trimmed;
    }

    /// <summary>A channel name as Twitch wants it: lower case, no '#'.</summary>
    public static string NormalizeChannel(string channel) => channel.Trim().TrimStart('#').ToLowerInvariant();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Login))
        {
            yield return new ValidationResult("Twitch:Login est requis quand Twitch:Enabled vaut true (le compte du bot, en minuscules).");
        }
        else if (!IsChannelName(Login.Trim().ToLowerInvariant()))
        {
            yield return new ValidationResult("Twitch:Login doit être un identifiant Twitch (lettres, chiffres, '_').");
        }

        if (string.IsNullOrWhiteSpace(BareToken(OAuthToken)) && !CanRefresh)
        {
            yield return new ValidationResult("Twitch:OAuthToken est requis quand Twitch:Enabled vaut true (jeton avec les droits chat:read chat:edit).");
        }

        if (Channels.Count > MaxChannels)
        {
            yield return new ValidationResult($"Twitch:Channels : Twitch accepte {MaxChannels} chaînes au plus par compte.");
        }

        foreach (var channel in Channels)
        {
            if (!IsChannelName(NormalizeChannel(channel ?? string.Empty)))
            {
                yield return new ValidationResult($"Twitch:Channels : « {channel} » n'est pas un nom de chaîne Twitch.");
            }
        }

        if (ServerUri.Scheme is not ("ws" or "wss"))
        {
            yield return new ValidationResult("Twitch:ServerUri doit être une adresse ws:// ou wss://.");
        }

        if (MaxReplyAge <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Twitch:MaxReplyAge doit être positif.");
        }
    }

    private static bool IsChannelName(string name) =>
        name.Length is > 0 and <= 25 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}

/// <summary>Checks <see cref="TwitchOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class TwitchOptionsValidator : IValidateOptions<TwitchOptions>;
