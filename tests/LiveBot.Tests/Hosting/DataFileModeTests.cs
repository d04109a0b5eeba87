using LiveBot.Testing;

namespace LiveBot.Tests.Hosting;

/// <summary>Issue 13: every file the bot creates under data/ is readable by its own account only (0600).</summary>
public sealed class DataFileModeTests
{
    [Fact]
    public async Task DataFolder_AfterStartAndWrites_EveryFileOwnerOnly_Issue13()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var bot = await BotHost.StartAsync();
        await bot.SayAsync("!question Quel salaire pour un apprenti boulanger ?", "alice");
        await bot.SayAsync("!aide", "bob");
        await bot.SayAsync("!offres boulanger Lyon", "carol");
        using (await bot.Http.GetAsync("health/ready"))
        {
        }

        await LiveBot.YouTube.Auth.YouTubeLogin.StoreAsync(Path.Combine(bot.Folder, "data", "secrets.json"), "refresh", CancellationToken.None);

        var files = Directory.GetFiles(Path.Combine(bot.Folder, "data"), "*", SearchOption.AllDirectories);

        Assert.Contains(files, f => Path.GetFileName(f) == "livebot.db");
        foreach (var file in files)
        {
            Assert.Equal((Path.GetFileName(file), OwnerOnlyMode), (Path.GetFileName(file), File.GetUnixFileMode(file)));
        }
    }

    private static UnixFileMode OwnerOnlyMode => UnixFileMode.UserRead | UnixFileMode.UserWrite;
}
