using LiveBot.Offers.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveBot.Offers.Tests.Sources;

/// <summary>The real AddOffers wiring (HTTP clients, resilience, cache) on given settings, sharing the loaded data.</summary>
internal static class OffersServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TestData.Data);
        services.AddOffers(configuration);
        return services.BuildServiceProvider();
    }

    public static OfferSearch Search(this ServiceProvider services) => services.GetRequiredService<OfferSearch>();
}
