namespace LiveBot.Core.Chat;

/// <summary>The platforms registered in the host, by name.</summary>
public sealed class PlatformRegistry(IEnumerable<IChatPlatform> platforms)
{
    private readonly IReadOnlyList<IChatPlatform> _platforms = platforms.ToList();

    public IReadOnlyList<IChatPlatform> All => _platforms;

    public IChatPlatform? Find(string name) => _platforms.FirstOrDefault(p => p.Name == name);
}
