using System.Text.Json;
using LiveBot.Core.Text;

namespace LiveBot.Offers.Index;

/// <summary>
/// An offer's <c>target_diploma</c> as a European level: 3 (CAP, BEP), 4 (Bac, BP), 5 (Bac+2: BTS, BUT...),
/// 6 (Bac+3/4: licence), 7 (Bac+5: master, engineer); 0 when unknown. From <c>european</c>, else from the label.
/// </summary>
public static class DiplomaLevels
{
    public const int Min = 3;

    public const int Max = 7;

    public static int Parse(JsonElement? targetDiploma)
    {
        var european = ExportReader.Str(targetDiploma, "european");
        if (european is { Length: 1 } && european[0] is >= '3' and <= '8')
        {
            return Math.Min(Max, european[0] - '0');
        }

        return FromLabel(ExportReader.Str(targetDiploma, "label"));
    }

    /// <summary>"CAP, BEP (Infrabac)" -> 3, "BTS, DEUST, autres formations niveau (Bac+2)" -> 5...; 0 when the label says nothing known.</summary>
    public static int FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return 0;
        }

        var text = TextFolding.Fold(label).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (text.Contains("bac+5", StringComparison.Ordinal) || text.Contains("master", StringComparison.Ordinal) || text.Contains("ingenieur", StringComparison.Ordinal))
        {
            return 7;
        }

        if (text.Contains("bac+3", StringComparison.Ordinal) || text.Contains("bac+4", StringComparison.Ordinal) || text.Contains("licence", StringComparison.Ordinal))
        {
            return 6;
        }

        if (text.Contains("bac+2", StringComparison.Ordinal) || text.Contains("bts", StringComparison.Ordinal) || text.Contains("dut", StringComparison.Ordinal))
        {
            return 5;
        }

        if (text.Contains("infrabac", StringComparison.Ordinal) || text.Contains("cap", StringComparison.Ordinal) || text.Contains("bep", StringComparison.Ordinal))
        {
            return 3;
        }

        return text.Contains("bac", StringComparison.Ordinal) ? 4 : 0;
    }
}
