namespace LiveBot.Polls;

/// <summary>A poll as kept in LiteDB (collection <c>polls</c>); times are Unix milliseconds.</summary>
public sealed class StoredPoll
{
    public int Id { get; set; }
    public string Question { get; set; } = string.Empty;
    public List<string> Choices { get; set; } = [];
    public PollStatus Status { get; set; }
    public long OpenedAt { get; set; }
    public long? ClosesAt { get; set; }
    public long? ClosedAt { get; set; }

    /// <summary>The key of this poll's one-way voter hashes; dropped when it closes, with the votes.</summary>
    public byte[]? Salt { get; set; }

    /// <summary>Votes by platform then by choice, written when the poll closes (while open they are counted from its votes).</summary>
    public Dictionary<string, int[]> Counts { get; set; } = [];
}

/// <summary>
/// One viewer's vote in the open poll (collection <c>poll_votes</c>): a one-way hash of the platform and user id
/// under the poll's own salt, never a name; all of a poll's votes are deleted when it closes.
/// </summary>
public sealed class StoredPollVote
{
    public int Id { get; set; }
    public int PollId { get; set; }
    public string Voter { get; set; } = string.Empty;
    public string Platform { get; set; } = string.Empty;
    public int Choice { get; set; }
}

/// <summary>The last number given (collection <c>polls_meta</c>), so numbers never restart after a purge.</summary>
public sealed class PollsMeta
{
    public string Id { get; set; } = "numbering";
    public int LastNumber { get; set; }
}
