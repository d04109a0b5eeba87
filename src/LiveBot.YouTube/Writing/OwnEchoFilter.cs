using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube.Writing;

/// <summary>
/// Recognises the bot's own messages when the chat brings them back: by id once the insert answered, by
/// text while it is in flight (a stream may bring it back first), and by author and recent text.
/// </summary>
public sealed class OwnEchoFilter
{
    private readonly Lock _gate = new();
    private readonly Core.Chat.RecentIds _sentIds = new(2_000);
    private readonly HashSet<string> _recentTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sending = new(StringComparer.Ordinal);
    private string? _ownChannelId;

    public bool IsOwn(LiveChatMessage item)
    {
        if (_sentIds.Contains(item.Id!))
        {
            return true;
        }

        var author = item.AuthorDetails?.ChannelId ?? item.Snippet?.AuthorChannelId;
        var text = item.Snippet?.TextMessageDetails?.MessageText ?? item.Snippet?.DisplayMessage;
        if (text is null)
        {
            return false;
        }

        lock (_gate)
        {
            if (_sending.ContainsKey(text) && (_ownChannelId is null || author == _ownChannelId))
            {
                return true;
            }

            return author is not null && author == _ownChannelId && _recentTexts.Contains(text);
        }
    }

    /// <summary>A text about to be inserted.</summary>
    public void BeginSend(string text)
    {
        lock (_gate)
        {
            _sending[text] = _sending.GetValueOrDefault(text) + 1;
        }
    }

    /// <summary>The insert of <paramref name="text"/> ended, one way or the other.</summary>
    public void EndSend(string text)
    {
        lock (_gate)
        {
            if (_sending.TryGetValue(text, out var count) && --count <= 0)
            {
                _sending.Remove(text);
            }
            else if (count > 0)
            {
                _sending[text] = count;
            }
        }
    }

    /// <summary>What YouTube answered to an insert: its id and the bot's channel.</summary>
    public void Remember(LiveChatMessage sent, string text)
    {
        if (sent.Id is { Length: > 0 } id)
        {
            _sentIds.Add(id);
        }

        var author = sent.AuthorDetails?.ChannelId ?? sent.Snippet?.AuthorChannelId;
        lock (_gate)
        {
            if (author is not null)
            {
                _ownChannelId = author;
            }

            if (_recentTexts.Count > 200)
            {
                _recentTexts.Clear();
            }

            _recentTexts.Add(text);
        }
    }
}
