using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace LiveBot.YouTube.Auth;

/// <summary>
/// <c>dotnet run --project src/LiveBot -- youtube-login</c>: the installed-app OAuth flow with a loopback
/// redirect. Prints the address to open, waits for Google to redirect the browser back to 127.0.0.1, trades
/// the code for a refresh token and stores it in the bot's user-secrets as <c>YouTube:RefreshToken</c>.
/// </summary>
public static class YouTubeLogin
{
    public const string Command = "youtube-login";
    public const string SecretKey = "YouTube:RefreshToken";

    /// <summary>Reads ClientId/ClientSecret as the bot does (config folder, user-secrets, environment, command line).</summary>
    public static async Task<int> RunFromCommandLineAsync(string[] args, Assembly entryAssembly, TextWriter output, CancellationToken cancellationToken)
    {
        var configDir = Environment.GetEnvironmentVariable("LIVEBOT_CONFIG_DIR") ?? "config";
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config-dir" && i + 1 < args.Length)
            {
                configDir = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var secretsId = entryAssembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;
        if (secretsId is null)
        {
            await output.WriteLineAsync("youtube-login : pas d'identifiant user-secrets dans le projet.");
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(Path.Combine(configDir, "appsettings.json")), optional: true)
            .AddUserSecrets(entryAssembly, optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(rest.ToArray())
            .Build();
        var options = configuration.GetSection(YouTubeOptions.Section).Get<YouTubeOptions>() ?? new YouTubeOptions();
        return await RunAsync(options, PathHelper.GetSecretsPathFromSecretsId(secretsId), output, cancellationToken);
    }

    /// <summary>The flow itself; <paramref name="secretsPath"/> is the secrets.json to update.</summary>
    public static async Task<int> RunAsync(YouTubeOptions options, string secretsPath, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            await output.WriteLineAsync("youtube-login : renseignez d'abord YouTube:ClientId et YouTube:ClientSecret (README, section YouTube).");
            return 2;
        }

        var port = FreeLoopbackPort();
        var redirectUri = $"http://127.0.0.1:{port}/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(redirectUri);
        listener.Start();

        var flow = YouTubeCredentials.CreateFlow(options, TimeProvider.System);
        var request = (GoogleAuthorizationCodeRequestUrl)flow.CreateAuthorizationCodeRequest(redirectUri);
        request.AccessType = "offline";
        request.Prompt = "consent";
        await output.WriteLineAsync("Ouvrez cette adresse dans un navigateur et autorisez LiveBot avec le compte YouTube de la chaîne :");
        await output.WriteLineAsync(request.Build().AbsoluteUri);
        await output.FlushAsync(cancellationToken);

        var context = await listener.GetContextAsync().WaitAsync(cancellationToken);
        var code = context.Request.QueryString["code"];
        var error = context.Request.QueryString["error"];
        await RespondAsync(context, code is null ? "Autorisation refusée ou annulée. Vous pouvez fermer cet onglet." : "C'est bon ! LiveBot est autorisé. Vous pouvez fermer cet onglet.");
        if (string.IsNullOrEmpty(code))
        {
            await output.WriteLineAsync($"youtube-login : pas de code reçu ({error ?? "réponse inattendue"}).");
            return 1;
        }

        var token = await flow.ExchangeCodeForTokenAsync(YouTubeCredentials.UserId, code, redirectUri, cancellationToken);
        if (string.IsNullOrEmpty(token.RefreshToken))
        {
            await output.WriteLineAsync("youtube-login : Google n'a pas donné de jeton de rafraîchissement ; retirez l'accès de LiveBot dans votre compte Google puis recommencez.");
            return 1;
        }

        await StoreAsync(secretsPath, token.RefreshToken, cancellationToken);
        await output.WriteLineAsync($"Jeton enregistré dans les user-secrets ({SecretKey}). Mettez YouTube:Enabled à true et relancez le bot.");
        return 0;
    }

    /// <summary>Sets <see cref="SecretKey"/> in a user-secrets file, keeping its other entries.</summary>
    public static async Task StoreAsync(string secretsPath, string refreshToken, CancellationToken cancellationToken)
    {
        JsonObject secrets = [];
        if (File.Exists(secretsPath))
        {
            var existing = await File.ReadAllTextAsync(secretsPath, cancellationToken);
            if (!string.IsNullOrWhiteSpace(existing) && JsonNode.Parse(existing) is JsonObject parsed)
            {
                secrets = parsed;
            }
        }

        secrets[SecretKey] = refreshToken;
        // A refresh token is a secret: owner-only (0600), written whole or not at all (issue 13).
        cancellationToken.ThrowIfCancellationRequested();
        LiveBot.Core.Storage.OwnerOnlyFile.WriteAllText(secretsPath, secrets.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private static async Task RespondAsync(HttpListenerContext context, string message)
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>LiveBot</title><p>{WebUtility.HtmlEncode(message)}</p></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
