using System.ComponentModel.DataAnnotations;

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
public sealed class OffersOptions
{
    public const string Section = "Offers";

    public OfferSourceKind Source { get; set; } = OfferSourceKind.Demo;

    /// <summary>Search radius in km.</summary>
    [Range(1, 200)]
    public int Radius { get; set; } = 30;

    /// <summary>Radius of the one widened search when nothing is found, in km.</summary>
    [Range(1, 200)]
    public int WidenedRadius { get; set; } = 60;

    /// <summary>Most items in one reply (fewer when the platform's messages are short).</summary>
    [Range(1, 10)]
    public int MaxResults { get; set; } = 3;

    /// <summary>Longest wait for the upstream API, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an answer is reused without asking the API again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    public ApiAlternanceOptions ApiAlternance { get; set; } = new();

    public FranceTravailOptions FranceTravail { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();
}

public sealed class ApiAlternanceOptions
{
    public Uri BaseUri { get; set; } = new("https://api.apprentissage.beta.gouv.fr/api/");

    /// <summary>The API key (a secret: user-secrets or <c>Offers__ApiAlternance__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Keep a local mirror of the daily export and answer from it (the live search only while none is loaded).</summary>
    public bool Mirror { get; set; } = true;

    /// <summary>How often the export is asked whether it changed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MirrorRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most calls to the API a minute, all kinds together (the API allows 60 per key).</summary>
    [Range(1, 600)]
    public int RequestsPerMinute { get; set; } = 50;

    /// <summary>Where the export's link is asked, relative to <see cref="BaseUri"/>.</summary>
    [Required]
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
    [Range(0, 2_000_000)]
    public int Offers { get; set; } = 41_000;

    [Range(0, 2_000_000)]
    public int Companies { get; set; } = 60_000;

    public int Seed { get; set; } = 2026;
}
