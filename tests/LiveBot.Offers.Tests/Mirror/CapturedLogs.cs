using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiveBot.Offers.Tests.Mirror;

/// <summary>A logger provider that keeps every line (category, message, and the time it says) for a test to read.</summary>
internal sealed class CapturedLogs(TimeProvider clock) : ILoggerProvider
{
    public TimeProvider Clock => clock;

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, DateTimeOffset At)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((category, logLevel, formatter(state, exception), owner.Clock.GetUtcNow()));
    }
}
