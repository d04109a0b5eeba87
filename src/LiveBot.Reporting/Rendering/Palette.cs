namespace LiveBot.Reporting.Rendering;

/// <summary>
/// Colours readable with the common colour-vision deficiencies: Okabe-Ito for categories, one-hue
/// sequential scales (blues for requests, oranges for unmet demand) for the maps.
/// </summary>
public static class Palette
{
    public const string Ink = "#1a1a1a";

    public static readonly string[] Requests = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

    public static readonly string[] Unmet = ["#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"];

    public const string NoData = "#f2f2f2";

    /// <summary>Twitch: reddish purple, YouTube: vermillion, test chat: bluish green, others: blue, orange.</summary>
    public static string Platform(string name) => name switch
    {
        "twitch" => "#CC79A7",
        "youtube" => "#D55E00",
        "local" => "#009E73",
        "kick" => "#0072B2",
        _ => "#E69F00",
    };

    public static string PlatformLabel(string name) => name switch
    {
        "twitch" => "Twitch",
        "youtube" => "YouTube",
        "local" => "Chat de test",
        _ => name,
    };

    /// <summary>Bars: blue; the "answered" part of a bar: sky blue.</summary>
    public const string Bar = "#0072B2";

    public const string BarLight = "#56B4E9";

    public const string Marker = "#000000";
}
