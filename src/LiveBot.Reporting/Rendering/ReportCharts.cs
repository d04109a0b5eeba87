using System.Globalization;
using System.Text.RegularExpressions;
using LiveBot.Reporting.Building;
using ScottPlot;

namespace LiveBot.Reporting.Rendering;

/// <summary>
/// The report's charts, drawn by ScottPlot as SVG (no browser script), made safe to inline several times
/// in one page: no XML prolog, ids prefixed per chart, a viewBox so they scale, a title for screen readers.
/// </summary>
public static partial class ReportCharts
{
    public const int Width = 960;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Chat lines (solid) and commands (dashed) per minute, one line per platform, questions put on air marked.</summary>
    public static string Timeline(LiveReport report, string id)
    {
        var plot = NewPlot("Activité du chat par minute", "heure (Paris)", "lignes par minute");
        var start = report.Timeline.Count > 0 ? report.Timeline.Min(p => p.Minute) : report.From ?? DateTimeOffset.UnixEpoch;
        var end = report.Timeline.Count > 0 ? report.Timeline.Max(p => p.Minute) : report.To ?? start;
        var span = Math.Max(1, (int)(end - start).TotalMinutes);
        foreach (var platform in report.Timeline.Select(p => p.Platform).Distinct().OrderBy(ReportBuilder.PlatformOrder))
        {
            var lines = new double[span + 1];
            var commands = new double[span + 1];
            foreach (var point in report.Timeline.Where(p => p.Platform == platform))
            {
                var x = (int)(point.Minute - start).TotalMinutes;
                lines[x] = point.ChatLines;
                commands[x] = point.Commands;
            }

            var xs = Enumerable.Range(0, span + 1).Select(i => (double)i).ToArray();
            var color = Color.FromHex(Palette.Platform(platform));
            var chat = plot.Add.ScatterLine(xs, lines, color);
            chat.LineWidth = 2;
            chat.LegendText = Safe(Palette.PlatformLabel(platform)) + " : lignes";
            var cmd = plot.Add.ScatterLine(xs, commands, color);
            cmd.LineWidth = 1.5f;
            cmd.LinePattern = LinePattern.Dashed;
            cmd.LegendText = Safe(Palette.PlatformLabel(platform)) + " : commandes";
        }

        // Questions put on air: a dotted line each, its number just above the highest point.
        var top = Math.Max(1, report.Timeline.Count == 0 ? 1 : report.Timeline.Max(p => p.ChatLines));
        foreach (var mark in report.OnAir)
        {
            var x = (mark.Time - start).TotalMinutes;
            plot.Add.VerticalLine(x, 1, Color.FromHex(Palette.Marker), LinePattern.Dotted);
            var label = plot.Add.Text("#" + mark.QuestionId.ToString(CultureInfo.InvariantCulture), x, top * 1.08);
            label.LabelFontSize = 11;
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontColor = Color.FromHex(Palette.Marker);
        }

        var step = span <= 30 ? 5 : span <= 90 ? 15 : span <= 240 ? 30 : 60;
        var ticks = Enumerable.Range(0, (span / step) + 1).Select(i => (double)(i * step)).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => ReportPeriod.ToParis(start.AddMinutes(t)).ToString("HH:mm", French)).ToArray());
        plot.Axes.SetLimits(0, span, 0, top * 1.18);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (report.Timeline.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
        }

        return Svg(plot, id, "Activité du chat par minute", Width, 380);
    }

    /// <summary>Horizontal bars, largest on top; <paramref name="labels"/> are catalogue or configuration words.</summary>
    public static string Bars(string title, string axis, IReadOnlyList<(string Label, double Value)> items, string id, string color = Palette.Bar)
    {
        var plot = NewPlot(title, axis, null);
        var bars = new List<Bar>();
        for (var i = 0; i < items.Count; i++)
        {
            bars.Add(new Bar { Position = items.Count - i, Value = items[i].Value, FillColor = Color.FromHex(color), LineWidth = 0 });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, items.Count).Select(i => (double)(items.Count - i)).ToArray(),
            items.Select(i => Shorten(Safe(i.Label), 34)).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var height = 90 + (Math.Max(1, items.Count) * 26);
        return Svg(plot, id, title, Width, height);
    }

    private static Plot NewPlot(string title, string xLabel, string? yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        if (yLabel is not null)
        {
            plot.YLabel(yLabel, 14);
        }

        return plot;
    }

    /// <summary>ScottPlot's SVG made inline-safe; the chart is an image whose name is its title.</summary>
    private static string Svg(Plot plot, string id, string title, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        svg = Prolog().Replace(svg, string.Empty);
        svg = svg.Replace("id=\"", "id=\"" + id + "-", StringComparison.Ordinal).Replace("url(#", "url(#" + id + "-", StringComparison.Ordinal);
        var open = $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" class=\"chart\"";
        svg = SvgOpen().Replace(svg, open, 1);
        var close = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal));
        return svg.Insert(close + 1, $"<title id=\"{id}-title\">{Html.Encode(title)}</title>");
    }

    /// <summary>Labels drawn into the SVG: markup characters removed (the tables carry the exact words).</summary>
    internal static string Safe(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 200)];
        var n = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 200)))
        {
            buffer[n++] = c is '<' or '>' or '&' or '"' or '\'' || char.IsControl(c) ? ' ' : c;
        }

        return new string(buffer[..n]);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex Prolog();

    [GeneratedRegex(@"<svg[^>]*?(?=\s*>)")]
    private static partial Regex SvgOpen();
}
