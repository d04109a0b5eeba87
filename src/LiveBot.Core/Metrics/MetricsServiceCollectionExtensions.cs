using LiveBot.Core.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace LiveBot.Core.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The "LiveBot" meter, the chat instruments (<see cref="ChatMetrics"/>) and the upstream ones
    /// (<see cref="UpstreamMetrics"/>, fed by a handler put on every client of <see cref="IHttpClientFactory"/>).
    /// Safe to call from every feature.
    /// </summary>
    public static IServiceCollection AddLiveBotMetrics(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(LiveBotMeter)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlatformRegistry>();
        services.AddSingleton<LiveBotMeter>();
        services.AddMetricInstruments<ChatMetrics>();
        services.AddMetricInstruments<UpstreamMetrics>();
        services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(builder =>
            builder.AdditionalHandlers.Insert(0, new UpstreamMetricsHandler(
                builder.Services.GetRequiredService<UpstreamMetrics>(),
                UpstreamMetrics.SourceOf(builder.Name),
                builder.Services.GetRequiredService<TimeProvider>()))));
        return services;
    }

    /// <summary>Registers a feature's instrument holder (a singleton, made when the metrics start).</summary>
    public static IServiceCollection AddMetricInstruments<T>(this IServiceCollection services)
        where T : class, IMetricInstruments
    {
        services.AddLiveBotMetrics();
        services.TryAddSingleton<T>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricInstruments, T>(sp => sp.GetRequiredService<T>()));
        return services;
    }
}
