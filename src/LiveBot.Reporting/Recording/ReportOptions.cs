using System.ComponentModel.DataAnnotations;

namespace LiveBot.Reporting.Recording;

/// <summary>The <c>Report</c> section. Retention is the questions' one (<c>Questions:RetentionDays</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Report";

    /// <summary>How often counts are written to LiteDB (and the presenter page's statistics refreshed).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);
}
