using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using LiveBot.Core.Storage;
using LiveBot.Polls.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBot.Polls;

public static class PollsServiceCollectionExtensions
{
    /// <summary>
    /// Polls (LiteDB), <c>!sondage</c> and the votes <c>!1</c>…<c>!6</c>, the announcements and results in every chat,
    /// the closing timer, the retention purge (the questions' settings) and the <c>polls</c> section of /healthz.
    /// </summary>
    public static IServiceCollection AddPolls(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveBotStorage();
        services.AddOptions<PollsOptions>()
            .Bind(configuration.GetSection(PollsOptions.Section))
            .Configure(o =>
            {
                var questions = configuration.GetSection("Questions");
                o.RetentionDays = questions.GetValue(nameof(PollsOptions.RetentionDays), o.RetentionDays);
                o.PurgeInterval = questions.GetValue(nameof(PollsOptions.PurgeInterval), o.PurgeInterval);
            })
            .ValidateWith(new PollsOptionsValidator());
        services.TryAddSingleton<PollBox>();
        services.AddChatCommand<SondageCommand>();
        services.AddChatCommand<ChoixCommand>();
        services.AddSingleton<PollAnnouncer>();
        services.AddHostedService(sp => sp.GetRequiredService<PollAnnouncer>());
        services.AddSingleton<PollTimerService>();
        services.AddHostedService(sp => sp.GetRequiredService<PollTimerService>());
        services.AddRetentionPurge(sp =>
        {
            var polls = sp.GetRequiredService<PollBox>();
            return new RetentionPurge("polls", polls.Options.PurgeInterval, polls.PurgeExpired);
        });
        services.AddSingleton<IHealthSection, PollsHealthSection>();
        return services;
    }
}
