using System.Globalization;

namespace LiveBot.Check.Probes;

/// <summary>One channel as Twitch described it to the check: the bot's rights (USERSTATE), the modes (ROOMSTATE), or a refusal.</summary>
public sealed class TwitchRoomFindings
{
    private bool _userState;
    private bool _roomState;
    private bool _moderator;
    private bool _broadcaster;
    private int _slow;
    private int _followersOnly = -1;
    private bool _subsOnly;
    private bool _emoteOnly;
    private string? _refusal;

    /// <summary>Twitch said all it says on a JOIN (or refused it).</summary>
    public bool Answered => _refusal is not null || (_userState && _roomState);

    public void UserState(bool mod, string badges)
    {
        _userState = true;
        _broadcaster = badges.Contains("broadcaster/", StringComparison.Ordinal);
        _moderator = mod || badges.Contains("moderator/", StringComparison.Ordinal);
    }

    public void Mode(string name, string value)
    {
        _roomState = true;
        _ = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        switch (name)
        {
            case "slow":
                _slow = number;
                break;
            case "followers-only":
                _followersOnly = value.Length == 0 ? -1 : number;
                break;
            case "subs-only":
                _subsOnly = number == 1;
                break;
            case "emote-only":
                _emoteOnly = number == 1;
                break;
        }
    }

    public void Refused(string msgId, string text) => _refusal ??= $"{text} ({msgId})";

    /// <summary>The checklist line of this channel.</summary>
    public CheckLine Line(string channel, string login)
    {
        var point = TwitchChatProbe.ChannelPoint(channel);
        if (_refusal is { } refusal)
        {
            return CheckLine.Failed(point, "Twitch refuse : " + refusal, "vérifiez le nom de la chaîne dans Twitch:Channels, et que le compte du bot n'y est pas banni.");
        }

        if (!Answered)
        {
            return CheckLine.Failed(point, "Twitch n'a pas confirmé l'arrivée dans le salon", "vérifiez le nom de la chaîne dans Twitch:Channels, puis relancez la vérification.");
        }

        var modes = Modes();
        var privileged = _moderator || _broadcaster;
        if (privileged)
        {
            return CheckLine.Ok(point, $"rejoint, le bot est {(_broadcaster ? "le diffuseur" : "modérateur")} (100 messages / 30 s){modes}");
        }

        var mod = $"dans le chat de la chaîne, tapez /mod {login}";
        if (_subsOnly || _emoteOnly)
        {
            return CheckLine.Failed(point, $"rejoint, mais le bot ne pourra pas écrire{modes}", mod + ", ou retirez ce mode avant le direct.");
        }

        return CheckLine.Warning(point, $"rejoint, le bot n'est pas modérateur : 20 messages / 30 s seulement{modes}", mod + (_followersOnly >= 0 ? " (en mode followers, le compte du bot doit suivre la chaîne)." : "."));
    }

    private string Modes()
    {
        var modes = new List<string>();
        if (_followersOnly >= 0)
        {
            modes.Add(_followersOnly == 0 ? "followers seulement" : $"followers depuis {_followersOnly} min seulement");
        }

        if (_subsOnly)
        {
            modes.Add("abonnés seulement");
        }

        if (_emoteOnly)
        {
            modes.Add("émoticônes seulement");
        }

        if (_slow > 0)
        {
            modes.Add($"mode lent {_slow} s");
        }

        return modes.Count == 0 ? " ; aucun mode restrictif" : " ; modes : " + string.Join(", ", modes);
    }
}
