using LiveBot.Core.Configuration;
using LiveBot.Core.Stats;
using LiveBot.Core.Storage;
using LiveBot.Reporting.Building;
using LiveBot.Reporting.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveBot.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The live report: counts per minute and platform (chat lines, commands, questions, votes, replies),
    /// offer requests as understood, kept as long as questions (<c>Questions:RetentionDays</c>), and the
    /// <see cref="ReportBuilder"/>. Needs the question queue (<c>AddQuestionQueue</c>).
    /// </summary>
    public static IServiceCollection AddLiveReport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveBotStorage();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateWith(new ReportOptionsValidator());
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<LiveStatsRecorder>();
        services.TryAddSingleton<ILiveStats>(sp => sp.GetRequiredService<LiveStatsRecorder>());
        services.TryAddSingleton<QuestionStats>();
        services.TryAddSingleton<PlatformSampler>();
        services.TryAddSingleton<ReportBuilder>();
        services.AddSingleton<ReportRecordingService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportRecordingService>());
        return services;
    }
}
