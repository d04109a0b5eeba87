using System.Text;
using System.Text.Json;

namespace LiveBot.Core.Configuration;

/// <summary>
/// Where each value of a JSON document starts, by path ("commands[2].permission"), so that content
/// errors found after parsing can name a line and a column.
/// </summary>
public sealed class JsonPositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositionMap()
    {
    }

    /// <summary>Position of the value at <paramref name="path"/>, or of its nearest known parent.</summary>
    public (int Line, int Column) Find(string path)
    {
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.GetValueOrDefault(string.Empty, (1, 1));
            }

            current = current[..cut];
        }
    }

    /// <summary>Maps a document already known to be valid JSON.</summary>
    public static JsonPositionMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonPositionMap();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        var path = new List<Segment>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path.Add(new Segment(SegmentKind.Property, reader.GetString() ?? string.Empty, 0));
                    continue;
                case JsonTokenType.Comment:
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    AfterValue(path);
                    continue;
            }

            // A value starts here: if inside an array, it is the next element.
            if (path.Count > 0 && path[^1].Kind == SegmentKind.Array)
            {
                path[^1] = path[^1] with { Index = path[^1].Index + 1 };
            }

            map._positions[Format(path)] = Locate(utf8, lineStarts, (int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                path.Add(new Segment(SegmentKind.Object, null, 0));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                path.Add(new Segment(SegmentKind.Array, null, -1));
            }
            else
            {
                AfterValue(path);
            }
        }

        return map;
    }

    private static void AfterValue(List<Segment> path)
    {
        // A property's value is done: pop the property name.
        if (path.Count > 0 && path[^1].Kind == SegmentKind.Property)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static string Format(List<Segment> path)
    {
        var builder = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Kind == SegmentKind.Object)
            {
                continue;
            }

            if (segment.Kind == SegmentKind.Array)
            {
                builder.Append('[').Append(segment.Index).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(segment.Name);
            }
        }

        return builder.ToString();
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> utf8, List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(utf8[lineStarts[line]..offset]) + 1;
        return (line + 1, column);
    }

    private enum SegmentKind
    {
        Object,
        Array,
        Property,
    }

    /// <summary>An open object, an open array (Index = its current element) or a property whose value is being read.</summary>
    private readonly record struct Segment(SegmentKind Kind, string? Name, int Index);
}
