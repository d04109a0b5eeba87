using System.Text;

namespace LiveBot.Core.Commands;

/// <summary>
/// Reply templates with <c>{name}</c> variables. Values are inserted as they are and never expanded
/// again, so a viewer typing "{count}" gets "{count}" back, not a counter.
/// </summary>
public static class ReplyTemplate
{
    /// <summary>The variables every template may use.</summary>
    public static readonly IReadOnlySet<string> Common = new HashSet<string>(StringComparer.Ordinal) { "user", "platform", "channel" };

    /// <summary>The variables of a custom command's reply.</summary>
    public static readonly IReadOnlySet<string> Custom = new HashSet<string>(StringComparer.Ordinal) { "user", "platform", "channel", "args", "count" };

    /// <summary>Names of the variables used by <paramref name="template"/>, in order.</summary>
    public static IEnumerable<string> Variables(string template)
    {
        var index = 0;
        while ((index = template.IndexOf('{', index)) >= 0)
        {
            var end = template.IndexOf('}', index + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return template[(index + 1)..end];
            index = end + 1;
        }
    }

    /// <summary>True when <paramref name="name"/> is allowed: in <paramref name="allowed"/>, or arg1..arg9 when "args" is.</summary>
    public static bool IsAllowed(string name, IReadOnlySet<string> allowed) =>
        allowed.Contains(name) || (allowed.Contains("args") && IsArgN(name));

    /// <summary>Fills <paramref name="template"/>; unknown variables stay as typed.</summary>
    public static string Render(string template, Func<string, string?> value)
    {
        var builder = new StringBuilder(template.Length + 32);
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                builder.Append(template, index, template.Length - index);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(template, index, template.Length - index);
                break;
            }

            builder.Append(template, index, open - index);
            var name = template[(open + 1)..close];
            var replacement = value(name);
            if (replacement is null)
            {
                builder.Append(template, open, close - open + 1);
            }
            else
            {
                builder.Append(replacement);
            }

            index = close + 1;
        }

        return builder.ToString();
    }

    private static bool IsArgN(string name) =>
        name.Length > 3 && name.StartsWith("arg", StringComparison.Ordinal) && int.TryParse(name.AsSpan(3), out var n) && n is >= 1 and <= 9;
}
