using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using LiveBot.Core.Metrics;
using LiveBot.Core.Storage;
using LiveBot.Offers.Commands;
using LiveBot.Offers.Data;
using LiveBot.Offers.Mirror;
using LiveBot.Offers.Requests;
using LiveBot.Offers.Sectors;
using LiveBot.Offers.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LiveBot.Offers;

public static partial class OffersServiceCollectionExtensions
{
    /// <summary>
    /// !offres, !entreprises, !secteur, !secteurs; the <c>Offers</c> options; the source chosen by
    /// <c>Offers:Source</c>; config/sectors.json (watched, embedded default).
    /// </summary>
    public static IServiceCollection AddOffers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OffersOptions>()
            .Bind(configuration.GetSection(OffersOptions.Section))
            .ValidateWith(new OffersOptionsValidator());

        // The mirror's snapshot lives in the data folder, next to the LiteDB file.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));

        services.TryAddSingleton(sp =>
        {
            var data = OffersData.Shared;
            Log.DataLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger("LiveBot.Offers"), data.Places.Communes.Count, data.Jobs.Jobs.Count, (long)data.LoadTime.TotalMilliseconds);
            return data;
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<OffersData>().Places);
        services.TryAddSingleton(sp => sp.GetRequiredService<OffersData>().Jobs);
        services.TryAddSingleton<OfferRequestParser>();

        // API Alternance: the source paces, times out and retries its calls itself (each retry counts against
        // the key's 60 calls a minute); the export's file comes from a storage host, without the key, maybe gzip'd.
        services.AddHttpClient(ApiAlternanceSource.HttpClientName);
        services.AddHttpClient(ExportDownload.StorageClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        services.AddKeyedSingleton(ApiAlternanceSource.LimiterKey, (sp, _) => new CallLimiter(
            sp.GetRequiredService<IOptions<OffersOptions>>().Value.ApiAlternance.RequestsPerMinute, TimeSpan.FromMinutes(1), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(FranceTravailSource.LimiterKey, (sp, _) => new CallLimiter(
            FranceTravailSource.CallsPerSecond, TimeSpan.FromSeconds(1), sp.GetRequiredService<TimeProvider>()));
        var franceTravail = services.AddHttpClient(FranceTravailSource.HttpClientName);
        franceTravail.AddResilienceHandler("offers", ConfigureResilience);
        franceTravail.AddHttpMessageHandler(sp => new LimitedHandler(sp.GetRequiredKeyedService<CallLimiter>(FranceTravailSource.LimiterKey), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OfferMirror>();
        services.AddMetricInstruments<OffersMetrics>();
        services.TryAddSingleton<OffersStatusLine>();
        services.TryAddSingleton<ExportDownload>();
        services.TryAddSingleton<MirrorService>();
        services.TryAddSingleton<DemoOfferSource>();
        services.TryAddSingleton<ApiAlternanceSource>();
        services.TryAddSingleton<FranceTravailSource>();
        services.TryAddSingleton<IOfferSource>(sp => sp.GetRequiredService<IOptions<OffersOptions>>().Value.Source switch
        {
            OfferSourceKind.ApiAlternance => sp.GetRequiredService<ApiAlternanceSource>(),
            OfferSourceKind.FranceTravail => sp.GetRequiredService<FranceTravailSource>(),
            _ => sp.GetRequiredService<DemoOfferSource>(),
        });
        services.TryAddSingleton<OfferSearch>();
        services.AddSingleton<IHealthSection>(sp => sp.GetRequiredService<OfferSearch>());
        services.AddHostedService<OffersWarmup>();
        services.AddHostedService(sp => new MirrorHost(sp.GetRequiredService<IOptions<OffersOptions>>(), sp));

        services.AddModeratorFile<SectorSet>(
            SectorsFileValidator.FileName,
            sp => new SectorsFileValidator(sp.GetRequiredService<OffersData>().Jobs).Parse,
            () => EmbeddedData.Resource("LiveBot.Offers.Defaults.sectors.json"));

        services.AddChatCommand<OffresCommand>();
        services.AddChatCommand<EntreprisesCommand>();
        services.AddChatCommand<SecteurCommand>();
        services.AddChatCommand<SecteursCommand>();
        return services;
    }

    /// <summary>
    /// France Travail: total timeout, retries (none on 429), circuit breaker, per-attempt timeout: a slow API
    /// costs at most <see cref="OffersOptions.Timeout"/>.
    /// </summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var timeout = context.ServiceProvider.GetRequiredService<IOptions<OffersOptions>>().Value.Timeout;
        var attempt = timeout / 2 < TimeSpan.FromMilliseconds(20) ? timeout : timeout / 2;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = timeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                // No retry on 429: the limiter (inside) holds every call until Retry-After has passed.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 6,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = attempt });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Offers data loaded: {Communes} communes, {Jobs} ROME jobs in {Milliseconds} ms")]
        public static partial void DataLoaded(ILogger logger, int communes, int jobs, long milliseconds);
    }
}

/// <summary>Runs the mirror of API Alternance's export when <c>Offers:Source=ApiAlternance</c> and <c>Offers:ApiAlternance:Mirror</c>.</summary>
internal sealed class MirrorHost(IOptions<OffersOptions> options, IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value is { Source: OfferSourceKind.ApiAlternance, ApiAlternance.Mirror: true }
            ? services.GetRequiredService<MirrorService>().RunAsync(stoppingToken)
            : Task.CompletedTask;
}

/// <summary>Builds the demo catalogue in the background at start so the first !offres is instant.</summary>
internal sealed class OffersWarmup(IOfferSource source) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        source is DemoOfferSource demo ? Task.Run(() => _ = demo.Catalogue, stoppingToken) : Task.CompletedTask;
}
