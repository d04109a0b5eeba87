using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube;

/// <summary>The <c>YouTube</c> section of the configuration.</summary>
public sealed class YouTubeOptions : IValidatableObject
{
    public const string Section = "YouTube";
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";

    /// <summary>Off by default: nothing registered, nothing called.</summary>
    public bool Enabled { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Secret: from <c>youtube-login</c>, user-secrets or <c>YouTube__RefreshToken</c>.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The chat to sit in; when empty, found from <see cref="VideoId"/> or the channel's active broadcast.</summary>
    public string? LiveChatId { get; set; }

    /// <summary>The live video whose chat to sit in (its <c>activeLiveChatId</c>).</summary>
    public string? VideoId { get; set; }

    /// <summary>Root of the Data API (tests point it at a local fake; keep the trailing '/').</summary>
    [Required(ErrorMessage = "YouTube:ApiBaseUri est requis.")]
    public string ApiBaseUri { get; set; } = Api.YouTubeService.DefaultBaseUri;

    /// <summary>OAuth token endpoint (refresh).</summary>
    [Required(ErrorMessage = "YouTube:TokenUri est requis.")]
    public string TokenUri { get; set; } = DefaultTokenUri;

    /// <summary>Units per day of the Google Cloud project (reset at midnight Pacific time).</summary>
    [InRange(100, 100_000_000, ErrorMessage = "YouTube:DailyQuota doit être entre {1} et {2} unités.")]
    public int DailyQuota { get; set; } = 10_000;

    /// <summary>How long a live is expected to last: reads are paced so that they fit this duration.</summary>
    public TimeSpan ExpectedLiveDuration { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Share of the daily quota planned for reading (the rest is for replies). 0.5 answers ~all commands of a
    /// busy 3-hour live within 10,000 units; 0.8 reads faster but answers far fewer (docs/BENCHMARKS.md).
    /// </summary>
    [InRange(0.1, 0.95, ErrorMessage = "YouTube:ReadShare doit être entre {1} et {2}.")]
    public double ReadShare { get; set; } = 0.5;

    /// <summary>
    /// How the chat is read: <see cref="YouTubeTransport.Auto"/> (the default: liveChatMessages.streamList
    /// checked by a polling watchdog), <see cref="YouTubeTransport.Poll"/> (liveChatMessages.list) or
    /// <see cref="YouTubeTransport.Stream"/> (streamList without watchdog). Every stream falls back to polling
    /// for the rest of a live when the stream endpoint is unavailable or keeps dropping.
    /// </summary>
    public YouTubeTransport Transport { get; set; } = YouTubeTransport.Auto;

    /// <summary>
    /// With <see cref="YouTubeTransport.Auto"/>: one liveChatMessages.list this often (5 units each) checks
    /// that the stream delivers the chat; when it does not, the live is read by polling.
    /// </summary>
    public TimeSpan StreamWatchdog { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Units per call.</summary>
    public YouTubeQuotaCosts QuotaCosts { get; set; } = new();

    /// <summary>Pace of the checks while no live is on (raised when the quota is low).</summary>
    public TimeSpan WaitingInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A call that has not answered by then counts as failed (retried with backoff).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A reply that could not be sent within this time is dropped.</summary>
    public TimeSpan ReplyMaxAge { get; set; } = TimeSpan.FromMinutes(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("YouTube:ClientId et YouTube:ClientSecret sont requis (voir README, section YouTube).");
        }

        if (string.IsNullOrWhiteSpace(RefreshToken))
        {
            yield return new ValidationResult("YouTube:RefreshToken est requis : lancez `dotnet run --project src/LiveBot -- youtube-login`.");
        }

        if (!Uri.TryCreate(ApiBaseUri, UriKind.Absolute, out _) || !ApiBaseUri.EndsWith('/'))
        {
            yield return new ValidationResult("YouTube:ApiBaseUri doit être une adresse absolue terminée par '/'.");
        }

        if (!Uri.TryCreate(TokenUri, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("YouTube:TokenUri doit être une adresse absolue.");
        }

        if (ExpectedLiveDuration < TimeSpan.FromMinutes(10) || WaitingInterval < TimeSpan.FromSeconds(5) || RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("YouTube : ExpectedLiveDuration vaut au moins 00:10:00, WaitingInterval au moins 00:00:05 et RequestTimeout plus de 0.");
        }

        if (StreamWatchdog < TimeSpan.FromSeconds(10) || StreamWatchdog > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("YouTube:StreamWatchdog doit être entre 00:00:10 et 01:00:00.", [nameof(StreamWatchdog)]);
        }

        if (QuotaCosts.List < 1 || QuotaCosts.Insert < 1 || QuotaCosts.Delete < 1 || QuotaCosts.LiveBroadcastsList < 1 || QuotaCosts.VideosList < 1 || QuotaCosts.StreamList < 1)
        {
            yield return new ValidationResult("YouTube:QuotaCosts : chaque coût vaut au moins 1.");
        }
    }
}

/// <summary>Quota units per call (YouTube's published costs by default).</summary>
public sealed class YouTubeQuotaCosts
{
    /// <summary>liveChatMessages.list.</summary>
    public int List { get; set; } = 5;

    /// <summary>liveChatMessages.insert.</summary>
    public int Insert { get; set; } = 20;

    /// <summary>liveChatMessages.delete.</summary>
    public int Delete { get; set; } = 20;

    /// <summary>liveBroadcasts.list.</summary>
    public int LiveBroadcastsList { get; set; } = 1;

    /// <summary>videos.list.</summary>
    public int VideosList { get; set; } = 1;

    /// <summary>liveChatMessages.streamList, per connection.</summary>
    public int StreamList { get; set; } = 5;
}

/// <summary>How the bot reads the chat.</summary>
public enum YouTubeTransport
{
    /// <summary>liveChatMessages.list, paced by the quota planner.</summary>
    Poll,

    /// <summary>liveChatMessages.streamList (one long-lived connection), falling back to <see cref="Poll"/>.</summary>
    Stream,

    /// <summary>
    /// <see cref="Stream"/> checked every <see cref="YouTubeOptions.StreamWatchdog"/> by a liveChatMessages.list
    /// from the watchdog's last page token; falls back to <see cref="Poll"/> for the rest of the live when the
    /// list finds messages the stream did not deliver (or the stream stays silent while the chat talks).
    /// </summary>
    Auto,

    /// <summary>Another name for <see cref="Poll"/> (<c>YouTube:Transport=Polling</c>).</summary>
    Polling = Poll,
}

/// <summary>Checks <see cref="YouTubeOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class YouTubeOptionsValidator : IValidateOptions<YouTubeOptions>;
