using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Dashboard;

/// <summary>The <c>Dashboard</c> section: the presenter page, its API and the OBS overlay.</summary>
public sealed class DashboardOptions : IValidatableObject
{
    public const string Section = "Dashboard";

    /// <summary>Shortest configured secret accepted (a generated one has 43 characters).</summary>
    public const int MinSecretLength = 16;

    public const string TokenTooShort =
        "Dashboard:Token est trop court : 16 caractères au moins (laissez-le vide pour qu'un jeton sûr soit généré dans data/dashboard-token)";

    /// <summary>
    /// The presenters' secret. Empty: generated at first start (cryptographically random), kept in
    /// <c>data/dashboard-token</c> and printed in the start-up URL.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// The overlay's own key (in the overlay address OBS opens): a keyed overlay always finds a free slot.
    /// Empty: generated at first start and kept in <c>data/overlay-key</c>.
    /// </summary>
    public string? OverlayKey { get; set; }

    /// <summary>How often the live streams send a comment line so proxies and browsers keep them open.</summary>
    [InRange(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Dashboard:Heartbeat doit être entre {1} et {2}.")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    public const string OverlayKeyTooShort =
        "Dashboard:OverlayKey est trop court : 16 caractères au moins (laissez-le vide pour qu'une clé sûre soit générée dans data/overlay-key)";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Token) && Token.Trim().Length < MinSecretLength)
        {
            yield return new ValidationResult(TokenTooShort);
        }

        if (!string.IsNullOrWhiteSpace(OverlayKey) && OverlayKey.Trim().Length < MinSecretLength)
        {
            yield return new ValidationResult(OverlayKeyTooShort);
        }
    }
}

/// <summary>Checks <see cref="DashboardOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class DashboardOptionsValidator : IValidateOptions<DashboardOptions>;
