using System.Text;
using Google.Apis.Json;
using LiveBot.YouTube.Api;

namespace LiveBot.YouTube.Tests.Api;

public sealed class LiveChatMessageStreamTests
{
    private const string Tricky = """
        [{"nextPageToken":"p1","items":[{"id":"a","snippet":{"type":"textMessageEvent","displayMessage":"} ] { [ \" \\ é 🎉"}}]}
        ,{"nextPageToken":"p2","items":[],"pageInfo":{"totalResults":0}}
        ]
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadNext_AnyChunking_SameResponsesThenCleanEnd(int chunk)
    {
        await using var stream = Open(Tricky);

        var first = await stream.ReadNextAsync(Chunked(chunk));
        var second = await stream.ReadNextAsync(Chunked(chunk));
        var end = await stream.ReadNextAsync(Chunked(chunk));

        Assert.Equal("p1", first!.NextPageToken);
        Assert.Equal("} ] { [ \" \\ é 🎉", first.Items![0].Snippet!.DisplayMessage);
        Assert.Equal("p2", second!.NextPageToken);
        Assert.Null(end);
        Assert.True(stream.Completed);
    }

    [Fact]
    public async Task ReadNext_ConnectionDroppedMidElement_NullNotCompleted()
    {
        await using var stream = Open("""[{"nextPageToken":"p1","items":[]},{"nextPageToken":"p2","ite""");

        Assert.Equal("p1", (await stream.ReadNextAsync(Chunked(5)))!.NextPageToken);
        Assert.Null(await stream.ReadNextAsync(Chunked(5)));
        Assert.False(stream.Completed);
    }

    [Theory]
    [InlineData("""{"items":[]}""")]
    [InlineData("[1,2]")]
    [InlineData("""["x"]""")]
    [InlineData("<html>Not Found</html>")]
    public async Task ReadNext_NotAnArrayOfObjects_FormatException(string body)
    {
        await using var stream = Open(body);

        await Assert.ThrowsAsync<FormatException>(async () => await stream.ReadNextAsync(Chunked(64)));
    }

    [Fact]
    public async Task ReadNext_ElementBeyondLimit_FormatException()
    {
        await using var stream = Open("[{\"etag\":\"" + new string('x', LiveChatMessageStream.MaxElementBytes) + "\"}]");

        await Assert.ThrowsAsync<FormatException>(async () => await stream.ReadNextAsync(Chunked(65_536)));
    }

    [Fact]
    public async Task ReadNext_ElementOfWrongShape_SerializerExceptionNotCrash()
    {
        await using var stream = Open("""[{"items":5}]""");

        await Assert.ThrowsAnyAsync<Newtonsoft.Json.JsonException>(async () => await stream.ReadNextAsync(Chunked(64)));
    }

    private static LiveChatMessageStream Open(string body) =>
        new(new HttpResponseMessage(), new MemoryStream(Encoding.UTF8.GetBytes(body)), NewtonsoftJsonSerializer.Instance);

    private static Func<Stream, Memory<byte>, ValueTask<int>> Chunked(int size) =>
        (body, buffer) => body.ReadAsync(buffer[..Math.Min(size, buffer.Length)]);
}
