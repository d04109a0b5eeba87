using System.Text;
using CsCheck;
using LiveBot.Testing;
using Google.Apis.Json;
using LiveBot.Core.Text;
using LiveBot.YouTube.Api;

namespace LiveBot.YouTube.Tests.Fuzz;

/// <summary>
/// Issue 13: property tests (CsCheck, seeded, single thread) of YouTube's chat pages: the streamed reader
/// either reads a page or says the body is broken (FormatException, JsonException), and every item it reads
/// maps to a valid chat line or to nothing, never an exception.
/// </summary>
public sealed class YouTubePagePropertyTests
{
    /// <summary>JSON string literals, escapes of lone surrogates and noncharacters included.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char["!question aé😀 \"\\/.<>"].Array[0, 40].Select(c => new string(c)).Select(Quote),
        Gen.OneOf("\"\\ud83d\"", "\"\\ude00 seul\"", "\"\\uFFFE\\uFFFF\"", "\"!question \\u0000\\u001f\"", "\"\"", "\"@\""),
        Gen.Const("\"!question " + new string('a', 1_990) + "\\ud83d\\ude00 fin\""));

    /// <summary>Any JSON value: the right type or a swapped one.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        Text,
        Gen.OneOf("null", "0", "-1", "1e400", "true", "[]", "{}", "[null]", "\"2026-13-45T99:00:00Z\"", "\"2026-03-12T18:00:00Z\""));

    private static readonly Gen<string> Snippet = Gen.Select(
            Gen.OneOf(Gen.OneOf("\"textMessageEvent\"", "\"superChatEvent\"", "\"memberMilestoneChatEvent\"", "\"messageDeletedEvent\"", "\"userBannedEvent\""), Value),
            Value, Value, Value, Value)
        .Select(t => $"{{\"type\":{t.Item1},\"displayMessage\":{t.Item2},\"textMessageDetails\":{{\"messageText\":{t.Item3}}},\"superChatDetails\":{{\"userComment\":{t.Item4}}},\"publishedAt\":{t.Item5},\"authorChannelId\":\"UC1\"}}");

    private static readonly Gen<string> Item = Gen.Select(Value, Gen.OneOf(Snippet, Value), Gen.OneOf(
            Gen.Select(Value, Value, Gen.OneOf("true", "false", "null", "1")).Select(t => $"{{\"channelId\":{t.Item1},\"displayName\":{t.Item2},\"isChatOwner\":{t.Item3}}}"),
            Value))
        .Select(t => $"{{\"id\":{t.Item1},\"snippet\":{t.Item2},\"authorDetails\":{t.Item3}}}");

    private static readonly Gen<string> Page = Gen.Select(Item.Array[0, 6], Value, Gen.OneOf("", ",\"pollingIntervalMillis\":\"x\"", ",\"pageInfo\":5"))
        .Select(t => $"{{\"nextPageToken\":{t.Item2},\"items\":[{string.Join(',', t.Item1)}]{t.Item3}}}");

    /// <summary>A body of pages, sometimes cut or garbled at a random place.</summary>
    private static readonly Gen<(string Body, int Chunk)> Bodies = Gen.Select(
        Page.Array[1, 3].Select(p => "[" + string.Join(',', p) + "]"),
        Gen.Int[0, 100],
        Gen.Int[1, 600],
        Gen.OneOf(string.Empty, "}", "]", "\"", "\\", "\0"))
        .Select(t => (t.Item1.Length > 0 && t.Item2 < 15 ? t.Item1[..(t.Item1.Length * t.Item2 / 15)] + t.Item4 : t.Item1, t.Item3));

    [Fact]
    public async Task ReadNextAndMap_HostilePages_ReadOrRefusedNeverOtherException_Issue13()
    {
        var samples = Property.Inputs(Bodies, 400);
        foreach (var (body, chunk) in samples)
        {
            await using var stream = new LiveChatMessageStream(new HttpResponseMessage(), new MemoryStream(Encoding.UTF8.GetBytes(body)), NewtonsoftJsonSerializer.Instance);
            try
            {
                while (await stream.ReadNextAsync((s, buffer) => s.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)])) is { } page)
                {
                    foreach (var item in page.Items ?? [])
                    {
                        if (item is null)
                        {
                            continue;
                        }

                        _ = YouTubeModerationMapper.IsModeration(item) ? YouTubeModerationMapper.ToModeration(item, "chat", DateTimeOffset.UnixEpoch) : null;
                        if (YouTubeMessageMapper.ToChatMessage(item, "chat", DateTimeOffset.UnixEpoch) is { } message)
                        {
                            Assert.True(UnicodeText.IsValid(message.Text), body);
                            Assert.True(message.Text.Length <= YouTubeMessageMapper.MaxTextLength, body);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is FormatException or Newtonsoft.Json.JsonException)
            {
                // A broken body is refused as such: the client logs it and polls again.
            }
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
