using LiveBot.Core.Resources;

namespace LiveBot.Hosting;

/// <summary>The moderators' files shipped inside the program, used when config/ lacks them.</summary>
public static class EmbeddedDefaults
{
    public static byte[]? CommandsJson() => Read("LiveBot.Defaults.commands.json");

    public static byte[]? Read(string resourceName) => EmbeddedResource.Read(typeof(EmbeddedDefaults).Assembly, resourceName);
}
