using System.Net;
using System.Net.Sockets;

namespace LiveBot.Check.Probes;

/// <summary>
/// The web port: before start it must be free (a second bot, or another program, would take the page);
/// from the running bot it is the bot's own.
/// </summary>
public sealed class PortProbe : ICheckProbe
{
    public const string Name = "Port";

    public string Point => Name;

    public Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.InsideBot)
        {
            return Done(CheckLine.Ok(Name, "le bot écoute sur " + string.Join(", ", context.Addresses)));
        }

        var lines = new List<CheckLine>();
        foreach (var address in context.Addresses)
        {
            lines.Add(Probe(address));
        }

        return Task.FromResult<IReadOnlyList<CheckLine>>(lines);
    }

    private static CheckLine Probe(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return CheckLine.Failed(Name, $"adresse illisible « {address} »", "donnez une adresse comme http://127.0.0.1:5080 (--urls ou ASPNETCORE_URLS).");
        }

        if (uri.Port == 0)
        {
            return CheckLine.Ok(Name, $"{address} : port choisi au démarrage");
        }

        var ip = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) => parsed,
            _ => IPAddress.Any,
        };
        try
        {
            using var listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(ip, uri.Port));
            listener.Listen();
            return CheckLine.Ok(Name, $"{uri.Port} libre sur {uri.Host}");
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return CheckLine.Failed(Name, $"{uri.Port} déjà pris sur {uri.Host}", $"un LiveBot tourne-t-il déjà ? Ouvrez alors sa page (panneau « Préparation du direct ») ; sinon arrêtez l'autre programme ou choisissez un autre port (--urls http://{uri.Host}:{uri.Port + 1}).");
        }
        catch (SocketException ex)
        {
            return CheckLine.Failed(Name, $"{uri.Port} inutilisable sur {uri.Host} ({ex.SocketErrorCode})", "choisissez une adresse de cette machine et un port libre (--urls).");
        }
    }

    private static Task<IReadOnlyList<CheckLine>> Done(CheckLine line) => Task.FromResult<IReadOnlyList<CheckLine>>([line]);
}
