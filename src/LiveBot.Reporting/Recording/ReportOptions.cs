using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Reporting.Recording;

/// <summary>The <c>Report</c> section. Retention is the questions' one (<c>Questions:RetentionDays</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Report";

    /// <summary>How often counts are written to LiteDB (and the presenter page's statistics refreshed).</summary>
    [InRange(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Report:FlushInterval doit être entre {1} et {2}.")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Checks <see cref="ReportOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class ReportOptionsValidator : IValidateOptions<ReportOptions>;
