using System.ComponentModel.DataAnnotations;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Options;

namespace LiveBot.Check;

/// <summary>The <c>Check</c> section: the pre-live check (<c>check</c> command and the page's panel).</summary>
public sealed class CheckOptions
{
    public const string Section = "Check";

    /// <summary>Longest wait for one point (a hung service then gives ✗, never a hang).</summary>
    [InRange(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Check:ProbeTimeout doit être entre {1} et {2}.")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>Checks <see cref="CheckOptions"/> at start (generated from its rules).</summary>
[OptionsValidator]
public sealed partial class CheckOptionsValidator : IValidateOptions<CheckOptions>;
