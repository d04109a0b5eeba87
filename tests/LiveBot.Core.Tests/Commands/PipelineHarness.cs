using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Core.Tests.Commands;

/// <summary>The real pipeline with a commands.json of the test's own, a temp LiteDB file and fake time.</summary>
public sealed class PipelineHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private int _nextId;

    public PipelineHarness(string commandsJson, params IChatPlatform[] platforms)
    {
        Folder = Path.Combine(Path.GetTempPath(), "livebot-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "commands.json"), commandsJson);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(Folder, "livebot.db") })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(new ConfigDirectory(Folder));
        foreach (var platform in platforms)
        {
            services.AddSingleton(platform);
        }

        services.AddChatPlatformName("twitch").AddChatPlatformName("youtube").AddChatPlatformName("local");
        services.AddChatCommands();
        _services = services.BuildServiceProvider();
        CommandsFile = _services.GetRequiredService<ModeratorFile<CommandSet>>();
        CommandsFile.LoadInitial();
        Pipeline = _services.GetRequiredService<ChatPipeline>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 18, 0, 0, TimeSpan.Zero));

    public string Folder { get; }

    public ModeratorFile<CommandSet> CommandsFile { get; }

    public ChatPipeline Pipeline { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ChatMessage Message(string text, string user = "alice", ChatRole role = ChatRole.Viewer, string platform = "local", string channel = "local") =>
        new(platform, channel, $"m{Interlocked.Increment(ref _nextId)}", "id-" + user, user, char.ToUpperInvariant(user[0]) + user[1..], role, text, Time.GetUtcNow());

    /// <summary>Runs one line through the pipeline and returns the reply text, or null when silent.</summary>
    public async Task<string?> SayAsync(string text, string user = "alice", ChatRole role = ChatRole.Viewer, string platform = "local")
    {
        var replies = await Pipeline.ProcessAsync(Message(text, user, role, platform), CancellationToken.None);
        return replies.Count == 0 ? null : replies[0].Text;
    }

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
