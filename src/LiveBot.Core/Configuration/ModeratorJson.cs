using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveBot.Core.Configuration;

/// <summary>Collects content errors by JSON path while a moderators' file is validated.</summary>
public sealed class ConfigProblems
{
    private readonly List<(string Path, string Reason)> _errors = [];

    public void Add(string path, string reason) => _errors.Add((path, reason));

    public bool Any => _errors.Count > 0;

    internal (string Path, string Reason) First => _errors[0];
}

/// <summary>How every moderators' file is read: comments and trailing commas allowed, unknown properties refused.</summary>
public static class ModeratorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>
    /// Parses <paramref name="utf8"/> into <typeparamref name="TFile"/>, then lets <paramref name="validate"/>
    /// turn it into the model; the first problem comes back with its line and column.
    /// </summary>
    public static (T? Value, ConfigError? Error) Parse<TFile, T>(
        string fileName, byte[] utf8, Func<TFile, ConfigProblems, T> validate)
        where TFile : class
        where T : class
    {
        if (utf8.AsSpan().Trim((byte)' ').IsEmpty)
        {
            return (null, new ConfigError(fileName, 0, 0, "le fichier est vide"));
        }

        TFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TFile>(utf8, Options);
        }
        catch (JsonException ex)
        {
            return (null, new ConfigError(fileName, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, Explain(ex)));
        }

        if (file is null)
        {
            return (null, new ConfigError(fileName, 1, 1, "le fichier doit contenir un objet JSON"));
        }

        var problems = new ConfigProblems();
        T value;
        try
        {
            value = validate(file, problems);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            problems.Add(string.Empty, ex.Message);
            value = null!;
        }

        if (!problems.Any)
        {
            return (value, null);
        }

        var (path, reason) = problems.First;
        var map = JsonPositionMap.Build(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var (line, column) = map.Find(path);
        return (null, new ConfigError(fileName, line, column, reason));
    }

    /// <summary>Parses a duration written "hh:mm:ss" (or "d.hh:mm:ss"); null when absent.</summary>
    public static TimeSpan? Duration(string? text, string path, ConfigProblems problems, TimeSpan? min = null, TimeSpan? max = null)
    {
        if (text is null)
        {
            return null;
        }

        if (!TimeSpan.TryParseExact(text, "c", System.Globalization.CultureInfo.InvariantCulture, out var value) || value < TimeSpan.Zero)
        {
            problems.Add(path, $"durée invalide « {text} » (format attendu hh:mm:ss, par exemple 00:00:30)");
            return null;
        }

        if (min is { } low && value < low)
        {
            problems.Add(path, $"durée trop courte « {text} » (minimum {low:c})");
        }

        if (max is { } high && value > high)
        {
            problems.Add(path, $"durée trop longue « {text} » (maximum {high:c})");
        }

        return value;
    }

    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        var property = ex.Path is { Length: > 0 } p ? LastSegment(p) : null;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var name = start >= 0 && end > start ? message[(start + 1)..end] : property;
            return $"propriété inconnue « {name} »";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return property is null ? "type de valeur inattendu" : $"type de valeur inattendu pour « {property} »";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return "JSON invalide : " + (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd(']');
        var cut = Math.Max(trimmed.LastIndexOf('.'), trimmed.LastIndexOf('['));
        return cut >= 0 ? trimmed[(cut + 1)..].Trim('\'', '[', ']') : trimmed;
    }
}

/// <summary>The root of every moderators' file may name its JSON Schema.</summary>
public abstract class ModeratorFileBase
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }
}
