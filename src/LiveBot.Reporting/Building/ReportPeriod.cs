using System.Globalization;

namespace LiveBot.Reporting.Building;

/// <summary>The <c>from</c>/<c>to</c> of a report, typed in Paris time.</summary>
public static class ReportPeriod
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
        "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy",
    ];

    /// <summary>Europe/Paris when the machine knows it, else UTC.</summary>
    public static TimeZoneInfo Paris { get; } = FindParis();

    /// <summary>
    /// Reads a Paris date and time ("2026-03-14T18:00", "2026-03-14 18:00", "14/03/2026 18:00" or a bare
    /// date); empty gives null. False with a French reason otherwise.
    /// </summary>
    public static bool TryParse(string? text, bool endOfDay, out DateTimeOffset? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 40 || !DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var shown = trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
            error = $"Date « {shown} » illisible : attendu 2026-03-14T18:00 ou 14/03/2026 18:00 (heure de Paris).";
            return false;
        }

        if (endOfDay && local.TimeOfDay == TimeSpan.Zero && !trimmed.Contains(':', StringComparison.Ordinal))
        {
            local = local.AddDays(1).AddMinutes(-1);
        }

        var offset = Paris.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
        return true;
    }

    public static DateTimeOffset ToParis(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Paris);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
