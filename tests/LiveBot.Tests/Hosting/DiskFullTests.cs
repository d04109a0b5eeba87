using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveBot.Core.Commands;
using LiveBot.Core.Storage;
using LiveBot.Dashboard;
using LiveBot.Questions;
using LiveBot.Testing;

namespace LiveBot.Tests.Hosting;

/// <summary>Issue 13: a full disk is answered politely and with a JSON 507, and the bot recovers without a restart.</summary>
public sealed class DiskFullTests
{
    [Fact]
    public async Task Question_DiskFullThenFreed_ApologyThenFiledWithoutRestart_Issue13()
    {
        var disk = new FullDisk();
        await using var bot = await BotHost.StartAsync(configure: b => b.Services.AddSingleton<DatabaseOpener>(disk.Opener));
        await bot.SayAsync("!question Quel salaire pour un apprenti boulanger ?", "alice");

        disk.Full = true;
        var refused = await bot.SayAsync("!question Comment trouver une entreprise d'accueil ?", "bob");
        var refusedAgain = await bot.SayAsync("!question Qui paie la formation en apprentissage ?", "carol");
        disk.Full = false;
        var filed = await bot.SayAsync("!question Comment trouver une entreprise d'accueil ?", "bob");

        Assert.True(disk.Refused > 0);
        Assert.Contains(ChatPipeline.StorageApology, Assert.Single(refused), StringComparison.Ordinal);
        Assert.Contains(ChatPipeline.StorageApology, Assert.Single(refusedAgain), StringComparison.Ordinal);
        Assert.Contains("question #2 bien reçue", Assert.Single(filed), StringComparison.Ordinal);
        var queue = bot.Service<QuestionQueue>();
        Assert.Equal("Comment trouver une entreprise d'accueil ?", queue.Get(2)!.Text);
        Assert.Null(queue.Get(3));
    }

    [Fact]
    public async Task QuestionAction_DiskFull_Json507ThenWorksOnceFreed_Issue13()
    {
        var disk = new FullDisk();
        await using var bot = await BotHost.StartAsync(configure: b => b.Services.AddSingleton<DatabaseOpener>(disk.Opener));
        await bot.SayAsync("!question Quel salaire pour un apprenti boulanger ?", "alice");
        await bot.SayAsync("!question Comment trouver une entreprise d'accueil ?", "bob");
        await bot.SayAsync("!question Qui paie la formation en apprentissage ?", "carol");

        disk.Full = true;
        using var full = await PostAsync(bot, "api/questions/3/onair");
        var fullBody = await full.Content.ReadAsStringAsync();
        disk.Full = false;
        using var freed = await PostAsync(bot, "api/questions/3/onair");

        Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
        Assert.Equal("application/json", full.Content.Headers.ContentType?.MediaType);
        using (var document = JsonDocument.Parse(fullBody))
        {
            Assert.Contains("disque du bot est plein", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", fullBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Equal(QuestionStatus.OnAir, bot.Service<QuestionQueue>().Get(3)!.Status);
    }

    [Fact]
    public void Describe_UnexpectedAndStorageFailures_StatusAndFrenchMessage_Issue13()
    {
        var full = new StorageUnavailableException("plein", diskFull: true, new IOException("No space left on device", FullDisk.Enospc));
        var down = new StorageUnavailableException("panne", diskFull: false, new IOException("Input/output error", 5));

        Assert.Equal((507, LiveBot.Hosting.JsonErrors.DiskFull), LiveBot.Hosting.JsonErrors.Describe(full));
        Assert.Equal((503, LiveBot.Hosting.JsonErrors.StorageDown), LiveBot.Hosting.JsonErrors.Describe(down));
        Assert.Equal((500, LiveBot.Hosting.JsonErrors.Internal), LiveBot.Hosting.JsonErrors.Describe(new InvalidOperationException("bug")));
    }

    private static async Task<HttpResponseMessage> PostAsync(BotHost bot, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.Service<DashboardToken>().Value);
        return await bot.Http.SendAsync(request);
    }
}
