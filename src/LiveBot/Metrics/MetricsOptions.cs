namespace LiveBot.Metrics;

/// <summary>The <c>Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// True: <c>/metrics</c> answers without the presenters' token, for a scraper on a private network (the
    /// figures hold no viewer data, but say how busy the live is). False (default): the token is required.
    /// </summary>
    public bool Public { get; set; }
}
