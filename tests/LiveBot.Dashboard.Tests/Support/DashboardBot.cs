using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiveBot.Testing;

namespace LiveBot.Dashboard.Tests.Support;

/// <summary>Helpers around the real bot for dashboard tests: a known token, questions asked through the test chat.</summary>
public static class DashboardBot
{
    public const string Token = "jeton-de-test-0123456789abcdef";

    /// <param name="port">0 for any free port; a given one to restart "the same" bot.</param>
    /// <param name="settings">More settings ("Section:Key" -> value).</param>
    public static Task<BotHost> StartAsync(
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null,
        IReadOnlyDictionary<string, string>? files = null,
        int port = 0,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Dashboard:Token"] = Token };
        if (port != 0)
        {
            all["urls"] = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return BotHost.StartAsync(files, all, configure);
    }

    /// <summary>An HttpClient on the bot that sends the token as <c>Authorization: Bearer</c>.</summary>
    public static HttpClient Authorized(this BotHost bot)
    {
        var client = new HttpClient { BaseAddress = bot.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>Asks a question in the local test chat as <paramref name="user"/> and returns its number.</summary>
    public static async Task<int> AskAsync(this BotHost bot, string user, string text)
    {
        var replies = await bot.SayAsync("!question " + text, user);
        var queue = bot.Service<LiveBot.Questions.QuestionQueue>();
        var question = queue.List().Where(q => q.AuthorName == user && q.Text == text).OrderByDescending(q => q.Id).FirstOrDefault();
        return question?.Id ?? throw new InvalidOperationException($"No question stored for {user}; replies: {string.Join(" | ", replies)}");
    }

    public static async Task<JsonElement> PostActionAsync(this HttpClient client, int id, string action)
    {
        using var response = await client.PostAsync($"api/questions/{id}/{action}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("question");
    }
}
