namespace LiveBot.Hosting;

/// <summary>The moderators' files shipped inside the program, used when config/ lacks them.</summary>
public static class EmbeddedDefaults
{
    public static byte[]? CommandsJson() => Read("LiveBot.Defaults.commands.json");

    public static byte[]? Read(string resourceName)
    {
        using var stream = typeof(EmbeddedDefaults).Assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
