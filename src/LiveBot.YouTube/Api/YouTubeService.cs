using Google.Apis.Services;

namespace LiveBot.YouTube.Api;

/// <summary>
/// The slice of the YouTube Data API v3 the bot uses, shaped like the generated <c>Google.Apis.YouTube.v3</c>
/// client (same class, resource and request names) so that package could replace this folder.
/// <see cref="BaseClientService.Initializer.BaseUri"/> points it at another server (a local fake in tests).
/// </summary>
public sealed class YouTubeService : BaseClientService
{
    public const string DefaultBaseUri = "https://youtube.googleapis.com/";

    /// <summary>OAuth scope allowing to read and post in live chats.</summary>
    public const string YoutubeForceSslScope = "https://www.googleapis.com/auth/youtube.force-ssl";

    public YouTubeService(Initializer initializer)
        : base(initializer)
    {
        BaseUri = GetEffectiveUri(BaseUriOverride, DefaultBaseUri);
        BatchUri = GetEffectiveUri(null, DefaultBaseUri + "batch");
        LiveBroadcasts = new LiveBroadcastsResource(this);
        Videos = new VideosResource(this);
        LiveChatMessages = new LiveChatMessagesResource(this);
    }

    public override IList<string> Features => [];

    public override string Name => "youtube";

    public override string BaseUri { get; }

    public override string BasePath => "";

    public override string BatchUri { get; }

    public override string BatchPath => "batch";

    public LiveBroadcastsResource LiveBroadcasts { get; }

    public VideosResource Videos { get; }

    public LiveChatMessagesResource LiveChatMessages { get; }
}
