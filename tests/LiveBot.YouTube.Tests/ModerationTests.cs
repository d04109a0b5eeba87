using System.Globalization;
using System.Text.Json.Nodes;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Questions;
using LiveBot.YouTube.Tests.Fake;

namespace LiveBot.YouTube.Tests;

/// <summary>
/// YouTube's moderation events, served by the fake as <c>liveChatMessages.list</c> items shaped like the real
/// resource (issue 11): <c>userBannedEvent</c> (<c>userBannedDetails.bannedUserDetails.channelId</c>) and
/// <c>messageDeletedEvent</c> (<c>messageDeletedDetails.deletedMessageId</c>) hide the viewer's questions.
/// </summary>
public sealed class ModerationTests
{
    private static readonly Dictionary<string, string> Configured = new() { ["YouTube:LiveChatId"] = "chat-1" };

    [Theory]
    [InlineData("temporary", "auteur exclu temporairement du chat (5 min)")]
    [InlineData("permanent", "auteur banni du chat")]
    public async Task Read_UserBannedEvent_HidesTheViewersOpenQuestions_Issue11(string banType, string reason)
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        var queue = t.Bot.Service<QuestionQueue>();
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        t.Fake.Say("chat-1", "Léa", "!question Comment trouver une entreprise pour mon alternance ?");
        t.Fake.Say("chat-1", "Tom", "!question Quel salaire pour un apprenti de 17 ans ?");
        await t.DriveUntilAsync(() => queue.Counters().Total == 2);

        t.Fake.AddRaw("chat-1", BannedItem("LCC.ban1", "UCLéa", "Léa", banType, t.Time.GetUtcNow()));
        await t.DriveUntilAsync(() => queue.Counters().Hidden == 1);

        var hidden = Assert.Single(queue.List(QuestionStatus.Hidden));
        Assert.Equal(("youtube:UCLéa", reason), (hidden.AuthorId, hidden.HiddenReason));
        Assert.Equal(1, t.Bot.Service<ModerationLedger>().Applied);
    }

    [Fact]
    public async Task Read_MessageDeletedEvent_HidesThatLinesQuestion_Issue11()
    {
        await using var t = await YouTubeTestBot.StartAsync(f => f.StartLive("chat-1"), Configured);
        var queue = t.Bot.Service<QuestionQueue>();
        await t.DriveUntilAsync(() => t.Fake.CallsOf("liveChatMessages.list") >= 1);
        var id = t.Fake.Say("chat-1", "Léa", "!question Comment trouver une entreprise pour mon alternance ?");
        await t.DriveUntilAsync(() => queue.Counters().Total == 1);
        Assert.Equal(id, queue.Get(1)!.SourceMessageId);

        t.Fake.AddRaw("chat-1", DeletedItem("LCC.del1", id, t.Time.GetUtcNow()));
        await t.DriveUntilAsync(() => queue.Counters().Hidden == 1);

        Assert.Equal("message supprimé par la modération", queue.Get(1)!.HiddenReason);
    }

    [Fact]
    public void ToModeration_EventsWithoutTarget_Ignored_Issue11()
    {
        var now = YouTubeTestBot.Start;
        var noChannel = BannedItem("LCC.x", "", "X", "permanent", now).Deserialize();
        var noId = DeletedItem("LCC.y", "", now).Deserialize();

        Assert.True(YouTubeModerationMapper.IsModeration(noChannel));
        Assert.Null(YouTubeModerationMapper.ToModeration(noChannel, "chat-1", now));
        Assert.Null(YouTubeModerationMapper.ToModeration(noId, "chat-1", now));
    }

    private static JsonObject BannedItem(string id, string channelId, string name, string banType, DateTimeOffset at)
    {
        var details = new JsonObject
        {
            ["bannedUserDetails"] = new JsonObject
            {
                ["channelId"] = channelId,
                ["channelUrl"] = "http://www.youtube.com/channel/" + channelId,
                ["displayName"] = name,
                ["profileImageUrl"] = "https://yt3.ggpht.com/a/default-user=s88",
            },
            ["banType"] = banType,
        };
        if (banType == "temporary")
        {
            details["banDurationSeconds"] = "300";
        }

        return Item(id, "userBannedEvent", at, "userBannedDetails", details);
    }

    private static JsonObject DeletedItem(string id, string deletedId, DateTimeOffset at) =>
        Item(id, "messageDeletedEvent", at, "messageDeletedDetails", new JsonObject { ["deletedMessageId"] = deletedId });

    /// <summary>An event as the API lists it: the author is the moderator who acted.</summary>
    private static JsonObject Item(string id, string type, DateTimeOffset at, string detailsKey, JsonObject details) => new()
    {
        ["kind"] = "youtube#liveChatMessage",
        ["etag"] = "etag-" + id,
        ["id"] = id,
        ["snippet"] = new JsonObject
        {
            ["type"] = type,
            ["liveChatId"] = "chat-1",
            ["authorChannelId"] = "UCmodo",
            ["publishedAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            ["hasDisplayContent"] = true,
            ["displayMessage"] = type == "userBannedEvent" ? "Un modérateur a banni un utilisateur" : "Un message a été supprimé",
            [detailsKey] = details,
        },
        ["authorDetails"] = new JsonObject { ["channelId"] = "UCmodo", ["displayName"] = "Modo", ["isChatModerator"] = true },
    };
}

internal static class ItemJson
{
    public static LiveBot.YouTube.Api.Data.LiveChatMessage Deserialize(this JsonObject item) =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<LiveBot.YouTube.Api.Data.LiveChatMessage>(item.ToJsonString())!;
}
