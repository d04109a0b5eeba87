using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LiveBot.Reporting.Rendering;

/// <summary>HTML encoding that keeps French letters readable but always escapes &lt; &gt; &amp; " '.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
