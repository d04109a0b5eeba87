using LiveBot.Core.Chat;

namespace LiveBot.Chat.Local;

public static class LocalChatServiceCollectionExtensions
{
    /// <summary>
    /// The local test chat: on when no real platform is enabled (or when <c>LocalChat:Enabled</c> is true),
    /// off when <c>LocalChat:Enabled</c> is false.
    /// </summary>
    public static IServiceCollection AddLocalChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatPlatformName(LocalChatPlatform.PlatformName);
        var options = configuration.GetSection(LocalChatOptions.Section).Get<LocalChatOptions>() ?? new LocalChatOptions();
        var enabled = options.Enabled ?? !(configuration.GetValue<bool>("Twitch:Enabled") || configuration.GetValue<bool>("YouTube:Enabled"));
        services.AddOptions<LocalChatOptions>()
            .BindConfiguration(LocalChatOptions.Section)
            .PostConfigure(o => o.Enabled = enabled);
        services.AddSingleton<LocalChatPlatform>();
        if (enabled)
        {
            services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<LocalChatPlatform>());
            if (options.Console)
            {
                services.AddHostedService<ConsoleChatService>();
            }
        }

        return services;
    }
}
