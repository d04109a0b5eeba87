namespace LiveBot.Core.Chat;

/// <summary>
/// A chat the bot sits in. Incoming lines go to <see cref="ChatInbox"/>; replies come back through
/// <see cref="EnqueueAsync"/>, into the platform's own rate-limited outbox.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform's name ("twitch", "youtube", "local"), declared once by the platform.</summary>
    string Name { get; }

    /// <summary>Longest single message the platform accepts (500 on Twitch, 200 on YouTube).</summary>
    int MaxMessageLength { get; }

    /// <summary>Most messages one reply may take on this platform; the pipeline cuts longer replies.</summary>
    int MaxParts { get; }

    /// <summary>The sending limit, for information (help texts, health page).</summary>
    SendLimit SendLimit { get; }

    /// <summary>Channels currently joined, where timers may post.</summary>
    IReadOnlyCollection<string> ConnectedChannels { get; }

    /// <summary>State for <c>/healthz</c>.</summary>
    PlatformHealth GetHealth();

    /// <summary>Queues a message for sending. Returns false when the outbox refused it (full, channel blocked).</summary>
    ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>At most <paramref name="Messages"/> messages per <paramref name="Per"/>.</summary>
public readonly record struct SendLimit(int Messages, TimeSpan Per);
