using System.Security.Cryptography;
using System.Text;
using LiveBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace LiveBot.Dashboard;

/// <summary>
/// The presenters' token: <c>Dashboard:Token</c>, or one generated at first start and kept in
/// <c>data/dashboard-token</c> (as Jupyter does). Compared in constant time.
/// </summary>
public sealed partial class DashboardToken
{
    public const string FileName = "dashboard-token";
    public const string CookieName = "livebot_token";

    private readonly Lazy<string> _value;
    private readonly Lazy<byte[]> _hash;

    public DashboardToken(IOptions<DashboardOptions> options, LiteDbStore store, ILogger<DashboardToken> logger)
    {
        var configured = options.Value.Token?.Trim();
        _value = new Lazy<string>(() => string.IsNullOrEmpty(configured) ? LoadOrCreate(store.DataFolder, logger) : configured);
        _hash = new Lazy<byte[]>(() => Hash(_value.Value));
    }

    /// <summary>The token itself: only for the start-up line, never for a log.</summary>
    public string Value => _value.Value;

    /// <summary>True when <paramref name="candidate"/> is the token (constant time in the candidate's content).</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Hash(candidate), _hash.Value);

    /// <summary>A new random token: 32 bytes, base64url (43 characters, safe in a URL and a cookie).</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads <c>FOLDER/dashboard-token</c> (or <paramref name="fileName"/>), or writes a new one there (owner-only on Unix).</summary>
    public static string LoadOrCreate(string folder, ILogger logger, string fileName = FileName)
    {
        var path = Path.Combine(folder, fileName);
        try
        {
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path).Trim();
                if (existing.Length >= 16 && !existing.Any(char.IsControl))
                {
                    return existing;
                }
            }

            var token = Generate();
            OwnerOnlyFile.WriteAllText(path, token + "\n");
            Log.TokenCreated(logger, path);
            return token;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.TokenNotSaved(logger, path, ex);
            return Generate();
        }
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Secret generated and kept in {Path}")]
        public static partial void TokenCreated(ILogger logger, string path);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the secret in {Path}: it is valid until the bot stops")]
        public static partial void TokenNotSaved(ILogger logger, string path, Exception exception);
    }
}
