using System.Threading.Channels;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveBot.Polls;

/// <summary>
/// Posts each poll once in every connected chat when it opens, and its result once when it closes, each fitted
/// to the platform's message length. On YouTube that is two inserts per poll; the result carries a short form
/// the outbox sends instead when the reply budget is low. Off the box's lock: changes go through a channel.
/// </summary>
public sealed partial class PollAnnouncer : BackgroundService
{
    private readonly PollBox _polls;
    private readonly ModeratorFile<CommandSet> _commands;
    private readonly PlatformRegistry _platforms;
    private readonly TimeProvider _time;
    private readonly ILogger<PollAnnouncer> _logger;
    private readonly Channel<Poll> _pending = Channel.CreateUnbounded<Poll>(new UnboundedChannelOptions { SingleReader = true });

    public PollAnnouncer(PollBox polls, ModeratorFile<CommandSet> commands, PlatformRegistry platforms, TimeProvider time, ILogger<PollAnnouncer> logger)
    {
        _polls = polls;
        _commands = commands;
        _platforms = platforms;
        _time = time;
        _logger = logger;
        _polls.Changed += OnChanged;
    }

    /// <summary>Messages handed to the outboxes (announcements and results), for tests and /healthz.</summary>
    public long Posted => Interlocked.Read(ref _posted);

    private long _posted;

    public override void Dispose()
    {
        _polls.Changed -= OnChanged;
        base.Dispose();
    }

    /// <summary>Posts the announcement (open poll) or the result (closed poll) of <paramref name="poll"/> in every connected chat.</summary>
    public async Task PostAsync(Poll poll, CancellationToken cancellationToken)
    {
        var commands = _commands.Current;
        foreach (var platform in _platforms.All)
        {
            foreach (var channel in platform.ConnectedChannels.ToList())
            {
                var max = Math.Max(20, platform.MaxMessageLength);
                OutgoingMessage message;
                if (poll.IsOpen)
                {
                    var text = PollTexts.Announce(poll, commands, platform.Name, max);
                    message = new OutgoingMessage(platform.Name, channel, text, _time.GetUtcNow()) { ShortText = text };
                }
                else
                {
                    var (text, shortText) = PollTexts.Result(poll, commands, platform.Name, max);
                    message = new OutgoingMessage(platform.Name, channel, text, _time.GetUtcNow()) { ShortText = shortText };
                }

                try
                {
                    if (await platform.EnqueueAsync(message, cancellationToken))
                    {
                        Interlocked.Increment(ref _posted);
                    }
                    else
                    {
                        Log.Refused(_logger, platform.Name, poll.Id);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.Failed(_logger, platform.Name, poll.Id, ex);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var poll in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                await PostAsync(poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnChanged(PollChange change)
    {
        if (change.Kind is PollChange.Opened or PollChange.Closed && change.Poll is { } poll)
        {
            _pending.Writer.TryWrite(poll);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The {Platform} outbox refused the message of poll #{Id}")]
        public static partial void Refused(ILogger logger, string platform, int id);

        [LoggerMessage(Level = LogLevel.Error, Message = "The message of poll #{Id} could not be queued for {Platform}")]
        public static partial void Failed(ILogger logger, string platform, int id, Exception exception);
    }
}
