using Google.Apis.Services;
using Google.Apis.Util;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube.Api;

/// <summary>The <c>liveChatMessages</c> resource.</summary>
public sealed class LiveChatMessagesResource(IClientService service)
{
    public LiveChatMessagesListRequest List(string liveChatId, Repeatable<string> part) => new(service, liveChatId, part);

    public LiveChatMessagesInsertRequest Insert(LiveChatMessage body, Repeatable<string> part) => new(service, body, part);

    public LiveChatMessagesDeleteRequest Delete(string id) => new(service, id);
}

/// <summary><c>GET youtube/v3/liveChat/messages</c>.</summary>
public sealed class LiveChatMessagesListRequest : YouTubeBaseServiceRequest<LiveChatMessageListResponse>
{
    public LiveChatMessagesListRequest(IClientService service, string liveChatId, Repeatable<string> part)
        : base(service)
    {
        LiveChatId = liveChatId;
        Part = part;
        InitParameters();
    }

    [RequestParameter("liveChatId", RequestParameterType.Query)]
    public string LiveChatId { get; private set; }

    [RequestParameter("part", RequestParameterType.Query)]
    public Repeatable<string> Part { get; private set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    /// <summary>200 to 2000.</summary>
    [RequestParameter("maxResults", RequestParameterType.Query)]
    public long? MaxResults { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "youtube/v3/liveChat/messages";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddQueryParameter("liveChatId", required: true);
        AddQueryParameter("part", required: true);
        AddQueryParameter("pageToken", required: false);
        AddQueryParameter("maxResults", required: false);
    }
}

/// <summary><c>POST youtube/v3/liveChat/messages</c>.</summary>
public sealed class LiveChatMessagesInsertRequest : YouTubeBaseServiceRequest<LiveChatMessage>
{
    public LiveChatMessagesInsertRequest(IClientService service, LiveChatMessage body, Repeatable<string> part)
        : base(service)
    {
        Body = body;
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public Repeatable<string> Part { get; private set; }

    private LiveChatMessage Body { get; set; }

    public override string MethodName => "insert";

    public override string HttpMethod => "POST";

    public override string RestPath => "youtube/v3/liveChat/messages";

    protected override object GetBody() => Body;

    protected override void InitParameters()
    {
        base.InitParameters();
        AddQueryParameter("part", required: true);
    }
}

/// <summary><c>DELETE youtube/v3/liveChat/messages?id=…</c> (204, empty body).</summary>
public sealed class LiveChatMessagesDeleteRequest : YouTubeBaseServiceRequest<string>
{
    public LiveChatMessagesDeleteRequest(IClientService service, string id)
        : base(service)
    {
        Id = id;
        InitParameters();
    }

    [RequestParameter("id", RequestParameterType.Query)]
    public string Id { get; private set; }

    public override string MethodName => "delete";

    public override string HttpMethod => "DELETE";

    public override string RestPath => "youtube/v3/liveChat/messages";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddQueryParameter("id", required: true);
    }
}
