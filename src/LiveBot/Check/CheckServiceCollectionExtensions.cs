using LiveBot.Check.Probes;
using LiveBot.Core.Configuration;

namespace LiveBot.Check;

public static class CheckServiceCollectionExtensions
{
    /// <summary>The client of the probes' own calls: no timeout of its own, each probe's limit runs on the injected clock.</summary>
    public const string HttpClientName = "LiveBot.Check";

    /// <summary>
    /// The pre-live check (<c>check</c> command, <c>/api/check</c> and the page's panel): its options, its
    /// runner and one probe per point, in the order the checklist prints them. Platform probes only when the
    /// platform is enabled.
    /// </summary>
    public static IServiceCollection AddPreLiveCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckOptions>().BindConfiguration(CheckOptions.Section).ValidateWith(new CheckOptionsValidator());
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<PreLiveCheck>();
        services.AddSingleton<ICheckProbe, ConfigurationProbe>();
        services.AddSingleton<ICheckProbe, DataFolderProbe>();
        services.AddSingleton<ICheckProbe, PortProbe>();
        services.AddSingleton<ICheckProbe, PlatformsProbe>();
        if (configuration.GetValue<bool>("Twitch:Enabled"))
        {
            services.AddSingleton<TwitchTokenProbe>();
            services.AddSingleton<TwitchChatProbe>();
            services.AddSingleton<ICheckProbe, TwitchProbe>();
        }

        if (configuration.GetValue<bool>("YouTube:Enabled"))
        {
            services.AddSingleton<ICheckProbe, YouTubeProbe>();
        }

        services.AddSingleton<ICheckProbe, OffersProbe>();
        services.AddSingleton<ICheckProbe, LinksProbe>();
        return services;
    }
}
