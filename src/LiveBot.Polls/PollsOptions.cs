using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Polls;

/// <summary>
/// The <c>Polls</c> section. Retention follows the questions' (<c>Questions:RetentionDays</c>,
/// <c>Questions:PurgeInterval</c>): everything viewers leave behind goes after the same delay.
/// </summary>
public sealed class PollsOptions
{
    public const string Section = "Polls";

    /// <summary>How long the overlay keeps the result of a closed poll.</summary>
    [InRange(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Polls:ResultShownFor doit être entre {1} et {2}.")]
    public TimeSpan ResultShownFor { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Polls older than this many days are deleted (from <c>Questions:RetentionDays</c>).</summary>
    [InRange(1, 3650, ErrorMessage = "Questions:RetentionDays doit être entre {1} et {2} jours.")]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention purge runs (from <c>Questions:PurgeInterval</c>).</summary>
    [InRange(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Questions:PurgeInterval doit être entre {1} et {2}.")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Checks <see cref="PollsOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class PollsOptionsValidator : IValidateOptions<PollsOptions>;
