using System.Text;

namespace LiveBot.Twitch.Irc;

/// <summary>IRCv3 tag value escaping: <c>\:</c> ; <c>\s</c> space, <c>\\</c>, <c>\r</c>, <c>\n</c>.</summary>
public static class IrcTags
{
    /// <summary>
    /// Unescapes a raw tag value, one character at a time: an unknown escape <c>\x</c> gives <c>x</c>
    /// and a trailing lone backslash is dropped.
    /// </summary>
    public static string Unescape(ReadOnlySpan<char> raw)
    {
        var backslash = raw.IndexOf('\\');
        if (backslash < 0)
        {
            return raw.ToString();
        }

        var builder = new StringBuilder(raw.Length);
        builder.Append(raw[..backslash]);
        for (var i = backslash; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= raw.Length)
            {
                break;
            }

            builder.Append(raw[i] switch
            {
                ':' => ';',
                's' => ' ',
                'r' => '\r',
                'n' => '\n',
                var other => other,
            });
        }

        return builder.ToString();
    }

    /// <summary>Escapes a value for an outgoing tag.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(";\\ \r\n") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                ';' => @"\:",
                ' ' => @"\s",
                '\\' => @"\\",
                '\r' => @"\r",
                '\n' => @"\n",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
