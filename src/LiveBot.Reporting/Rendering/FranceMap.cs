using System.Globalization;
using System.Text;
using LiveBot.Reporting.Building;

namespace LiveBot.Reporting.Rendering;

/// <summary>
/// A map of France by département as inline SVG: each département shaded in five classes of a one-hue
/// scale, overseas départements in framed insets, a legend with the class bounds, and a title.
/// </summary>
public static class FranceMap
{
    public static string Render(string id, string title, string unit, IReadOnlyDictionary<string, int> values, string[] scale)
    {
        var map = FranceMapData.Shared;
        var max = values.Count == 0 ? 0 : values.Values.Max();
        var bounds = Bounds(max, scale.Length);
        const int legendHeight = 56;
        var svg = new StringBuilder(96_000);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {map.Width} {map.Height + legendHeight}\" class=\"map\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Html.Encode(title)}</title>");
        foreach (var inset in map.Insets)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{inset.X}\" y=\"{inset.Y}\" width=\"{inset.Width}\" height=\"{inset.Height}\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{inset.X + 3}\" y=\"{inset.Y + inset.Height - 4}\" font-size=\"12\" fill=\"#444\">{Html.Encode(map.Name(inset.Code))}</text>");
        }

        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.6\" stroke-linejoin=\"round\">");
        foreach (var dep in map.Departements)
        {
            var value = values.GetValueOrDefault(dep.Code);
            var fill = value == 0 ? Palette.NoData : scale[scale.Length - bounds.Length + Class(value, bounds)];
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{dep.Path}\" fill=\"{fill}\"><title>{Html.Encode(dep.Name)} ({dep.Code}) : {value} {Html.Encode(unit)}</title></path>");
        }

        svg.Append("</g>");
        var y = map.Height + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{map.Width / 2}\" y=\"{y + 14}\" font-size=\"14\" text-anchor=\"middle\">{Html.Encode(unit)} par département</text>");
        var items = new List<(string Fill, string Label)> { (Palette.NoData, "0") };
        for (var i = 0; i < bounds.Length; i++)
        {
            var low = i == 0 ? 1 : bounds[i - 1] + 1;
            var high = bounds[i];
            items.Add((scale[scale.Length - bounds.Length + i], low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low}–{high}"));
        }

        var x = (map.Width - (items.Count * 110)) / 2;
        foreach (var (legendFill, label) in items)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y + 26}\" width=\"22\" height=\"18\" fill=\"{legendFill}\" stroke=\"#999\" stroke-width=\"0.5\"/><text x=\"{x + 28}\" y=\"{y + 40}\" font-size=\"14\">{label}</text>");
            x += 110;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Upper bounds of the classes: at most <paramref name="classes"/> equal steps from 1 to the maximum, never empty.</summary>
    internal static int[] Bounds(int max, int classes)
    {
        var count = Math.Min(classes, max);
        var bounds = new int[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = (int)Math.Ceiling(max * (i + 1) / (double)count);
        }

        return bounds;
    }

    private static int Class(int value, int[] bounds)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
            {
                return i;
            }
        }

        return Math.Max(0, bounds.Length - 1);
    }

    /// <summary>Requests per département and unmet requests per département, from a report.</summary>
    public static (Dictionary<string, int> Requests, Dictionary<string, int> Unmet) Values(LiveReport report) =>
        (report.Departements.ToDictionary(d => d.Code, d => d.Requests, StringComparer.Ordinal),
         report.Departements.Where(d => d.Unmet > 0).ToDictionary(d => d.Code, d => d.Unmet, StringComparer.Ordinal));
}
