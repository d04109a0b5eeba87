using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Offers;

/// <summary>Where offers come from (<c>Offers:Source</c>).</summary>
public enum OfferSourceKind
{
    /// <summary>The embedded demo catalogue: no network, every reply says it is demo data.</summary>
    Demo,

    /// <summary>API Alternance (mission apprentissage): jobs and recruiters.</summary>
    ApiAlternance,

    /// <summary>France Travail "Offres d'emploi v2", apprenticeship and professionalisation contracts.</summary>
    FranceTravail,
}

/// <summary>The <c>Offers</c> section of appsettings.json.</summary>
public sealed class OffersOptions : IValidatableObject
{
    public const string Section = "Offers";

    public OfferSourceKind Source { get; set; } = OfferSourceKind.Demo;

    /// <summary>Search radius in km.</summary>
    [InRange(1, 200, ErrorMessage = "Offers:Radius doit être entre {1} et {2} km.")]
    public int Radius { get; set; } = 30;

    /// <summary>Radius of the one widened search when nothing is found, in km.</summary>
    [InRange(1, 200, ErrorMessage = "Offers:WidenedRadius doit être entre {1} et {2} km.")]
    public int WidenedRadius { get; set; } = 60;

    /// <summary>Most items in one reply (fewer when the platform's messages are short).</summary>
    [InRange(1, 10, ErrorMessage = "Offers:MaxResults doit être entre {1} et {2}.")]
    public int MaxResults { get; set; } = 3;

    /// <summary>Longest wait for the upstream API, retries included.</summary>
    [InRange(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Offers:Timeout doit être entre {1} et {2}.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an answer is reused without asking the API again.</summary>
    [InRange(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Offers:CacheTtl doit être entre {1} et {2}.")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    [ValidateObjectMembers]
    public ApiAlternanceOptions ApiAlternance { get; set; } = new();

    public FranceTravailOptions FranceTravail { get; set; } = new();

    [ValidateObjectMembers]
    public DemoOptions Demo { get; set; } = new();

    /// <summary>The keys a real source needs, and the rules between settings.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source == OfferSourceKind.ApiAlternance && string.IsNullOrWhiteSpace(ApiAlternance.ApiKey))
        {
            yield return new ValidationResult("Offers:Source vaut ApiAlternance mais Offers:ApiAlternance:ApiKey (variable Offers__ApiAlternance__ApiKey) est vide.");
        }

        if (Source == OfferSourceKind.FranceTravail
            && (string.IsNullOrWhiteSpace(FranceTravail.ClientId) || string.IsNullOrWhiteSpace(FranceTravail.ClientSecret)))
        {
            yield return new ValidationResult("Offers:Source vaut FranceTravail mais Offers:FranceTravail:ClientId ou ClientSecret (variables Offers__FranceTravail__ClientId / __ClientSecret) est vide.");
        }

        if (string.IsNullOrWhiteSpace(ApiAlternance.ExportPath))
        {
            yield return new ValidationResult("Offers:ApiAlternance:ExportPath est vide.");
        }

        if (WidenedRadius < Radius)
        {
            yield return new ValidationResult("Offers:WidenedRadius doit valoir au moins Offers:Radius.");
        }
    }
}

public sealed class ApiAlternanceOptions
{
    public Uri BaseUri { get; set; } = new("https://api.apprentissage.beta.gouv.fr/api/");

    /// <summary>The API key (a secret: user-secrets or <c>Offers__ApiAlternance__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Keep a local mirror of the daily export and answer from it (the live search only while none is loaded).</summary>
    public bool Mirror { get; set; } = true;

    /// <summary>How often the export is asked whether it changed.</summary>
    [InRange(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Offers:ApiAlternance:MirrorRefresh doit être entre {1} et {2}.")]
    public TimeSpan MirrorRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most calls to the API a minute, all kinds together (the API allows 60 per key).</summary>
    [InRange(1, 600, ErrorMessage = "Offers:ApiAlternance:RequestsPerMinute doit être entre {1} et {2}.")]
    public int RequestsPerMinute { get; set; } = 50;

    /// <summary>Where the export's link is asked, relative to <see cref="BaseUri"/>.</summary>
    [Required(ErrorMessage = "Offers:ApiAlternance:ExportPath est vide.")]
    public string ExportPath { get; set; } = "job/v1/export";
}

public sealed class FranceTravailOptions
{
    public Uri TokenUri { get; set; } = new("https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire");

    public Uri BaseUri { get; set; } = new("https://api.francetravail.io/partenaire/offresdemploi/v2/");

    public string? ClientId { get; set; }

    /// <summary>A secret: user-secrets or <c>Offers__FranceTravail__ClientSecret</c>.</summary>
    public string? ClientSecret { get; set; }

    public string Scope { get; set; } = "api_offresdemploiv2 o2dsoffre";
}

public sealed class DemoOptions
{
    [InRange(0, 2_000_000, ErrorMessage = "Offers:Demo:Offers doit être entre {1} et {2}.")]
    public int Offers { get; set; } = 41_000;

    [InRange(0, 2_000_000, ErrorMessage = "Offers:Demo:Companies doit être entre {1} et {2}.")]
    public int Companies { get; set; } = 60_000;

    public int Seed { get; set; } = 2026;
}

/// <summary>Checks <see cref="OffersOptions"/> at start (generated from its rules, nested sections included).</summary>
[OptionsValidator]
public sealed partial class OffersOptionsValidator : IValidateOptions<OffersOptions>;
