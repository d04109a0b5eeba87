using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using LiveBot.Core.Metrics;
using LiveBot.Core.Stats;
using LiveBot.Core.Storage;
using LiveBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Commands;

/// <summary>
/// The one path of every chat line: parse the command, check permission and cooldowns, run the handler,
/// and turn its answer into a sanitised message for the outbox of the platform it came from.
/// </summary>
public sealed partial class ChatPipeline(
    ModeratorFile<CommandSet> commandsFile,
    CooldownTracker cooldowns,
    CounterStore counters,
    ChatActivity activity,
    PlatformRegistry platforms,
    TimeProvider time,
    ILogger<ChatPipeline> logger,
    ILiveStats? stats = null,
    ChatMetrics? metrics = null)
{
    /// <summary>Longer command lines are cut before parsing: nobody types 1,000 characters of arguments.</summary>
    public const int MaxArgsLength = 500;

    /// <summary>The answer when the storage failed (disk full, I/O error): nothing was recorded.</summary>
    public const string StorageApology = "désolé, je n'arrive pas à enregistrer pour le moment (souci de stockage de notre côté) : rien n'a été pris en compte, réessaie dans quelques minutes !";

    private const int MaxNameLength = 40;
    private readonly RecentIds _seen = new(20_000);
    private readonly ILiveStats _stats = LiveStatsPair.Of(stats, metrics);

    /// <summary>Handles one line and returns what to send back (zero or one message).</summary>
    public async ValueTask<IReadOnlyList<OutgoingMessage>> ProcessAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (!_seen.Add(message.Platform + "|" + message.Id))
        {
            return [];
        }

        activity.Count(message.Platform, message.Channel);
        _stats.ChatLine(message.Platform, time.GetUtcNow());
        var set = commandsFile.Current;
        if (!TryParse(message.Text, set.Prefix, out var name, out var args))
        {
            return [];
        }

        var command = set.Find(name);
        if (command?.Handler?.Info.RouteArgs?.Invoke(args) is { } routedId && set.FindById(routedId) is { } routed)
        {
            command = routed;
        }

        if (command is null || !command.Enabled || !command.IsAvailableOn(message.Platform))
        {
            return [];
        }

        if (message.Role < command.Permission || !cooldowns.TryStart(command, message))
        {
            _stats.Command(message.Platform, command.Id, answered: false, time.GetUtcNow());
            return [];
        }

        var platform = platforms.Find(message.Platform);
        var maxLength = platform?.MaxMessageLength ?? CommandsFileValidator.MaxReplyLength;
        var maxParts = platform?.MaxParts ?? 1;
        var context = new CommandContext(message, command, set, name, args, maxLength) { Stats = _stats };
        Reply? reply;
        try
        {
            reply = command.Handler is { } handler
                ? await handler.HandleAsync(context, cancellationToken)
                : RenderCustom(command, context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (StorageUnavailableException.IsStorageFailure(ex))
        {
            // Issue 13: nothing was stored, so nothing is confirmed; the store reopens itself for the next try.
            Log.StorageFailed(logger, command.Name, message.Platform, StorageUnavailableException.IsDiskFull(ex));
            reply = new Reply(StorageApology);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, command.Name, message.Platform, ex);
            reply = new Reply("Oups, petit souci de notre côté. Réessaie dans un instant !");
        }

        var text = ReplyText.Sanitize(reply?.Text);
        _stats.Command(message.Platform, command.Id, answered: reply is not null && text.Length > 0, time.GetUtcNow());
        if (reply is null || text.Length == 0)
        {
            return [];
        }

        // An outbox sends at most MaxParts messages for one reply; anything longer is cut here.
        if (text.Length > maxParts * maxLength)
        {
            text = ReplyText.Truncate(text, maxParts * maxLength);
        }

        return
        [
            new OutgoingMessage(message.Platform, message.Channel, text, time.GetUtcNow())
            {
                InReplyTo = message,
                MergeKey = reply.MergeKey,
                ShortText = reply.ShortText is null ? null : ReplyText.Sanitize(reply.ShortText),
            },
        ];
    }

    /// <summary>Splits "!name args" into its parts; false when the line is no command.</summary>
    public static bool TryParse(string text, string prefix, out string name, out string args)
    {
        name = args = string.Empty;
        var span = text.AsSpan().Trim();
        while (span.Length > 0 && (span[0] is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || char.IsControl(span[0])))
        {
            span = span[1..];
        }

        if (!span.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        span = span[prefix.Length..];
        var end = 0;
        while (end < span.Length && !char.IsWhiteSpace(span[end]))
        {
            end++;
        }

        if (end == 0 || end > MaxNameLength)
        {
            return false;
        }

        name = span[..end].ToString();
        var rest = span[end..].Trim();
        // Issue 13: never cut an emoji in half at the limit (a lone surrogate breaks normalization).
        rest = UnicodeText.Cut(rest, MaxArgsLength);

        args = ReplyText.Sanitize(rest.ToString());
        return true;
    }

    private Reply RenderCustom(CommandDefinition command, CommandContext context)
    {
        var count = counters.Increment("command:" + command.Id);
        var text = ReplyTemplate.Render(command.Reply ?? string.Empty, variable => variable switch
        {
            "user" => context.Message.DisplayName,
            "args" => context.Args,
            "platform" => context.Message.Platform,
            "channel" => context.Message.Channel,
            "count" => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when variable.StartsWith("arg", StringComparison.Ordinal) && int.TryParse(variable.AsSpan(3), out var n) && n >= 1 =>
                n <= context.ArgList.Count ? context.ArgList[n - 1] : string.Empty,
            _ => null,
        });
        return new Reply(text);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed on {Platform}")]
        public static partial void HandlerFailed(ILogger logger, string command, string platform, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} on {Platform} not stored (disk full: {DiskFull}); the viewer was told")]
        public static partial void StorageFailed(ILogger logger, string command, string platform, bool diskFull);
    }
}
