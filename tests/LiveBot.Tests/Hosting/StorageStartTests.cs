using System.Security.Cryptography;
using LiteDB;
using LiveBot.Core.Storage;
using LiveBot.Hosting;

namespace LiveBot.Tests.Hosting;

/// <summary>
/// Issue 13: a corrupt, cut or foreign database (or garbage in its log) stops the start with a French message
/// and exit code 2, and the files are left byte for byte as they were; data files are owner-only.
/// </summary>
public sealed class StorageStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    public StorageStartTests() => Directory.CreateDirectory(Path.Combine(_folder, "config"));

    private string DatabasePath => Path.Combine(_folder, "data", "livebot.db");

    private string LogPath => Path.Combine(_folder, "data", "livebot-log.db");

    public static TheoryData<string> Damages() => new(["garbage", "truncated", "tiny", "pageGarbage", "logGarbage", "logOnly"]);

    [Theory]
    [MemberData(nameof(Damages))]
    public void Build_DamagedDatabase_FrenchRefusalFilesUntouched_Issue13(string damage)
    {
        Damage(damage);
        var before = Fingerprint();

        var ex = Assert.Throws<StorageOpenException>(() => Build());

        Assert.Contains("la base de données", ex.Message, StringComparison.Ordinal);
        Assert.Contains("n'a pas été modifié", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task Start_CorruptDatabase_ExitCode2AndFileUntouched_Issue13()
    {
        Damage("garbage");
        var before = Fingerprint();
        using var bot = BotProcess.Start(Path.Combine(_folder, "config"), DatabasePath);

        await bot.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, bot.Process.ExitCode);
        Assert.Contains("LiveBot ne démarre pas : la base de données", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task Build_GoodDatabase_StartsAndKeepsData_Issue13()
    {
        WriteGoodDatabase();

        var app = Build();
        await app.DisposeAsync();

        using var db = new LiteDatabase(DatabasePath);
        Assert.Equal(300, db.GetCollection("probe").Count());
    }

    [Fact]
    public async Task Build_NewDatabase_DataFilesOwnerOnly_Issue13()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes.
        }

        var app = Build();
        await app.DisposeAsync();

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!))
        {
            Assert.Equal(OwnerOnly.Mode, File.GetUnixFileMode(file) & (UnixFileMode)0x1FF);
        }

        Assert.Contains(DatabasePath, Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!));
    }

    [Fact]
    public async Task Build_WorldReadableDatabase_TightenedToOwnerOnly_Issue13()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes.
        }

        WriteGoodDatabase();
        File.SetUnixFileMode(DatabasePath, OwnerOnly.Mode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var app = Build();
        await app.DisposeAsync();

        Assert.Equal(OwnerOnly.Mode, File.GetUnixFileMode(DatabasePath));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WebApplication Build() => LiveBotApp.Build(
    [
        "--config-dir", Path.Combine(_folder, "config"),
        "--urls", "http://127.0.0.1:0",
        "--Storage:Path", DatabasePath,
        "--LocalChat:Console", "false",
        "--Logging:LogLevel:Default", "None",
    ]);

    private void WriteGoodDatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var db = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct });
        var probe = db.GetCollection("probe");
        for (var i = 0; i < 300; i++)
        {
            probe.Insert(new BsonDocument { ["n"] = i, ["text"] = new string('q', 200) });
        }

        db.Checkpoint();
    }

    private void Damage(string damage)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var random = new Random(13);
        switch (damage)
        {
            case "garbage":
                File.WriteAllBytes(DatabasePath, RandomBytes(random, 40_000));
                break;
            case "truncated":
                WriteGoodDatabase();
                File.WriteAllBytes(DatabasePath, File.ReadAllBytes(DatabasePath)[..5000]);
                break;
            case "tiny":
                File.WriteAllBytes(DatabasePath, [1, 2, 3]);
                break;
            case "pageGarbage":
                WriteGoodDatabase();
                var bytes = File.ReadAllBytes(DatabasePath);
                RandomBytes(random, bytes.Length - DatabaseFileCheck.PageSize).CopyTo(bytes, DatabaseFileCheck.PageSize);
                File.WriteAllBytes(DatabasePath, bytes);
                break;
            case "logGarbage":
                WriteGoodDatabase();
                File.WriteAllBytes(LogPath, RandomBytes(random, 3 * DatabaseFileCheck.PageSize));
                break;
            case "logOnly":
                File.WriteAllBytes(LogPath, RandomBytes(random, DatabaseFileCheck.PageSize));
                break;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string Fingerprint() => string.Join(
        "|",
        new[] { DatabasePath, LogPath }.Select(p => File.Exists(p) ? $"{new FileInfo(p).Length}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))}" : "absent"));
}
