using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiveBot.Dashboard;
using LiveBot.Hosting;

namespace LiveBot.Testing;

/// <summary>
/// The real bot on a real Kestrel at 127.0.0.1:0, with its own config folder and LiteDB file in a temp
/// folder that is deleted afterwards.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private BotHost(WebApplication app, string folder)
    {
        App = app;
        Folder = folder;
        BaseAddress = new Uri(LiveBotApp.Addresses(app).First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    /// <summary>The temp folder: config/ and data/ inside.</summary>
    public string Folder { get; }

    public string ConfigDir => Path.Combine(Folder, "config");

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts a bot. <paramref name="files"/> are written to its config folder first (name -> content);
    /// <paramref name="settings"/> are extra command-line settings ("Section:Key" -> value).
    /// </summary>
    public static async Task<BotHost> StartAsync(
        IReadOnlyDictionary<string, string>? files = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));
        var configDir = Path.Combine(folder, "config");
        Directory.CreateDirectory(configDir);
        foreach (var (name, content) in files ?? new Dictionary<string, string>())
        {
            await File.WriteAllTextAsync(Path.Combine(configDir, name), content);
        }

        var args = new List<string>
        {
            "--config-dir", configDir,
            "--urls", "http://127.0.0.1:0",
            "--Storage:Path", Path.Combine(folder, "data", "livebot.db"),
            "--LocalChat:Console", "false",
            "--Logging:LogLevel:Default", "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add("--" + key);
            args.Add(value);
        }

        var app = LiveBotApp.Build(args.ToArray(), configure);
        await app.StartAsync();
        return new BotHost(app, folder);
    }

    /// <summary>
    /// Says <paramref name="text"/> in the local test chat and returns the bot's replies. With roles above
    /// viewer it sends the presenters' token, as the presenter page does.
    /// </summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text, string user = "alice", params string[] roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { user, text, roles }) };
        if (roles.Any(r => r != "viewer"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Service<DashboardToken>().Value);
        }

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ChatResponse>();
        return body?.Replies ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record ChatResponse(string[] Replies);
}
