using LiveBot.Core.Chat;

namespace LiveBot.Chat.Local;

public static class LocalChatServiceCollectionExtensions
{
    /// <summary>The local test chat, on unless <c>LocalChat:Enabled</c> is false.</summary>
    public static IServiceCollection AddLocalChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section);
        services.AddSingleton<LocalChatPlatform>();
        var options = configuration.GetSection(LocalChatOptions.Section).Get<LocalChatOptions>() ?? new LocalChatOptions();
        if (options.Enabled)
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
