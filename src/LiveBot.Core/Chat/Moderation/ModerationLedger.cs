using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Chat.Moderation;

/// <summary>
/// The recent moderation actions, in memory only (ids, no names; forgotten after <see cref="Memory"/>), and the
/// handlers they go to. Chat lines run in parallel in the pipeline: a deletion or a ban read while the line it
/// concerns is still being handled is applied again once that line is done (<see cref="Recheck"/>), so neither
/// an answer nor a question slips through.
/// </summary>
public sealed partial class ModerationLedger(IEnumerable<IChatModerationHandler> handlers, TimeProvider time, ILogger<ModerationLedger> logger)
{
    /// <summary>How long an action is remembered for lines handled late.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 2_000;

    private readonly IReadOnlyList<IChatModerationHandler> _handlers = handlers.ToList();
    private readonly LinkedList<(ChatModeration Action, DateTimeOffset At)> _recent = new();
    private long _applied;

    /// <summary>Actions applied since start.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Remembers <paramref name="moderation"/> and hands it to every handler.</summary>
    public void Apply(ChatModeration moderation)
    {
        lock (_recent)
        {
            var now = time.GetUtcNow();
            Forget(now);
            _recent.AddLast((moderation, now));
            if (_recent.Count > MaxRemembered)
            {
                _recent.RemoveFirst();
            }
        }

        Interlocked.Increment(ref _applied);
        Log.Applied(logger, moderation.Platform, moderation.Channel, moderation.Kind);
        Dispatch(moderation);
    }

    /// <summary>The remembered action that removed <paramref name="message"/>, or null.</summary>
    public ChatModeration? Find(ChatMessage message)
    {
        lock (_recent)
        {
            Forget(time.GetUtcNow());
            for (var node = _recent.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Action.Affects(message))
                {
                    return node.Value.Action;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// After <paramref name="message"/> was handled: when an action removed it meanwhile, applies it again (its
    /// answer and question came after the first pass) and returns true.
    /// </summary>
    public bool Recheck(ChatMessage message)
    {
        if (Find(message) is not { } moderation)
        {
            return false;
        }

        Dispatch(moderation);
        return true;
    }

    private void Dispatch(ChatModeration moderation)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler.OnModeration(moderation);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(logger, handler.GetType().Name, ex);
            }
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_recent.First is { } first && now - first.Value.At > Memory)
        {
            _recent.RemoveFirst();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Moderation on {Platform} #{Channel}: {Kind}")]
        public static partial void Applied(ILogger logger, string platform, string channel, ModerationKind kind);

        [LoggerMessage(Level = LogLevel.Error, Message = "Moderation handler {Handler} failed")]
        public static partial void HandlerFailed(ILogger logger, string handler, Exception exception);
    }
}
