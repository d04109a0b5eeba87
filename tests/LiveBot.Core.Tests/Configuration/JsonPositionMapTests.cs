using System.Text;
using System.Text.Json;
using LiveBot.Core.Configuration;

namespace LiveBot.Core.Tests.Configuration;

public sealed class JsonPositionMapTests
{
    [Theory]
    [InlineData("commands", 2, 15)]
    [InlineData("commands[1]", 4, 5)]
    [InlineData("commands[1].name", 4, 15)]
    [InlineData("commands[1].aliases[1]", 4, 37)]
    [InlineData("timers", 6, 13)]
    [InlineData("commands[7].name", 2, 15)]
    public void Find_Path_LineAndColumn(string path, int line, int column)
    {
        const string json = "{\n  \"commands\": [\n    { \"name\": \"a\" },\n    { \"name\": \"é\", \"aliases\": [\"x\", \"y\"] }\n  ],\n  \"timers\": []\n}";

        var map = JsonPositionMap.Build(Encoding.UTF8.GetBytes(json), default(JsonReaderOptions));

        Assert.Equal((line, column), map.Find(path));
    }
}
