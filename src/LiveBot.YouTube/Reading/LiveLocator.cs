using LiveBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LiveBot.YouTube.Reading;

/// <summary>
/// Finds the chat to read: the configured <c>LiveChatId</c>, else the chat of <c>VideoId</c>, else the
/// channel's active broadcast; never a chat that already ended.
/// </summary>
public sealed class LiveLocator(YouTubeGateway gateway, IOptions<YouTubeOptions> options)
{
    private readonly RecentIds _ended = new(100);
    private volatile bool _configuredChatInvalid;

    /// <summary>The configured <c>LiveChatId</c>, trimmed, or null.</summary>
    public string? ConfiguredChatId => string.IsNullOrWhiteSpace(options.Value.LiveChatId) ? null : options.Value.LiveChatId.Trim();

    /// <summary>Units one check for a live costs.</summary>
    public int CheckCost => !string.IsNullOrWhiteSpace(options.Value.VideoId) ? options.Value.QuotaCosts.VideosList : options.Value.QuotaCosts.LiveBroadcastsList;

    public async Task<FoundChat?> FindAsync(CancellationToken cancellationToken)
    {
        FoundChat? found;
        if (ConfiguredChatId is { } configured && !_configuredChatInvalid)
        {
            found = new FoundChat(configured, null);
        }
        else if (!string.IsNullOrWhiteSpace(options.Value.VideoId))
        {
            found = await gateway.FindChatOfVideoAsync(options.Value.VideoId.Trim(), cancellationToken);
        }
        else
        {
            found = await gateway.FindActiveBroadcastChatAsync(cancellationToken);
        }

        return found is not null && _ended.Contains(found.LiveChatId) ? null : found;
    }

    /// <summary>This chat is over: never joined again.</summary>
    public void MarkEnded(string chatId) => _ended.Add(chatId);

    /// <summary>The configured chat does not exist: fall back to <c>VideoId</c> or the active broadcast.</summary>
    public void MarkConfiguredInvalid() => _configuredChatInvalid = true;
}
