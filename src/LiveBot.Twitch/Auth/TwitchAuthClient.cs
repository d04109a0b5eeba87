using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveBot.Twitch.Auth;

/// <summary>Twitch's OAuth endpoints: <c>GET oauth2/validate</c> and <c>POST oauth2/token</c> (refresh).</summary>
public sealed class TwitchAuthClient(HttpClient http)
{
    /// <summary>Asks Twitch whether <paramref name="token"/> is still good.</summary>
    public async Task<TokenValidation> ValidateAsync(Uri authBaseUri, string token, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(authBaseUri, "oauth2/validate"));
            request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return TokenValidation.Invalid;
            }

            if (!response.IsSuccessStatusCode)
            {
                return TokenValidation.Unknown;
            }

            var body = await ReadAsync<ValidateResponse>(response, cancellationToken);
            return body is null
                ? TokenValidation.Unknown
                : new TokenValidation(TokenStatus.Valid, body.Login, body.ExpiresIn)
                {
                    Scopes = body.Scopes?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToArray() ?? [],
                    UserId = body.UserId,
                    ClientId = body.ClientId,
                };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return TokenValidation.Unknown;
        }
    }

    /// <summary>Trades the refresh token for a new access token; null when Twitch said no or could not be reached.</summary>
    public async Task<RefreshedToken?> RefreshAsync(Uri authBaseUri, string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            });
            using var response = await http.PostAsync(new Uri(authBaseUri, "oauth2/token"), content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await ReadAsync<TokenResponse>(response, cancellationToken);
            return string.IsNullOrWhiteSpace(body?.AccessToken)
                ? null
                : new RefreshedToken(body.AccessToken, string.IsNullOrWhiteSpace(body.RefreshToken) ? refreshToken : body.RefreshToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Small JSON documents only: an endless or huge body is not a token.
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return bytes.Length > 64 * 1024 ? default : JsonSerializer.Deserialize<T>(bytes);
    }

    private sealed record ValidateResponse(
        [property: JsonPropertyName("login")] string? Login,
        [property: JsonPropertyName("expires_in")] long? ExpiresIn,
        [property: JsonPropertyName("scopes")] string?[]? Scopes,
        [property: JsonPropertyName("user_id")] string? UserId,
        [property: JsonPropertyName("client_id")] string? ClientId);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken);
}

public enum TokenStatus
{
    /// <summary>Twitch could not be asked (network): nothing is concluded.</summary>
    Unknown,
    Valid,
    Invalid,
}

/// <summary>
/// What oauth2/validate said: status, and for a valid token its login, seconds left (<c>expires_in</c>;
/// 0 for a token that never expires), scopes, user id and client id.
/// </summary>
public sealed record TokenValidation(TokenStatus Status, string? Login = null, long? ExpiresIn = null)
{
    /// <summary>The token's scopes (<c>chat:read</c>, <c>chat:edit</c>...); empty when unknown.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public string? UserId { get; init; }

    public string? ClientId { get; init; }

    /// <summary>True when every one of <paramref name="scopes"/> was granted.</summary>
    public bool HasScopes(params ReadOnlySpan<string> scopes)
    {
        foreach (var scope in scopes)
        {
            if (!Scopes.Contains(scope, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static readonly TokenValidation Unknown = new(TokenStatus.Unknown);
    public static readonly TokenValidation Invalid = new(TokenStatus.Invalid);
}

public sealed record RefreshedToken(string AccessToken, string RefreshToken);
