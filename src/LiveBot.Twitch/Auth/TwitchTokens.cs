using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Auth;

/// <summary>
/// The bot's access token: validated at start and every hour (as Twitch requires), refreshed with the
/// refresh token when Twitch refuses it. Tokens are never logged.
/// </summary>
public sealed partial class TwitchTokens(TwitchAuthClient auth, IOptions<TwitchOptions> options, TimeProvider time, ILogger<TwitchTokens> logger)
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromHours(1);

    private readonly TwitchOptions _options = options.Value;
    private readonly string _login = options.Value.Login.Trim().ToLowerInvariant();
    private string _token = TwitchOptions.BareToken(options.Value.OAuthToken);
    private string? _refreshToken = options.Value.RefreshToken;

    /// <summary>The access token to log in with (without "oauth:").</summary>
    public string AccessToken => Volatile.Read(ref _token);

    /// <summary>Raised when a refresh brought a new access token.</summary>
    public event Action? Refreshed;

    /// <summary>Asks Twitch whether the token is still good (an unknown answer is not a refusal).</summary>
    public async Task<TokenStatus> ValidateAsync(CancellationToken cancellationToken)
    {
        var result = await auth.ValidateAsync(_options.AuthBaseUri, AccessToken, cancellationToken);
        Log.Validated(logger, result.Status, result.ExpiresIn);
        if (result.Login is { } login && !login.Equals(_login, StringComparison.OrdinalIgnoreCase))
        {
            Log.LoginMismatch(logger, login, _login);
        }

        return result.Status;
    }

    /// <summary>Trades the refresh token for a new access token; false without refresh credentials or when refused.</summary>
    public async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.ClientId) || string.IsNullOrWhiteSpace(_options.ClientSecret) || string.IsNullOrWhiteSpace(_refreshToken))
        {
            return false;
        }

        var refreshed = await auth.RefreshAsync(_options.AuthBaseUri, _options.ClientId, _options.ClientSecret, _refreshToken, cancellationToken);
        if (refreshed is null)
        {
            Log.RefreshFailed(logger);
            return false;
        }

        Volatile.Write(ref _token, TwitchOptions.BareToken(refreshed.AccessToken));
        _refreshToken = refreshed.RefreshToken;
        Log.RefreshedToken(logger);
        Refreshed?.Invoke();
        return true;
    }

    /// <summary>True when the token is good, or was refused and then refreshed.</summary>
    public async Task<bool> EnsureValidAsync(CancellationToken cancellationToken) =>
        await ValidateAsync(cancellationToken) != TokenStatus.Invalid || await TryRefreshAsync(cancellationToken);

    /// <summary>Validates every hour until <paramref name="cancellationToken"/> ends; <paramref name="onRefused"/> when it fails for good.</summary>
    public async Task ValidateHourlyAsync(Action onRefused, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ValidationInterval, time, cancellationToken);
                try
                {
                    if (!await EnsureValidAsync(cancellationToken))
                    {
                        onRefused();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ValidationFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch token validation: {Status}, expires in {ExpiresIn} s")]
        public static partial void Validated(ILogger logger, TokenStatus status, long? expiresIn);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: the token belongs to {TokenLogin}, not to Twitch:Login {Login}")]
        public static partial void LoginMismatch(ILogger logger, string tokenLogin, string login);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: hourly token validation failed")]
        public static partial void ValidationFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: access token refreshed")]
        public static partial void RefreshedToken(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: token refresh failed")]
        public static partial void RefreshFailed(ILogger logger);
    }
}
