using LiveBot.Core.Chat.Outbox;
using LiveBot.Twitch.Outbox;

namespace LiveBot.Twitch.Tests.Outbox;

/// <summary>Awaits what the outbox says of itself (its status, raised each time its sender starts waiting): no polling, no sleep.</summary>
internal static class OutboxWaits
{
    public static async Task UntilAsync(TwitchOutbox outbox, Func<OutboxStatus, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(outbox.Status))
            {
                done.TrySetResult();
            }
        }

        outbox.Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            outbox.Changed -= Check;
        }
    }

    /// <summary>Until the sender waits with nothing due before the clock moves.</summary>
    public static Task IdleAsync(TwitchOutbox outbox, TimeProvider time) => UntilAsync(outbox, s => s.IsIdleAt(time.GetUtcNow()));
}
