using LiveBot.Core.Configuration;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Sources;

/// <summary>
/// The real AddOffers wiring (HTTP clients, resilience, cache) on given settings, sharing the loaded data;
/// on <paramref name="time"/> when given (every timeout and retry delay of the offers then waits on it).
/// </summary>
internal static class OffersServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TestData.Data);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(new ConfigDirectory(Path.Combine(Path.GetTempPath(), "livebot-offers-no-config")));
        services.AddOffers(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        foreach (var file in provider.GetServices<IModeratorFile>())
        {
            file.LoadInitial(); // No sectors.json in that folder: the embedded default, as a bot without config/.
        }

        return provider;
    }

    public static OfferSearch Search(this ServiceProvider services) => services.GetRequiredService<OfferSearch>();
}
