using LiveBot.Core.Chat;

namespace LiveBot.Chat.Local;

/// <summary>When stdin is a terminal, each typed line is a chat message from user "console".</summary>
public sealed partial class ConsoleChatService(LocalChatPlatform local, ILogger<ConsoleChatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Console.IsInputRedirected)
        {
            return;
        }

        local.Sent += message =>
        {
            if (message.InReplyTo is null)
            {
                Console.WriteLine($"[bot] {message.Text}");
            }
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                // A blocking console read ignores cancellation: read on a pool thread and stop waiting for it
                // on Ctrl+C, so that the host stops at once (the process exit ends the read).
                line = await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                return; // stdin closed
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                foreach (var reply in await local.SayAsync("console", line, ChatRole.Broadcaster, stoppingToken))
                {
                    Console.WriteLine($"[bot] {reply}");
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ConsoleLineFailed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A console chat line failed")]
        public static partial void ConsoleLineFailed(ILogger logger, Exception exception);
    }
}
