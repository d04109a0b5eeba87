using System.Globalization;
using System.Text;

namespace LiveBot.Benchmarks.Twitch;

/// <summary>Real-looking Twitch traffic: PRIVMSG lines with full tags, plus the odd USERNOTICE/PING.</summary>
public static class TwitchLines
{
    private static readonly string[] Texts =
    [
        "bonjour tout le monde !", "!offres boulanger Lyon", "c'est quoi le salaire d'un apprenti en 1ère année ?",
        "PogChamp PogChamp", "!question est-ce qu'on peut changer d'entreprise pendant le contrat ?", "merci pour le live",
        "je suis en BTS MCO en alternance, trop bien", "!aide", "\u0001ACTION fait coucou\u0001", "lol",
        "quelqu'un sait si le CFA est payant ??", "!secteur bâtiment", "🔥🔥🔥", "on peut commencer à 15 ans ?",
    ];

    private static readonly string[] PlainTexts = Texts.Where(t => !t.StartsWith('!')).ToArray();

    /// <summary>One line as Twitch sends it (without CR LF); <paramref name="commands"/> false: plain chat only.</summary>
    public static string Line(int i, bool commands = true)
    {
        var user = "viewer" + (i % 5000).ToString(CultureInfo.InvariantCulture);
        var badges = (i % 7) switch
        {
            0 => "subscriber/12,premium/1",
            1 => "moderator/1",
            2 => "vip/1,subscriber/3",
            _ => string.Empty,
        };
        var text = commands ? Texts[i % Texts.Length] : PlainTexts[i % PlainTexts.Length];
        return $"@badge-info=subscriber/8;badges={badges};client-nonce=4a6b0c5f0c9d2e1f;color=#1E90FF;display-name={user};emotes=;first-msg=0;flags=;id={Guid.NewGuid()};mod={(badges.StartsWith("moderator", StringComparison.Ordinal) ? 1 : 0)};returning-chatter=0;room-id=123456789;subscriber=1;tmi-sent-ts=17000000{i % 100000:00000};turbo=0;user-id={100000 + (i % 5000)};user-type= :{user}!{user}@{user}.tmi.twitch.tv PRIVMSG #apprentissage_live :{text}";
    }

    /// <summary><paramref name="count"/> lines as one UTF-8 buffer, CR LF after each.</summary>
    public static byte[] Buffer(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Line(i)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
