using System.ComponentModel.DataAnnotations;

namespace LiveBot.Dashboard;

/// <summary>The <c>Dashboard</c> section: the presenter page, its API and the OBS overlay.</summary>
public sealed class DashboardOptions
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

    /// <summary>How often the live streams send a comment line so proxies and browsers keep them open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
