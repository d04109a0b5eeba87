using System.Net.Http.Json;
using LiteDB;
using LiveBot.Core.Storage;

namespace LiveBot.Tests.Hosting;

public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    public ProcessTests() => Directory.CreateDirectory(ConfigDir);

    private string ConfigDir => Path.Combine(_folder, "config");

    private string DatabasePath => Path.Combine(_folder, "data", "livebot.db");

    [Fact]
    public async Task Start_InvalidCommandsJson_ExitCode2WithMessage()
    {
        await File.WriteAllTextAsync(Path.Combine(ConfigDir, "commands.json"), "{\n  \"commands\": [ { \"name\": \"a\", \"reply\": \"{oups}\" } ]\n}");
        using var bot = BotProcess.Start(ConfigDir, DatabasePath);

        await bot.Process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(2, bot.Process.ExitCode);
        Assert.Contains("commands.json, ligne 2, colonne 41 : variable inconnue « {oups} »", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidSettings_ExitCode2WithReasonAndNoStackTrace()
    {
        using var bot = BotProcess.Start(ConfigDir, DatabasePath, "--Storage:Path", " ");

        await bot.Process.WaitForExitAsync().WaitAsync(Patience);

        Assert.Equal(2, bot.Process.ExitCode);
        Assert.Contains("LiveBot ne démarre pas, configuration invalide", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillDashNine_DuringWrites_EveryAcknowledgedCountSurvives()
    {
        await File.WriteAllTextAsync(Path.Combine(ConfigDir, "commands.json"), """{ "commands": [ { "name": "compte", "reply": "#{count}" } ] }""");
        long acknowledged = 0;
        using (var bot = BotProcess.Start(ConfigDir, DatabasePath))
        {
            using var http = new HttpClient { BaseAddress = await bot.Ready.WaitAsync(Patience) };
            var writers = Enumerable.Range(0, 4).Select(async w =>
            {
                for (var i = 0; ; i++)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("api/chat", new { user = $"u{w}", text = "!compte" });
                        var body = await response.Content.ReadFromJsonAsync<Replies>();
                        var count = long.Parse(body!.replies[0].TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture);
                        InterlockedMax(ref acknowledged, count);
                        if (count == 150)
                        {
                            bot.Kill(); // kill -9 while the other writers are mid-request
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            }).ToList();
            await Task.WhenAll(writers).WaitAsync(Patience);
        }

        Assert.True(acknowledged >= 150);
        using var database = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct });
        var stored = database.GetCollection<CounterStore.Counter>("counters").FindById("command:custom:compte");
        Assert.NotNull(stored);
        Assert.True(stored.Value >= acknowledged, $"stored {stored.Value} < acknowledged {acknowledged}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

#pragma warning disable IDE1006 // JSON shape
    private sealed record Replies(string[] replies);
#pragma warning restore IDE1006
}
