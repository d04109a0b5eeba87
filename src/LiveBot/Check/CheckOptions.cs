using System.ComponentModel.DataAnnotations;

namespace LiveBot.Check;

/// <summary>The <c>Check</c> section: the pre-live check (<c>check</c> command and the page's panel).</summary>
public sealed class CheckOptions
{
    public const string Section = "Check";

    /// <summary>Longest wait for one point (a hung service then gives ✗, never a hang).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
