using LiveBot.Core.Chat;
using LiveBot.Core.Configuration;
using LiveBot.Core.Metrics;
using LiveBot.Core.Storage;
using LiveBot.YouTube.Quota;
using LiveBot.YouTube.Reading;
using LiveBot.YouTube.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBot.YouTube;

public static class YouTubeServiceCollectionExtensions
{
    /// <summary>
    /// The YouTube live chat, when <c>YouTube:Enabled</c> is true (off by default: then nothing is
    /// registered and nothing is called).
    /// </summary>
    public static IServiceCollection AddYouTubeChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatPlatformName(YouTubeChatClient.PlatformName);
        var section = configuration.GetSection(YouTubeOptions.Section);
        if (!section.GetValue<bool>(nameof(YouTubeOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<YouTubeOptions>().BindConfiguration(YouTubeOptions.Section).ValidateWith(new YouTubeOptionsValidator());
        services.AddLiveBotStorage();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QuotaLedger>();
        services.AddMetricInstruments<YouTubeMetrics>();
        services.AddSingleton<YouTubeGateway>();
        services.AddSingleton<YouTubeChatState>();
        services.AddSingleton<ReaderActivity>();
        services.AddSingleton<OwnEchoFilter>();
        services.AddSingleton<LiveLocator>();
        services.AddSingleton<PageHandler>();
        services.AddSingleton<StreamWatchdog>();
        services.AddSingleton<StreamingReader>();
        services.AddSingleton<ChatReader>();
        services.AddSingleton<YouTubeSendPolicy>();
        services.AddSingleton<YouTubeChatClient>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<YouTubeChatClient>());
        services.AddSingleton<LiveBot.Core.Chat.Moderation.IChatModerationHandler>(sp => sp.GetRequiredService<YouTubeChatClient>());
        services.AddHostedService(sp => sp.GetRequiredService<YouTubeChatClient>());
        return services;
    }
}
