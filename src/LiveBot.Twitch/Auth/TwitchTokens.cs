using LiveBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Twitch.Auth;

/// <summary>
/// The bot's access token: validated at start and every hour (as Twitch requires), refreshed with the
/// refresh token when Twitch refuses it. A refreshed token is kept in the data folder (<see cref="TwitchTokenFile"/>)
/// and used at the next start instead of the expired configured one. Tokens are never logged.
/// </summary>
public sealed partial class TwitchTokens
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromHours(1);

    private readonly TwitchAuthClient _auth;
    private readonly TwitchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TwitchTokens> _logger;
    private readonly string _login;
    private readonly string _configuredToken;
    private readonly TwitchTokenFile _file;
    private string _token;
    private string? _refreshToken;

    public TwitchTokens(TwitchAuthClient auth, IOptions<TwitchOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<TwitchTokens> logger)
    {
        _auth = auth;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _login = _options.Login.Trim().ToLowerInvariant();
        _configuredToken = TwitchOptions.BareToken(_options.OAuthToken);
        _file = new TwitchTokenFile(System.IO.Path.Combine(storage.Value.DataFolder, TwitchTokenFile.FileName));
        _token = _configuredToken;
        _refreshToken = _options.RefreshToken;
        if (_file.Load(_login, _configuredToken) is { } saved)
        {
            _token = TwitchOptions.BareToken(saved.AccessToken);
            _refreshToken = string.IsNullOrWhiteSpace(saved.RefreshToken) ? _refreshToken : saved.RefreshToken;
            Log.LoadedSaved(logger, saved.SavedAt);
        }
    }

    /// <summary>True when the token in use came from the data folder (a refresh of an earlier run).</summary>
    public bool UsesSavedToken => !string.Equals(AccessToken, _configuredToken, StringComparison.Ordinal);

    /// <summary>The access token to log in with (without "oauth:").</summary>
    public string AccessToken => Volatile.Read(ref _token);

    /// <summary>Raised when a refresh brought a new access token.</summary>
    public event Action? Refreshed;

    /// <summary>Asks Twitch whether the token is still good (an unknown answer is not a refusal).</summary>
    public async Task<TokenStatus> ValidateAsync(CancellationToken cancellationToken)
    {
        var result = await _auth.ValidateAsync(_options.AuthBaseUri, AccessToken, cancellationToken);
        Log.Validated(_logger, result.Status, result.ExpiresIn);
        if (result.Login is { } login && !login.Equals(_login, StringComparison.OrdinalIgnoreCase))
        {
            Log.LoginMismatch(_logger, login, _login);
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

        var refreshed = await _auth.RefreshAsync(_options.AuthBaseUri, _options.ClientId, _options.ClientSecret, _refreshToken, cancellationToken);
        if (refreshed is null)
        {
            Log.RefreshFailed(_logger);
            return false;
        }

        Volatile.Write(ref _token, TwitchOptions.BareToken(refreshed.AccessToken));
        _refreshToken = refreshed.RefreshToken;
        Log.RefreshedToken(_logger);
        if (!_file.Save(_login, _configuredToken, AccessToken, _refreshToken, _time.GetUtcNow()))
        {
            Log.NotSaved(_logger, _file.Path);
        }

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
                await Task.Delay(ValidationInterval, _time, cancellationToken);
                try
                {
                    if (!await EnsureValidAsync(cancellationToken))
                    {
                        onRefused();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ValidationFailed(_logger, ex);
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

        [LoggerMessage(Level = LogLevel.Information, Message = "Twitch: using the token refreshed on {SavedAt} (data folder) instead of the configured one")]
        public static partial void LoadedSaved(ILogger logger, DateTimeOffset savedAt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: the refreshed token could not be kept in {Path}; a restart will refresh again")]
        public static partial void NotSaved(ILogger logger, string path);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Twitch: token refresh failed")]
        public static partial void RefreshFailed(ILogger logger);
    }
}
