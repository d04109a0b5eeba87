using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Configuration;
using LiveBot.Twitch.Auth;
using LiveBot.Twitch.Connection;
using LiveBot.Twitch.Irc;
using LiveBot.Twitch.Irc.Handlers;
using LiveBot.Twitch.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBot.Twitch;

public static class TwitchServiceCollectionExtensions
{
    /// <summary>
    /// Twitch chat when <c>Twitch:Enabled</c> is true: the client is registered once and forwarded as the
    /// "twitch" <see cref="IChatPlatform"/> and as the hosted service that owns the connection; its parts
    /// (connection, IRC handlers, tokens, outbox on the Core kit) are registered here too.
    /// Disabled, nothing is registered and nothing connects.
    /// </summary>
    public static IServiceCollection AddTwitchChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatPlatformName(TwitchChatClient.PlatformName);
        var section = configuration.GetSection(TwitchOptions.Section);
        if (!section.GetValue<bool>(nameof(TwitchOptions.Enabled)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatInbox>();
        services.AddOptions<TwitchOptions>().BindConfiguration(TwitchOptions.Section).ValidateWith(new TwitchOptionsValidator());
        services.AddHttpClient<TwitchAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<TwitchTokens>();
        services.AddSingleton<TwitchChatState>();
        services.AddSingleton<JoinPacer>();
        services.AddSingleton<TwitchConnection>();
        services.AddSingleton<TwitchLink>();
        services.AddSingleton<IOutboxTransport>(sp => sp.GetRequiredService<TwitchLink>());
        services.AddSingleton<TwitchSendPolicy>();
        services.AddSingleton<TwitchOutbox>();
        services.AddSingleton<IIrcHandler, PrivmsgHandler>();
        services.AddSingleton<IIrcHandler, PingHandler>();
        services.AddSingleton<IIrcHandler, PongHandler>();
        services.AddSingleton<IIrcHandler, SessionHandler>();
        services.AddSingleton<IIrcHandler, MembershipHandler>();
        services.AddSingleton<IIrcHandler, NoticeHandler>();
        services.AddSingleton<IIrcHandler, RoomStateHandler>();
        services.AddSingleton<IIrcHandler, ModerationHandler>();
        services.AddSingleton<IrcDispatcher>();
        services.AddSingleton<TwitchChatClient>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TwitchChatClient>());
        services.AddSingleton<IChatModerationHandler>(sp => sp.GetRequiredService<TwitchChatClient>());
        services.AddHostedService(sp => sp.GetRequiredService<TwitchChatClient>());
        return services;
    }
}
