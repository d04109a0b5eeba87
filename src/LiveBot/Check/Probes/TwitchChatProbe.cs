using System.Net.WebSockets;
using System.Text;
using LiveBot.Twitch;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Irc;
using Microsoft.Extensions.Options;

namespace LiveBot.Check.Probes;

/// <summary>
/// Twitch chat with the bot's account, on a connection of its own: logs in, joins each channel, and reads
/// what Twitch says there (USERSTATE: is the bot moderator; ROOMSTATE: followers-, subscribers-, emote-only,
/// slow mode). Sends nothing in chat. Half the probe's time limit is given to the answers, so channels that
/// never answer get their own ✗ line instead of the whole point timing out.
/// </summary>
public sealed class TwitchChatProbe(TwitchTokens tokens, IOptions<TwitchOptions> options, IOptions<CheckOptions> check, TimeProvider time) : ICheckProbe
{
    public const string Name = "Twitch, chat";

    /// <summary>Twitch's JOIN limit for a plain account: 20 per 10 s.</summary>
    public const int JoinsPerWindow = 20;

    public static readonly TimeSpan JoinWindow = TimeSpan.FromSeconds(10);

    public string Point => Name;

    /// <summary>"Twitch #chan".</summary>
    public static string ChannelPoint(string channel) => "Twitch #" + channel;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var login = settings.Login.Trim().ToLowerInvariant();
        var channels = settings.Channels.Select(TwitchOptions.NormalizeChannel).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var session = new TwitchCheckSession(channels);
        using var answers = new CancellationTokenSource(check.Value.ProbeTimeout / 2, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, answers.Token);
        using var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await client.ConnectAsync(settings.ServerUri, linked.Token);
            await SendAsync(client, "CAP REQ :twitch.tv/tags twitch.tv/commands", linked.Token);
            await SendAsync(client, "PASS oauth:" + tokens.AccessToken, linked.Token);
            await SendAsync(client, "NICK " + login, linked.Token);
            await ReadAsync(client, session, s => s.LoginAnswered, linked.Token);
            if (session.LoginRefused)
            {
                return [CheckLine.Failed(Name, "Twitch refuse la connexion au chat (« Login authentication failed »)", "le jeton ne vaut pas pour le chat : voyez la ligne « Twitch, jeton » et recréez-le avec chat:read chat:edit.")];
            }

            foreach (var batch in channels.Chunk(JoinsPerWindow).Select((b, i) => (Channels: b, Index: i)))
            {
                if (batch.Index > 0)
                {
                    await Task.Delay(JoinWindow, time, linked.Token);
                }

                await SendAsync(client, "JOIN " + string.Join(',', batch.Channels.Select(c => "#" + c)), linked.Token);
            }

            await ReadAsync(client, session, s => s.AllChannelsAnswered, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && answers.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (!session.LoginAnswered)
            {
                return [CheckLine.Failed(Name, $"pas de bienvenue du chat de Twitch ({settings.ServerUri.Host})", "vérifiez la connexion à Internet et Twitch:ServerUri, puis relancez la vérification.")];
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException)
        {
            return [CheckLine.Failed(Name, $"connexion au chat impossible ({settings.ServerUri.Host} : {ex.GetType().Name})", "vérifiez la connexion à Internet (le port 443 doit être ouvert) et Twitch:ServerUri.")];
        }
        finally
        {
            client.Abort();
        }

        var lines = new List<CheckLine> { CheckLine.Ok(Name, $"connecté en tant que {login} ({settings.ServerUri.Host})") };
        if (channels.Count == 0)
        {
            lines.Add(CheckLine.Failed(ChannelPoint("…"), "aucune chaîne dans Twitch:Channels", "ajoutez la chaîne du direct : Twitch__Channels__0=ma_chaine."));
        }

        lines.AddRange(channels.Select(c => session.Room(c).Line(c, login)));
        return lines;
    }

    private static async Task ReadAsync(ClientWebSocket client, TwitchCheckSession session, Func<TwitchCheckSession, bool> done, CancellationToken cancellationToken)
    {
        while (!done(session))
        {
            var result = await client.ReceiveAsync(session.Buffer.GetWriteMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed by Twitch");
            }

            session.Buffer.Advance(result.Count);
            foreach (var reply in session.ReadLines())
            {
                await SendAsync(client, reply, cancellationToken);
            }
        }
    }

    private static Task SendAsync(ClientWebSocket client, string line, CancellationToken cancellationToken) =>
        client.SendAsync(Encoding.UTF8.GetBytes(line + "\r\n"), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
