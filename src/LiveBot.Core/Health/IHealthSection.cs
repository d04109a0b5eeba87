namespace LiveBot.Core.Health;

/// <summary>
/// A capability's own section of <c>/healthz</c> ("questions", "offers"...). Platforms report through
/// <see cref="Chat.IChatPlatform.GetHealth"/> instead.
/// </summary>
public interface IHealthSection
{
    /// <summary>Property name in the /healthz document.</summary>
    string Name { get; }

    /// <summary>True when this part makes the bot "degraded".</summary>
    bool IsDegraded { get; }

    /// <summary>A JSON-serialisable object.</summary>
    object Report();
}
