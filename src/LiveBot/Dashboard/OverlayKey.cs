using System.Security.Cryptography;
using System.Text;
using LiveBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace LiveBot.Dashboard;

/// <summary>
/// The overlay's key: <c>Dashboard:OverlayKey</c>, or one generated at first start and kept in
/// <c>data/overlay-key</c>. It only opens the overlay's stream (the on-air question), never the presenters' API,
/// so the address pasted into OBS can be shown on screen without giving the page away.
/// </summary>
public sealed class OverlayKey
{
    public const string FileName = "overlay-key";

    private readonly Lazy<string> _value;
    private readonly Lazy<byte[]> _hash;

    public OverlayKey(IOptions<DashboardOptions> options, LiteDbStore store, ILogger<OverlayKey> logger)
    {
        var configured = options.Value.OverlayKey?.Trim();
        _value = new Lazy<string>(() => string.IsNullOrEmpty(configured) ? DashboardToken.LoadOrCreate(store.DataFolder, logger, FileName) : configured);
        _hash = new Lazy<byte[]>(() => SHA256.HashData(Encoding.UTF8.GetBytes(_value.Value)));
    }

    public string Value => _value.Value;

    /// <summary>True when <paramref name="candidate"/> is the key (constant time in the candidate's content).</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _hash.Value);
}
