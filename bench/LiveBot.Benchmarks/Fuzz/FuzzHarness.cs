using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Apis.Json;
using LiveBot.Core.Chat;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Text;
using LiveBot.Offers;
using LiveBot.Offers.Index;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sectors;
using LiveBot.Questions.Moderation;
using LiveBot.Testing;
using LiveBot.Testing.Twitch;
using LiveBot.Twitch.Irc;
using LiveBot.YouTube;
using LiveBot.YouTube.Api;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Benchmarks.Fuzz;

/// <summary>
/// <c>harness fuzz [total] [parsers]</c> (issue 13): runs <c>total</c> hostile inputs (10,000,000 by default) split evenly
/// across every parser of untrusted input, on one thread, from fixed seeds; prints per parser the inputs, how
/// many were refused as documented (a French error, a "broken JSON" exception the caller handles), the
/// exceptions that escaped (must be 0) and inputs per second. Exit code 1 when any exception escaped.
/// </summary>
public static class FuzzHarness
{
    public static void Register() => Harnesses.Register("fuzz", RunAsync);

    /// <summary>One parser: runs one input and says whether it was refused as documented.</summary>
    private sealed record Target(string Name, Func<FuzzInputs, ValueTask<bool>> RunOne);

    /// <summary>"5-9" or "5": which parsers (1-based, in table order) to run; each keeps its seed, so a part of a run gives the same inputs as the whole.</summary>
    private static (int From, int To) Range(string text, int count)
    {
        var parts = text.Split('-');
        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var to = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from;
        return (Math.Clamp(from, 1, count), Math.Clamp(to, from, count));
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        await using var bot = await BotHost.StartAsync();
        var targets = Targets(bot, FindConfigFolder());
        var perTarget = total / targets.Count;
        var (from, to) = args.Length > 1 ? Range(args[1], targets.Count) : (1, targets.Count);
        Console.WriteLine($"fuzz: {total:N0} inputs, {perTarget:N0} per parser, parsers {from}-{to}, one thread, fixed seeds");
        Console.WriteLine("| Parser | Inputs | Refused as documented | Exceptions | Inputs/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        long allInputs = 0, allExceptions = 0;
        var allTime = TimeSpan.Zero;
        for (var t = from - 1; t < to; t++)
        {
            var target = targets[t];
            var inputs = new FuzzInputs(13 + t);
            long refused = 0, exceptions = 0;
            var first = new Dictionary<string, string>();
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < perTarget; i++)
            {
                try
                {
                    if (await target.RunOne(inputs))
                    {
                        refused++;
                    }
                }
                catch (Exception ex)
                {
                    exceptions++;
                    first.TryAdd(ex.GetType().Name, ReplyText.Truncate(ex.Message, 80));
                }
            }

            watch.Stop();
            allInputs += perTarget;
            allExceptions += exceptions;
            allTime += watch.Elapsed;
            Console.WriteLine($"| {target.Name} | {perTarget:N0} | {refused:N0} | {exceptions:N0} | {perTarget / watch.Elapsed.TotalSeconds:N0} |");
            foreach (var (type, message) in first)
            {
                Console.WriteLine($"|   first {type}: {message} | | | | |");
            }
        }

        Console.WriteLine($"| **all** | {allInputs:N0} | | {allExceptions:N0} | {allInputs / allTime.TotalSeconds:N0} |");
        Console.WriteLine($"total time {allTime.TotalSeconds:N1} s");
        return allExceptions == 0 ? 0 : 1;
    }

    private static List<Target> Targets(BotHost bot, string config)
    {
        var commands = new CommandsFileValidator(bot.App.Services.GetServices<IChatCommand>(), bot.App.Services.GetServices<ChatPlatformName>());
        var sectors = new SectorsFileValidator(bot.Service<OffersData>().Jobs);
        var offers = new OfferRequestParser(bot.Service<OffersData>().Places, bot.Service<OffersData>().Jobs);
        var buffer = new IrcLineBuffer();
        return
        [
            new("IRC line", inputs => ValueTask.FromResult(IrcLine(inputs.Random.Next(3) == 0 ? inputs.Text(300) : inputs.Mutate(inputs.Pick(FuzzSamples.IrcLines))))),
            new("IRC line buffer", inputs => ValueTask.FromResult(IrcChunk(buffer, inputs))),
            new("YouTube page + mapper", inputs => YouTubePageAsync(inputs.Mutate(inputs.Pick(FuzzSamples.YouTubePages)), inputs.Random.Next(1, 400))),
            new("commands.json", inputs => ValueTask.FromResult(File(commands.Parse, File(config, "commands.json"), inputs))),
            new("sectors.json", inputs => ValueTask.FromResult(File(sectors.Parse, File(config, "sectors.json"), inputs))),
            new("moderation.json", inputs => ValueTask.FromResult(File(ModerationFile.Parse, File(config, "moderation.json"), inputs))),
            new("chat command + folding", inputs => ValueTask.FromResult(ChatLine(inputs.Random.Next(3) == 0 ? "!" + inputs.Text(600) : inputs.Mutate(inputs.Pick(FuzzSamples.ChatLines))))),
            new("offer request", inputs => ValueTask.FromResult(OfferRequest(offers, inputs.Random.Next(3) == 0 ? inputs.Text(60) : inputs.Mutate(inputs.Pick(FuzzSamples.OfferRequests))))),
            new("API Alternance export", inputs => ExportAsync(inputs.Mutate(FuzzSamples.Export))),
        ];
    }

