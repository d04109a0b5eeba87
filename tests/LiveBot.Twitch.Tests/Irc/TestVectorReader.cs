using System.Globalization;
using System.Text;

namespace LiveBot.Twitch.Tests.Irc;

/// <summary>One case of msg-split.yaml.</summary>
public sealed record SplitCase(string Input, Dictionary<string, string> Tags, string? Source, string Verb, List<string> Params)
{
    public override string ToString() => Input;
}

/// <summary>
/// Reads the subset of YAML that msg-split.yaml uses: a list of "- input:" items with an "atoms" map
/// (tags map, source, verb, params list), double-quoted or plain scalars, YAML double-quote escapes.
/// </summary>
public static class TestVectorReader
{
    public static List<SplitCase> ReadSplitCases(string path)
    {
        var cases = new List<SplitCase>();
        string? input = null, source = null, verb = null;
        Dictionary<string, string> tags = [];
        List<string> parameters = [];
        string? section = null;

        void Flush()
        {
            if (input is not null)
            {
                cases.Add(new SplitCase(input, tags, source, verb ?? throw new InvalidDataException("no verb for " + input), parameters));
            }

            input = source = verb = null;
            tags = [];
            parameters = [];
            section = null;
        }

        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith("- input:", StringComparison.Ordinal))
            {
                Flush();
                input = Scalar(trimmed["- input:".Length..]);
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) && section == "params")
            {
                parameters.Add(Scalar(trimmed[2..]));
            }
            else if (trimmed is "atoms:" or "tests:")
            {
                section = null;
            }
            else if (trimmed is "tags:" or "params:")
            {
                section = trimmed[..^1];
            }
            else if (trimmed.StartsWith("source:", StringComparison.Ordinal))
            {
                source = Scalar(trimmed["source:".Length..]);
                section = null;
            }
            else if (trimmed.StartsWith("verb:", StringComparison.Ordinal))
            {
                verb = Scalar(trimmed["verb:".Length..]);
                section = null;
            }
            else if (section == "tags")
            {
                var (key, rest) = Key(trimmed);
                tags[key] = Scalar(rest);
            }
            else
            {
                throw new InvalidDataException("Unexpected line in " + path + ": " + line);
            }
        }

        Flush();
        return cases;
    }

    private static (string Key, string Value) Key(string text)
    {
        if (text.StartsWith('"'))
        {
            var end = text.IndexOf("\":", 1, StringComparison.Ordinal);
            return (Unquote(text[..(end + 1)]), text[(end + 2)..]);
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return (text[..colon], text[(colon + 1)..]);
    }

    private static string Scalar(string text)
    {
        text = text.Trim();
        return text.StartsWith('"') ? Unquote(text) : text;
    }

    private static string Unquote(string quoted)
    {
        var builder = new StringBuilder();
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = quoted[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case 'x':
                    builder.Append((char)int.Parse(quoted.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }
}
