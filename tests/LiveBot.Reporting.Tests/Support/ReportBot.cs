using System.Net.Http.Headers;
using LiveBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Reporting.Tests.Support;

/// <summary>The real bot on Kestrel with a known token and fake time (the report's counts are written when time moves).</summary>
public static class ReportBot
{
    public const string Token = "jeton-rapport-0123456789abcdef";

    public static Task<BotHost> StartAsync(FakeTimeProvider time, string? folder = null) =>
        BotHost.StartAsync(
            settings: new Dictionary<string, string> { ["Dashboard:Token"] = Token },
            configure: b => b.Services.AddSingleton<TimeProvider>(time),
            folder: folder);

    public static HttpClient Authorized(this BotHost bot)
    {
        var client = new HttpClient { BaseAddress = bot.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
