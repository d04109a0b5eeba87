namespace LiveBot.Core.Text;

/// <summary>
/// How a bad value is echoed back (in /healthz, a log, an error message): at most <see cref="MaxLength"/>
/// characters, control characters shown as spaces, the rest marked with an ellipsis. A 10 MB value never
/// makes a 10 MB answer or log line (issue 13).
/// </summary>
public static class ValueQuote
{
    public const int MaxLength = 80;

    public static string Quote(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cut = value.Length > maxLength;
        var end = cut ? maxLength - 1 : value.Length;
        if (cut && char.IsHighSurrogate(value[end - 1]))
        {
            end--; // Never half an emoji.
        }

        return string.Create(end + (cut ? 1 : 0), (value, end, cut), static (span, state) =>
        {
            for (var i = 0; i < state.end; i++)
            {
                var c = state.value[i];
                span[i] = char.IsControl(c) ? ' ' : c;
            }

            if (state.cut)
            {
                span[^1] = '…';
            }
        });
    }
}
