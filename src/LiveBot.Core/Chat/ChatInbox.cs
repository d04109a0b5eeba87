using System.Threading.Channels;
using LiveBot.Core.Chat.Moderation;

namespace LiveBot.Core.Chat;

/// <summary>
/// The one entry point of chat lines from every platform. Bounded, and it waits rather than drops when
/// full, so a burst slows the readers down instead of losing a question.
/// </summary>
public sealed class ChatInbox
{
    private readonly Channel<InboxItem> _channel = Channel.CreateBounded<InboxItem>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Hands a line to the pipeline.</summary>
    public ValueTask PublishAsync(ChatMessage message, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(new InboxItem(message, null), cancellationToken);

    /// <summary>
    /// Hands a line to the pipeline and completes once it was handled and its replies are in the
    /// platform's outbox (the local test chat answers its HTTP request with them).
    /// </summary>
    public async Task SubmitAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new InboxItem(message, done), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Hands a moderation action (ban, time-out, deletion) to the pipeline, in line with the chat lines read
    /// before it, so that their answers and questions are withdrawn too.
    /// </summary>
    public ValueTask PublishAsync(ChatModeration moderation, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(new InboxItem(null, null) { Moderation = moderation }, cancellationToken);

    /// <summary>Lines waiting to be handled.</summary>
    public int Pending => _channel.Reader.Count;

    internal ChannelReader<InboxItem> Reader => _channel.Reader;

    /// <summary>A chat line (<see cref="Message"/>) or a moderation action (<see cref="Moderation"/>).</summary>
    internal sealed record InboxItem(ChatMessage? Message, TaskCompletionSource? Done)
    {
        public ChatModeration? Moderation { get; init; }
    }
}