    private static bool IrcLine(string line)
    {
        if (!IrcMessage.TryParse(line, out var message))
        {
            return true;
        }

        _ = message.GetTags();
        if (TwitchMessageReader.ToChatMessage(message, DateTimeOffset.UnixEpoch) is { } chat && !UnicodeText.IsValid(chat.Text))
        {
            throw new InvalidOperationException("invariant: chat text not valid Unicode");
        }

        return false;
    }

    private static bool IrcChunk(IrcLineBuffer buffer, FuzzInputs inputs)
    {
        var chunk = inputs.Random.Next(4) == 0 ? Encoding.UTF8.GetBytes(inputs.Mutate(inputs.Pick(FuzzSamples.IrcLines)) + "\r\n") : new byte[inputs.Random.Next(1, 2_000)];
        if (chunk.Length > 0 && chunk[^1] != '\n')
        {
            inputs.Random.NextBytes(chunk);
        }

        IrcFeed.Feed(buffer, chunk, static line =>
        {
            if (line.Contains('\n'))
            {
                throw new InvalidOperationException("invariant: a line holds a line feed");
            }

            _ = IrcMessage.TryParse(line, out _);
        });

        return false;
    }

    private static async ValueTask<bool> YouTubePageAsync(string body, int chunk)
    {
        await using var stream = new LiveChatMessageStream(new HttpResponseMessage(), new MemoryStream(Encoding.UTF8.GetBytes(body)), NewtonsoftJsonSerializer.Instance);
        try
        {
            while (await stream.ReadNextAsync((s, buffer) => s.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)])) is { } page)
            {
                foreach (var item in page.Items ?? [])
                {
                    if (item is not null && YouTubeMessageMapper.ToChatMessage(item, "chat", DateTimeOffset.UnixEpoch) is { } message && !UnicodeText.IsValid(message.Text))
                    {
                        throw new InvalidOperationException("invariant: chat text not valid Unicode");
                    }
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is FormatException or Newtonsoft.Json.JsonException)
        {
            return true;
        }
    }

    private static bool File<T>(Func<byte[], (T? Value, ConfigError? Error)> parse, string original, FuzzInputs inputs)
        where T : class
    {
        var (value, error) = parse(Encoding.UTF8.GetBytes(inputs.Mutate(original)));
        if (value is null == error is null)
        {
            throw new InvalidOperationException("invariant: a model xor an error");
        }

        return error is not null;
    }

    private static bool ChatLine(string line)
    {
        if (!ChatPipeline.TryParse(UnicodeText.MakeValid(line), "!", out _, out var args))
        {
            return true;
        }

        var reply = ReplyText.Sanitize("echo " + args);
        _ = TextFolding.Fold(args);
        _ = TextFolding.Fold(line);
        if (args.Length > ChatPipeline.MaxArgsLength || !UnicodeText.IsValid(args) || reply.Contains('\n') || reply.StartsWith('/') || reply.StartsWith('.'))
        {
            throw new InvalidOperationException("invariant: arguments or reply unsafe");
        }

        return false;
    }

    private static bool OfferRequest(OfferRequestParser parser, string args)
    {
        var request = parser.Parse(args);
        return request.Status != OfferRequestStatus.Ok;
    }

    private static async ValueTask<bool> ExportAsync(string body)
    {
        try
        {
            await ExportReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), FuzzSamples.Now, _ => { }, CancellationToken.None);
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    private static readonly Dictionary<string, string> Files = [];

    private static string File(string folder, string name)
    {
        if (!Files.TryGetValue(name, out var text))
        {
            text = System.IO.File.ReadAllText(Path.Combine(folder, name));
            Files[name] = text;
        }

        return text;
    }

    private static string FindConfigFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var config = Path.Combine(folder.FullName, "config");
            if (System.IO.File.Exists(Path.Combine(config, "commands.json")))
            {
                return config;
            }
        }

        throw new DirectoryNotFoundException("config/commands.json introuvable au-dessus de " + AppContext.BaseDirectory);
    }
}
