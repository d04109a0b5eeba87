using LiveBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The shared LiteDB database (<c>Storage:Path</c>).</summary>
    public static IServiceCollection AddLiveBotStorage(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(LiteDbStore)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateWith(new StorageOptionsValidator());
        services.TryAddSingleton<LiteDbStore>();
        services.TryAddSingleton<CounterStore>();
        return services;
    }
}
