using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveBot.Core.Text;

namespace LiveBot.Core.Configuration;

/// <summary>
/// What a moderators' file's model expects at a JSON path, and where a document holds a value the model
/// cannot take: a <c>null</c> in a list or a map (issue 13: <c>{"commands": [ …, null ]}</c> stopped the bot),
/// or a value of the wrong type. Walks the document beside the model's types, by reflection; never throws.
/// </summary>
public static class JsonShape
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>A value the model cannot take: its path ("commands[2]"), the expectation and the value read (quoted, cut).</summary>
    public sealed record Mismatch(string Path, string Expected, string Read)
    {
        public string Describe() => $"à « {ValueQuote.Quote(Path)} » : {Expected} attendu, lu « {Read} »";
    }

    /// <summary>The first null inside a list or a map of <paramref name="model"/>'s shape, or null when there is none.</summary>
    public static Mismatch? FindNullItem(byte[] utf8, Type model)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            return FindNullItem(document.RootElement, model, string.Empty);
        }
        catch (JsonException)
        {
            return null; // The serializer has already said what is wrong with the syntax.
        }
    }

    /// <summary>
    /// For a type error of the serializer at <paramref name="jsonPath"/> ("$.commands[0].aliases"): the path as
    /// moderators write it, what the model expects there and the value found.
    /// </summary>
    public static Mismatch? Describe(byte[] utf8, Type model, string? jsonPath)
    {
        try
        {
            var segments = Segments(jsonPath);
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            var element = document.RootElement;
            var type = model;
            var path = new StringBuilder();
            foreach (var segment in segments)
            {
                if (segment is int index)
                {
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                    {
                        break;
                    }

                    element = element[index];
                    type = ItemType(type) ?? typeof(object);
                    path.Append('[').Append(index).Append(']');
                }
                else if (segment is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child))
                {
                    element = child;
                    type = MemberType(type, name) ?? typeof(object);
                    path.Append(path.Length > 0 ? "." : string.Empty).Append(name);
                }
                else
                {
                    break;
                }
            }

            return new Mismatch(path.Length > 0 ? path.ToString() : "(racine)", Expectation(type), ValueQuote.Quote(element.GetRawText()));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What a moderator should write for <paramref name="type"/>, in French.</summary>
    public static string Expectation(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "un texte entre guillemets";
        }

        if (type == typeof(bool))
        {
            return "true ou false";
        }

        if (type == typeof(int))
        {
            return $"un nombre entier (de {int.MinValue} à {int.MaxValue})";
        }

        if (type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            return "un nombre";
        }

        if (DictionaryValueType(type) is not null)
        {
            return "un objet { … }";
        }

        if (ItemType(type) is { } item)
        {
            return $"une liste [ … ] de valeurs ({Expectation(item)})";
        }

        return type == typeof(object) ? "une valeur" : "un objet { … }";
    }

    private static Mismatch? FindNullItem(JsonElement element, Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (DictionaryValueType(type) is { } valueType)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in element.EnumerateObject())
            {
                var childPath = Join(path, property.Name);
                var found = property.Value.ValueKind == JsonValueKind.Null
                    ? new Mismatch(childPath, Expectation(valueType), "null")
                    : FindNullItem(property.Value, valueType, childPath);
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        if (ItemType(type) is { } itemType)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var childPath = $"{path}[{index++}]";
                var found = item.ValueKind == JsonValueKind.Null
                    ? new Mismatch(childPath, Expectation(itemType), "null")
                    : FindNullItem(item, itemType, childPath);
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object || type.IsPrimitive || type == typeof(string) || type == typeof(object))
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            // A null property means "absent": the validators give its default or say it is required.
            if (property.Value.ValueKind != JsonValueKind.Null && MemberType(type, property.Name) is { } memberType
                && FindNullItem(property.Value, memberType, Join(path, property.Name)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? ItemType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : DictionaryValueType(type);
    }

    /// <summary>The type a JSON property maps to: by [JsonPropertyName], else by camel-case name.</summary>
    private static Type? MemberType(Type type, string jsonName)
    {
        if (DictionaryValueType(type) is { } valueType)
        {
            return valueType;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (string.Equals(name, jsonName, StringComparison.Ordinal))
            {
                return property.PropertyType;
            }
        }

        return null;
    }

    /// <summary>"$.commands[0]['a.b'].x" -> "commands", 0, "a.b", "x".</summary>
    private static List<object> Segments(string? jsonPath)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(jsonPath))
        {
            return segments;
        }

        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? jsonPath.Length : end;
                segments.Add(jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath[i] == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? jsonPath.Length : end;
                segments.Add(jsonPath[(i + 2)..end]);
                i = Math.Min(jsonPath.Length, end + 2);
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i + 1);
                end = end < 0 ? jsonPath.Length : end;
                if (int.TryParse(jsonPath.AsSpan(i + 1, end - i - 1), out var index))
                {
                    segments.Add(index);
                }

                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }
}
