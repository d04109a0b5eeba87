using Google.Apis.Services;
using Google.Apis.Util;
using LiveBot.YouTube.Api.Data;

namespace LiveBot.YouTube.Api;

/// <summary>The <c>videos</c> resource.</summary>
public sealed class VideosResource(IClientService service)
{
    public VideosListRequest List(Repeatable<string> part) => new(service, part);
}

/// <summary><c>GET youtube/v3/videos</c>.</summary>
public sealed class VideosListRequest : YouTubeBaseServiceRequest<VideoListResponse>
{
    public VideosListRequest(IClientService service, Repeatable<string> part)
        : base(service)
    {
        Part = part;
        InitParameters();
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public Repeatable<string> Part { get; private set; }

    [RequestParameter("id", RequestParameterType.Query)]
    public Repeatable<string>? Id { get; set; }

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "youtube/v3/videos";

    protected override void InitParameters()
    {
        base.InitParameters();
        AddQueryParameter("part", required: true);
        AddQueryParameter("id", required: false);
    }
}
