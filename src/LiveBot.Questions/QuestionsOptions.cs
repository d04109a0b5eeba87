using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Questions;

/// <summary>The <c>Questions</c> section (environment: <c>Questions__RequireApproval=true</c>...).</summary>
public sealed class QuestionsOptions : IValidatableObject
{
    public const string Section = "Questions";

    /// <summary>Hold every new question for a moderator (status Pending, Held) instead of approving it at once.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Questions (and who voted for them) older than this many days are deleted.</summary>
    [InRange(1, 3650, ErrorMessage = "Questions:RetentionDays doit être entre {1} et {2} jours.")]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention purge runs.</summary>
    [InRange(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Questions:PurgeInterval doit être entre {1} et {2}.")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    [InRange(1, 500, ErrorMessage = "Questions:MinLength doit être entre {1} et {2} caractères.")]
    public int MinLength { get; set; } = 10;

    [InRange(1, 500, ErrorMessage = "Questions:MaxLength doit être entre {1} et {2} caractères.")]
    public int MaxLength { get; set; } = 300;

    /// <summary>Open (pending, approved, on air) questions one viewer may have at once.</summary>
    [InRange(1, 1000, ErrorMessage = "Questions:MaxOpenPerViewer doit être entre {1} et {2}.")]
    public int MaxOpenPerViewer { get; set; } = 3;

    /// <summary>Shortest delay between two questions of one viewer.</summary>
    [InRange(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Questions:MinInterval doit être entre {1} et {2}.")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Word-set similarity (Jaccard, 0-1) from which a new question joins an open one as a vote.</summary>
    [InRange(0.3, 1.0, ErrorMessage = "Questions:SimilarityThreshold doit être entre {1} et {2}.")]
    public double SimilarityThreshold { get; set; } = 0.7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinLength > MaxLength)
        {
            yield return new ValidationResult("Questions:MinLength doit être inférieur ou égal à Questions:MaxLength");
        }
    }
}

/// <summary>Checks <see cref="QuestionsOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class QuestionsOptionsValidator : IValidateOptions<QuestionsOptions>;
