using LiveBot.Core.Chat;
using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Configuration;
using LiveBot.Core.Metrics;
using LiveBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LiveBot.Core.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// The chat pipeline, commands.json (watched), !aide, timers, the LiteDB store. Built-in commands of
    /// other capabilities register themselves with <see cref="AddChatCommand{T}"/>.
    /// </summary>
    /// <param name="defaultCommandsJson">Used when config/commands.json does not exist.</param>
    public static IServiceCollection AddChatCommands(this IServiceCollection services, Func<byte[]?>? defaultCommandsJson = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveBotStorage();
        services.AddLiveBotMetrics();
        services.TryAddSingleton<ConfigStatusRegistry>();
        services.TryAddSingleton(new ConfigDirectory("config"));
        services.TryAddSingleton<ChatInbox>();
        services.TryAddSingleton<ModerationLedger>();
        services.TryAddSingleton<PlatformRegistry>();
        services.TryAddSingleton<ChatActivity>();
        services.TryAddSingleton<CooldownTracker>();
        services.TryAddSingleton<ChatPipeline>();
        services.AddChatCommand<AideCommand>();
        services.AddModeratorFile<CommandSet>(
            CommandsFileValidator.FileName,
            sp => new CommandsFileValidator(sp.GetServices<IChatCommand>(), sp.GetServices<ChatPlatformName>()).Parse,
            defaultCommandsJson);
        services.AddHostedService<ChatPipelineWorker>();
        services.AddSingleton<TimerService>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerService>());
        return services;
    }

    /// <summary>Registers a built-in command; its texts and names become configurable in commands.json.</summary>
    public static IServiceCollection AddChatCommand<T>(this IServiceCollection services)
        where T : class, IChatCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, T>());
        return services;
    }

    /// <summary>
    /// Registers a moderators' file of the config folder as <see cref="ModeratorFile{T}"/>: loaded at start,
    /// watched, errors on /healthz.
    /// </summary>
    public static IServiceCollection AddModeratorFile<T>(
        this IServiceCollection services,
        string fileName,
        Func<IServiceProvider, Func<byte[], (T? Value, ConfigError? Error)>> parser,
        Func<byte[]?>? fallback = null)
        where T : class
    {
        services.TryAddSingleton<ConfigStatusRegistry>();
        services.AddSingleton(sp => new ModeratorFile<T>(
            fileName,
            sp.GetRequiredService<ConfigDirectory>().File(fileName),
            parser(sp),
            fallback ?? (() => null),
            sp.GetRequiredService<ConfigStatusRegistry>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("LiveBot.Config")));
        services.AddSingleton<IModeratorFile>(sp => sp.GetRequiredService<ModeratorFile<T>>());
        if (!services.Any(d => d.ImplementationType == typeof(ModeratorFilesWatcher)))
        {
            services.AddHostedService<ModeratorFilesWatcher>();
        }

        return services;
    }
}
