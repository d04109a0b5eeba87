using System.ComponentModel.DataAnnotations;

namespace LiveBot.Questions;

/// <summary>The <c>Questions</c> section (environment: <c>Questions__RequireApproval=true</c>...).</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";

    /// <summary>Hold every new question for a moderator (status Pending, Held) instead of approving it at once.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Questions (and who voted for them) older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention purge runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 500)]
    public int MinLength { get; set; } = 10;

    [Range(1, 500)]
    public int MaxLength { get; set; } = 300;

    /// <summary>Open (pending, approved, on air) questions one viewer may have at once.</summary>
    [Range(1, 1000)]
    public int MaxOpenPerViewer { get; set; } = 3;

    /// <summary>Shortest delay between two questions of one viewer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Word-set similarity (Jaccard, 0-1) from which a new question joins an open one as a vote.</summary>
    [Range(0.3, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.7;
}
