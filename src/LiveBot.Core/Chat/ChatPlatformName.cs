using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Core.Chat;

/// <summary>
/// A platform the bot knows, enabled or not: each platform's <c>AddXxxChat</c> declares its name once, so a
/// moderators' file may name it (<c>"platforms": ["youtube"]</c>) even while it is off.
/// </summary>
public sealed record ChatPlatformName(string Name);

public static class ChatPlatformNameServiceCollectionExtensions
{
    /// <summary>Declares a platform name (once, whatever the number of calls).</summary>
    public static IServiceCollection AddChatPlatformName(this IServiceCollection services, string name)
    {
        if (!services.Any(d => d.ServiceType == typeof(ChatPlatformName) && d.ImplementationInstance is ChatPlatformName known && known.Name == name))
        {
            services.AddSingleton(new ChatPlatformName(name));
        }

        return services;
    }
}
