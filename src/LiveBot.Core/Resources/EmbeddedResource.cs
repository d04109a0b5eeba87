using System.Reflection;

namespace LiveBot.Core.Resources;

/// <summary>Files built into an assembly (moderators' default files, reference data).</summary>
public static class EmbeddedResource
{
    /// <summary>The bytes of <paramref name="logicalName"/> in <paramref name="assembly"/>, or null when it is not there.</summary>
    public static byte[]? Read(Assembly assembly, string logicalName)
    {
        using var stream = assembly.GetManifestResourceStream(logicalName);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Opens <paramref name="logicalName"/>; a missing resource is a broken build and says so.</summary>
    public static Stream Open(Assembly assembly, string logicalName) =>
        assembly.GetManifestResourceStream(logicalName)
        ?? throw new InvalidOperationException($"Embedded resource {logicalName} is missing from the build");
}
