using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveBot.Core.Storage;

namespace LiveBot.Twitch.Auth;

/// <summary>
/// The last refreshed Twitch token, kept in <c>data/twitch-token.json</c> (owner-only, like the presenters' token)
/// so that a restart does not go back to the expired configured one. It is used only while the configuration
/// still holds the token it replaced (a hash of it is kept, never the token): a new token put in the
/// configuration by hand wins.
/// </summary>
public sealed class TwitchTokenFile(string path)
{
    public const string FileName = "twitch-token.json";

    public string Path => path;

    /// <summary>The saved tokens for <paramref name="login"/> when they replaced <paramref name="configuredToken"/>; null otherwise.</summary>
    public SavedTwitchToken? Load(string login, string configuredToken)
    {
        try
        {
            var text = OwnerOnlyFile.ReadAllText(path);
            var saved = text is null ? null : JsonSerializer.Deserialize<SavedTwitchToken>(text);
            return saved is { AccessToken.Length: > 0 }
                && string.Equals(saved.Login, login, StringComparison.Ordinal)
                && string.Equals(saved.ReplacedTokenHash, Hash(configuredToken), StringComparison.Ordinal)
                ? saved
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the refreshed tokens; false (nothing written) when the folder is not writable.</summary>
    public bool Save(string login, string configuredToken, string accessToken, string? refreshToken, DateTimeOffset at)
    {
        try
        {
            var saved = new SavedTwitchToken(login, accessToken, refreshToken, Hash(configuredToken), at);
            OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(saved) + "\n");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SHA-256 of the configured token (hex): recognises it without keeping it.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>What <see cref="TwitchTokenFile"/> keeps.</summary>
public sealed record SavedTwitchToken(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("refreshToken")] string? RefreshToken,
    [property: JsonPropertyName("replacedTokenHash")] string ReplacedTokenHash,
    [property: JsonPropertyName("savedAt")] DateTimeOffset SavedAt);
