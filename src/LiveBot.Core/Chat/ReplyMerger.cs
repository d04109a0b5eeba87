using LiveBot.Core.Chat.Outbox;

namespace LiveBot.Core.Chat;

/// <summary>
/// Raid behaviour shared by outboxes: replies waiting with the same <see cref="OutgoingMessage.MergeKey"/>
/// in the same channel become one message addressed to every asker ("@alice @bob @carl …").
/// </summary>
public static class ReplyMerger
{
    /// <summary>
    /// Merges <paramref name="pending"/> (oldest first) and keeps the order of first appearance.
    /// The merged message keeps the oldest creation time and the first asker as its reply target.
    /// </summary>
    public static List<OutgoingMessage> Merge(IEnumerable<OutgoingMessage> pending, int maxLength)
    {
        var result = new List<OutgoingMessage>();
        var groups = new Dictionary<(string Channel, string Key), (int Index, List<string> Names)>();
        foreach (var message in pending)
        {
            if (message.MergeKey is null || message.InReplyTo is null)
            {
                result.Add(message);
                continue;
            }

            var key = (message.Channel, message.MergeKey);
            if (groups.TryGetValue(key, out var group))
            {
                var name = message.InReplyTo.DisplayName;
                if (!group.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    group.Names.Add(name);
                }

                continue;
            }

            groups[key] = (result.Count, [message.InReplyTo.DisplayName]);
            result.Add(message);
        }

        foreach (var (index, names) in groups.Values)
        {
            if (names.Count < 2)
            {
                continue;
            }

            var first = result[index];
            result[index] = first with { Text = Address(names, TextFor(names[0], first, maxLength), maxLength), MergeKey = null, Merged = names.Count };
        }

        return result;
    }

    /// <summary>
    /// Merges the replies waiting in an outbox. Merged messages still waiting are opened again, so that late
    /// askers join them instead of making a message of their own; parts of split replies stay first, as they
    /// were. Null when nothing merges.
    /// </summary>
    public static List<PendingReply>? MergeWaiting(IReadOnlyList<PendingReply> pending, int maxLength)
    {
        var continuations = pending.Where(e => e.IsContinuation).ToList();
        var entries = pending.Where(e => !e.IsContinuation).ToList();
        var replies = entries.SelectMany(e => e.Sources ?? [e.Message]).ToList();
        var merged = Merge(replies, maxLength);
        if (merged.Count == entries.Count)
        {
            return null;
        }

        var groups = new Dictionary<ChatMessage, List<OutgoingMessage>>(ReferenceEqualityComparer.Instance);
        foreach (var group in replies.Where(r => r is { MergeKey: not null, InReplyTo: not null }).GroupBy(r => (r.Channel, r.MergeKey)))
        {
            var list = group.ToList();
            groups[list[0].InReplyTo!] = list;
        }

        var result = continuations;
        foreach (var message in merged)
        {
            if (message.Merged > 1 && message.InReplyTo is { } first && groups.TryGetValue(first, out var sources))
            {
                // The merged message stays useful as long as its newest asker's reply would.
                result.Add(new PendingReply(message with { CreatedAt = sources.Max(r => r.CreatedAt) }, message.Text, IsContinuation: false, sources));
            }
            else
            {
                result.Add(new PendingReply(message, message.Text));
            }
        }

        return result;
    }

    /// <summary>
    /// The text of <paramref name="message"/> to address to <paramref name="firstName"/>: its short form when
    /// the full text leaves no room for "@name " within <paramref name="maxLength"/> (a long <c>!aide</c>).
    /// </summary>
    public static string TextFor(string firstName, OutgoingMessage message, int maxLength) =>
        message.ShortText is { Length: > 0 } shortText && firstName.Length + 2 + message.Text.Length > maxLength && shortText.Length < message.Text.Length
            ? shortText
            : message.Text;

    /// <summary>
    /// "@a @b @c text", dropping later names (with "+N", the others left out) when the whole would be too
    /// long. The first asker is always named: a reply never starts with a bare "+N"; the text is cut instead.
    /// </summary>
    public static string Address(IReadOnlyList<string> names, string text, int maxLength)
    {
        if (names.Count == 0)
        {
            return ReplyText.Truncate(text, maxLength);
        }

        var budget = maxLength - text.Length - 1;
        var mentions = new List<string> { "@" + names[0] };
        var used = names[0].Length + 2;
        for (var i = 1; i < names.Count; i++)
        {
            var mention = "@" + names[i];
            var remaining = names.Count - i - 1;
            var suffix = remaining > 0 ? $" +{remaining}" : string.Empty;
            if (used + mention.Length + 1 + suffix.Length > budget)
            {
                var others = names.Count - i;
                mentions.Add($"+{others}");
                break;
            }

            mentions.Add(mention);
            used += mention.Length + 1;
        }

        var merged = string.Join(' ', mentions) + " " + text;
        return merged.Length <= maxLength ? merged : ReplyText.Truncate(merged, maxLength);
    }
}
