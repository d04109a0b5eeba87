using System.Text.Json;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Testing;

namespace LiveBot.Tests.Hosting;

public sealed class LiveReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EditCommandsJson_ValidChange_NewReplyWithoutRestart()
    {
        await using var bot = await BotHost.StartAsync(Files("""{ "commands": [ { "name": "info", "reply": "version 1" } ] }"""));
        Assert.Equal(["version 1"], await bot.SayAsync("!info"));
        var reloaded = NextReload(bot);

        await File.WriteAllTextAsync(Path.Combine(bot.ConfigDir, "commands.json"), """{ "commands": [ { "name": "info", "reply": "version 2" } ] }""");
        await reloaded.WaitAsync(Patience);

        Assert.Equal(["version 2"], await bot.SayAsync("!info", "bob"));
    }

    [Fact]
    public async Task EditCommandsJson_BrokenChange_OldReplyAndErrorOnHealthz()
    {
        await using var bot = await BotHost.StartAsync(Files("""{ "commands": [ { "name": "info", "reply": "version 1" } ] }"""));
        var rejected = NextRejection(bot);

        await File.WriteAllTextAsync(
            Path.Combine(bot.ConfigDir, "commands.json"),
            "{\n  \"commands\": [\n    { \"name\": \"info\", \"reply\": \"version 2\", \"permission\": \"chef\" }\n  ]\n}");
        await rejected.WaitAsync(Patience);

        Assert.Equal(["version 1"], await bot.SayAsync("!info", "bob"));
        using var health = JsonDocument.Parse(await bot.Http.GetStringAsync("healthz"));
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            "commands.json, ligne 3, colonne 59 : permission inconnue « chef » (attendu : viewer, subscriber, vip, moderator, broadcaster)",
            health.RootElement.GetProperty("config").GetProperty("commands").GetString());
    }

    private static Dictionary<string, string> Files(string commands) => new() { ["commands.json"] = commands };

    private static Task NextReload(BotHost bot)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Service<ModeratorFile<CommandSet>>().Reloaded += _ => done.TrySetResult();
        return done.Task;
    }

    private static Task NextRejection(BotHost bot)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Service<ModeratorFile<CommandSet>>().Rejected += _ => done.TrySetResult();
        return done.Task;
    }
}
