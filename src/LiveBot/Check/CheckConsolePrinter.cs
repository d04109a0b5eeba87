namespace LiveBot.Check;

/// <summary>The checklist as the <c>check</c> command prints it, in French, one line per point.</summary>
public static class CheckConsolePrinter
{
    public const string Title = "Vérification avant le direct";

    public static async Task PrintAsync(CheckReport report, TextWriter output)
    {
        await output.WriteLineAsync(Title);
        foreach (var line in report.Lines)
        {
            await output.WriteLineAsync(Format(line));
            if (line.Fix is { } fix)
            {
                await output.WriteLineAsync("    → " + fix);
            }
        }

        await output.WriteLineAsync(Summary(report));
    }

    /// <summary><c>✓ Twitch, jeton : valide pour livebot, expire dans 3 h 53</c>.</summary>
    public static string Format(CheckLine line) => $"{line.Symbol} {line.Point} : {line.Found}";

    public static string Summary(CheckReport report)
    {
        var failed = report.Count(CheckStatus.Failed);
        var warnings = report.Count(CheckStatus.Warning);
        var notes = warnings == 0 ? string.Empty : $", {warnings} avertissement{Plural(warnings)} (⚠)";
        return failed == 0
            ? $"Prêt pour le direct : {report.Count(CheckStatus.Ok)} point{Plural(report.Count(CheckStatus.Ok))} ✓{notes}."
            : $"Pas prêt : {failed} point{Plural(failed)} à corriger (✗){notes}.";
    }

    private static string Plural(int count) => count > 1 ? "s" : string.Empty;
}
