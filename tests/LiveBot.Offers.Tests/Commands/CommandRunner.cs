using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Commands;

/// <summary>Runs the real built-in commands the way the pipeline does, for one platform's message length.</summary>
internal sealed class CommandRunner(IServiceProvider services, string commandsJson = "{}")
{
    private readonly CommandSet _set = new CommandsFileValidator(services.GetServices<IChatCommand>())
        .Parse(System.Text.Encoding.UTF8.GetBytes(commandsJson)).Value!;

    public CommandSet Set => _set;

    public async Task<Reply> RunAsync(string line, int maxReplyLength = 500, string platform = "twitch")
    {
        Assert.True(ChatPipeline.TryParse(line, _set.Prefix, out var name, out var args));
        var command = _set.Find(name)!;
        var message = new ChatMessage(platform, "chan", Guid.NewGuid().ToString("N"), "u1", "alice", "Alice", ChatRole.Viewer, line, DateTimeOffset.UnixEpoch);
        var context = new CommandContext(message, command, _set, name, args, maxReplyLength);
        var reply = await command.Handler!.HandleAsync(context, CancellationToken.None);
        return reply!;
    }
}
