using System.Text.Json;
using System.Text.Json.Serialization;
using LiveBot.Core.Text;

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
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

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
        // Editors on Windows (Notepad) may save a byte-order mark: it is not an error.
        if (utf8.AsSpan().StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        if (utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
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
            var errorLine = (int)(ex.LineNumber ?? 0);
            var explained = Explain(ex);
            if (explained.StartsWith(TypeMismatch, StringComparison.Ordinal) && JsonShape.Describe(utf8, typeof(TFile), ex.Path) is { } mismatch)
            {
                explained += " " + mismatch.Describe();
            }

            return (null, new ConfigError(fileName, errorLine + 1, CharColumn(utf8, errorLine, (int)(ex.BytePositionInLine ?? 0)), explained));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return (null, new ConfigError(fileName, 0, 0, "contenu illisible (valeur hors limites ou de type inattendu)"));
        }

        if (file is null)
        {
            return (null, new ConfigError(fileName, 1, 1, "le fichier doit contenir un objet JSON"));
        }

        var problems = new ConfigProblems();
        T value = null!;
        if (JsonShape.FindNullItem(utf8, typeof(TFile)) is { } nullItem)
        {
            // A null in a list or a map would reach the validators as a missing entry (issue 13).
            problems.Add(nullItem.Path, $"valeur null interdite {nullItem.Describe()} (retirer l'élément ou le compléter)");
        }
        else
        {
            try
            {
                value = validate(file, problems);
            }

            // A moderators' file must never stop the bot: any slip of a validator becomes an error of the file.
            catch (Exception)
            {
                problems.Add(string.Empty, "contenu inattendu : le fichier n'a pas pu être vérifié (valeur vide, de type inattendu ou hors limites ?)");
            }
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
            // "99:00:00" is hh:mm:ss as a moderator means it, only past what TimeSpan's format takes.
            var parts = text.Split(':');
            if (parts.Length == 3 && int.TryParse(parts[0], out var hours) && hours is >= 24 and <= 1_000_000
                && int.TryParse(parts[1], out var minutes) && minutes is >= 0 and < 60
                && int.TryParse(parts[2], out var seconds) && seconds is >= 0 and < 60)
            {
                value = new TimeSpan(hours, minutes, seconds);
            }
            else
            {
                problems.Add(path, $"durée invalide « {ValueQuote.Quote(text)} » (format attendu hh:mm:ss, par exemple 00:00:30)");
                return null;
            }
        }

        if (min is { } low && value < low)
        {
            problems.Add(path, $"durée trop courte « {ValueQuote.Quote(text)} » (minimum {low:c})");
        }

        if (max is { } high && value > high)
        {
            problems.Add(path, $"durée trop longue « {ValueQuote.Quote(text)} » (maximum {high:c})");
        }

        return value;
    }

    private const string TypeMismatch = "type de valeur inattendu";

    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        var property = ex.Path is { Length: > 0 } p ? LastSegment(p) : null;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            var name = start >= 0 && end > start ? message[(start + 1)..end] : property;
            return $"propriété inconnue « {ValueQuote.Quote(name)} »";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return property is null ? TypeMismatch : $"{TypeMismatch} pour « {ValueQuote.Quote(property)} »";
        }

        return "JSON invalide : " + Syntax(message);
    }

    /// <summary>The usual syntax mistakes, said in French; anything else gets a generic hint.</summary>
    private static string Syntax(string message)
    {
        if (message.Contains("end of data", StringComparison.Ordinal) || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "le fichier s'arrête trop tôt (accolade « } » ou crochet « ] » manquant ?)";
        }

        if (message.Contains("after a property name", StringComparison.Ordinal))
        {
            return "« : » attendu après le nom de la propriété";
        }

        if (message.Contains("after a value", StringComparison.Ordinal) || message.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return "virgule manquante, ou caractère en trop après une valeur";
        }

        if (message.Contains("is invalid within a JSON string", StringComparison.Ordinal))
        {
            return "caractère interdit dans un texte (un retour à la ligne ? écrire \\n)";
        }

        if (message.Contains("is an invalid escapable character", StringComparison.Ordinal))
        {
            return "barre oblique inverse « \\ » mal utilisée dans un texte (écrire \\\\)";
        }

        if (message.Contains("start of a property name", StringComparison.Ordinal))
        {
            return "nom de propriété attendu, entre guillemets droits \"…\" (virgule en trop ?)";
        }

        if (message.Contains("is an invalid start of a value", StringComparison.Ordinal))
        {
            return "valeur attendue : un texte entre guillemets droits \"…\", un nombre, true, false, null, [ ] ou { }";
        }

        return "syntaxe incorrecte (guillemet, virgule, accolade ou crochet ?)";
    }

    /// <summary>1-based column in characters of a byte position on a 0-based line (accents count once).</summary>
    private static int CharColumn(byte[] utf8, int line, int bytePosition)
    {
        var start = 0;
        for (var i = 0; i < line && start < utf8.Length; i++)
        {
            var next = Array.IndexOf(utf8, (byte)'\n', start);
            if (next < 0)
            {
                break;
            }

            start = next + 1;
        }

        var length = Math.Clamp(bytePosition, 0, utf8.Length - start);
        return System.Text.Encoding.UTF8.GetCharCount(utf8, start, length) + 1;
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
