using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using LiveBot.Core.Metrics;
using LiveBot.YouTube.Api;

namespace LiveBot.YouTube.Auth;

/// <summary>OAuth for the Data API through Google.Apis.Auth.</summary>
public static class YouTubeCredentials
{
    public const string UserId = "livebot";

    /// <summary>
    /// The installed-app flow, its token endpoint being <see cref="YouTubeOptions.TokenUri"/>; its calls are
    /// counted as <c>youtubeauth</c> when <paramref name="metrics"/> is given.
    /// </summary>
    public static GoogleAuthorizationCodeFlow CreateFlow(YouTubeOptions options, TimeProvider time, UpstreamMetrics? metrics = null) =>
        new(new TokenUriInitializer(options.TokenUri)
        {
            HttpClientFactory = metrics is null ? new HttpClientFactory() : new MeteredHttpClientFactory(metrics, MeteredHttpClientFactory.TokenEndpoint, time),
            ClientSecrets = new ClientSecrets { ClientId = options.ClientId, ClientSecret = options.ClientSecret },
            Scopes = [YouTubeService.YoutubeForceSslScope],
            Clock = new TimeProviderClock(time),
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        });

    /// <summary>
    /// A <see cref="UserCredential"/> holding only the refresh token: it fetches an access token before the
    /// first call, again when it expires, and on a 401 answer (then the call is retried once).
    /// </summary>
    public static UserCredential FromRefreshToken(YouTubeOptions options, TimeProvider time, UpstreamMetrics? metrics = null) =>
        new(CreateFlow(options, time, metrics), UserId, new TokenResponse { RefreshToken = options.RefreshToken });

    /// <summary>Google's initializer with another token endpoint (a local fake in tests).</summary>
    private sealed class TokenUriInitializer(string tokenUri)
        : GoogleAuthorizationCodeFlow.Initializer(GoogleAuthConsts.OidcAuthorizationUrl, tokenUri, GoogleAuthConsts.RevokeTokenUrl);
}
