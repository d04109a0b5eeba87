using BenchmarkDotNet.Attributes;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveBot.Benchmarks.Core;

/// <summary>One chat line through the real pipeline (commands.json, cooldowns, LiteDB counters).</summary>
[MemoryDiagnoser]
public class ChatPipelineBenchmarks : IDisposable
{
    private ServiceProvider? _services;
    private ChatPipeline? _pipeline;
    private string _folder = string.Empty;
    private long _id;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "livebot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "commands.json"), """{ "commands": [ { "name": "discord", "reply": "Rejoins-nous {user} !" } ] }""");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(_folder, "bench.db") })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new ConfigDirectory(_folder))
            .AddChatCommands()
            .BuildServiceProvider();
        _services.GetRequiredService<ModeratorFile<CommandSet>>().LoadInitial();
        _pipeline = _services.GetRequiredService<ChatPipeline>();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<IReadOnlyList<OutgoingMessage>> PlainLine() => Process("trop bien ce live, merci à vous");

    [Benchmark]
    public ValueTask<IReadOnlyList<OutgoingMessage>> UnknownCommand() => Process("!inconnue avec des arguments");

    [Benchmark]
    public ValueTask<IReadOnlyList<OutgoingMessage>> CustomCommand() => Process("!discord");

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        _services = null;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    private ValueTask<IReadOnlyList<OutgoingMessage>> Process(string text)
    {
        // A moderator: no cooldown, so every call runs the whole path.
        var id = Interlocked.Increment(ref _id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new ChatMessage("twitch", "chaine", id, "42", "alice", "Alice", ChatRole.Moderator, text, DateTimeOffset.UnixEpoch);
        return _pipeline!.ProcessAsync(message, CancellationToken.None);
    }
}
