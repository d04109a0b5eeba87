namespace LiveBot.Check;

/// <summary>How a point of the pre-live check went.</summary>
public enum CheckStatus
{
    /// <summary>✓ ready.</summary>
    Ok,

    /// <summary>⚠ works, but worth knowing before going on air.</summary>
    Warning,

    /// <summary>✗ must be fixed before the live.</summary>
    Failed,
}

/// <summary>One line of the checklist: the point, how it went, what was found and, when it failed, what to do.</summary>
public sealed record CheckLine(string Point, CheckStatus Status, string Found, string? Fix = null)
{
    public static CheckLine Ok(string point, string found) => new(point, CheckStatus.Ok, found);

    public static CheckLine Warning(string point, string found, string? fix = null) => new(point, CheckStatus.Warning, found, fix);

    public static CheckLine Failed(string point, string found, string fix) => new(point, CheckStatus.Failed, found, fix);

    /// <summary>✓, ⚠ or ✗.</summary>
    public string Symbol => Status switch
    {
        CheckStatus.Ok => "✓",
        CheckStatus.Warning => "⚠",
        _ => "✗",
    };
}

/// <summary>A whole run: the lines in the order of the points, and when it ran.</summary>
public sealed record CheckReport(DateTimeOffset RanAt, TimeSpan Duration, IReadOnlyList<CheckLine> Lines)
{
    /// <summary>No ✗ line: ready to go on air (⚠ lines are allowed).</summary>
    public bool Passed => Lines.All(l => l.Status != CheckStatus.Failed);

    /// <summary>0 when every line is ✓ or ⚠, else 1.</summary>
    public int ExitCode => Passed ? 0 : 1;

    public int Count(CheckStatus status) => Lines.Count(l => l.Status == status);
}
