using Google.Apis.Services;
using Google.Apis.Util;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube.Api;

/// <summary>The <c>liveBroadcasts</c> resource.</summary>
public sealed class LiveBroadcastsResource(IClientService service)
{
    public LiveBroadcastsListRequest List(Repeatable<string> part) => new(service, part);
}

/// <summary><c>GET youtube/v3/liveBroadcasts</c>: give exactly one of BroadcastStatus, Id, Mine.</summary>
public sealed class LiveBroadcastsListRequest : YouTubeBaseServiceRequest<LiveBroadcastListResponse>
{
    public LiveBroadcastsListRequest(IClientService service, Repeatable<string> part)
        : base(service)
    {
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public Repeatable<string> Part { get; private set; }

    /// <summary>"active", "upcoming", "completed" or "all".</summary>
    [RequestParameter("broadcastStatus", RequestParameterType.Query)]
    public string? BroadcastStatus { get; set; }

    /// <summary>
    /// "all", "event" or "persistent". YouTube defaults to "event", which hides lives started with
    /// "Stream now" (persistent broadcasts): the bot sends "all".
    /// </summary>
    [RequestParameter("broadcastType", RequestParameterType.Query)]
    public string? BroadcastType { get; set; }

    [RequestParameter("id", RequestParameterType.Query)]
    public Repeatable<string>? Id { get; set; }

    [RequestParameter("mine", RequestParameterType.Query)]
    public bool? Mine { get; set; }

    [RequestParameter("maxResults", RequestParameterType.Query)]
    public long? MaxResults { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "youtube/v3/liveBroadcasts";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddQueryParameter("part", required: true);
        AddQueryParameter("broadcastStatus", required: false);
        AddQueryParameter("broadcastType", required: false);
        AddQueryParameter("id", required: false);
        AddQueryParameter("mine", required: false);
        AddQueryParameter("maxResults", required: false);
    }
}
