namespace LiveBot.Hosting;

/// <summary>
/// <c>dotnet LiveBot.dll health [--url http://127.0.0.1:8080]</c>: asks the running bot's <c>/health/live</c>
/// (or <c>--path /health/ready</c>) and exits 0 when it answers 200, else 1. The Docker image's
/// <c>HEALTHCHECK</c> uses it, as the ASP.NET runtime image has neither curl nor wget. Without <c>--url</c>,
/// the first address of <c>ASPNETCORE_URLS</c> (a wildcard host becomes 127.0.0.1), else the default address.
/// </summary>
public static class HealthProbeCommand
{
    public const string Command = "health";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        string? url = null;
        var path = HealthEndpoints.LivePath;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--url" && i + 1 < args.Length)
            {
                url = args[++i];
            }
            else if (args[i] == "--path" && i + 1 < args.Length)
            {
                path = args[++i];
            }
        }

        if (BaseAddress(url ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS")) is not { } address)
        {
            await output.WriteLineAsync("Sonde : adresse invalide " + url);
            return 1;
        }

        using var http = new HttpClient { BaseAddress = address, Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(path.TrimStart('/'), cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"Sonde : LiveBot ne répond pas sur {address} ({ex.GetType().Name})");
            return 1;
        }
    }

    /// <summary>The address to call: the first of a ';'-separated list, wildcard hosts turned into 127.0.0.1.</summary>
    public static Uri? BaseAddress(string? urls)
    {
        var first = string.IsNullOrWhiteSpace(urls) ? LiveBotApp.DefaultUrl : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? LiveBotApp.DefaultUrl;
        foreach (var wildcard in new[] { "://0.0.0.0", "://+", "://*", "://[::]" })
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }
}
