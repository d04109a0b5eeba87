using LiveBot.Core.Chat.Moderation;
using LiveBot.Core.Commands;
using LiveBot.Core.Configuration;
using LiveBot.Core.Health;
using LiveBot.Core.Metrics;
using LiveBot.Core.Storage;
using LiveBot.Questions.Commands;
using LiveBot.Questions.Moderation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveBot.Questions;

public static class QuestionsServiceCollectionExtensions
{
    /// <summary>
    /// The question queue (LiteDB), <c>!question</c>/<c>!q</c> and <c>!vote</c>/<c>!+1</c>, config/moderation.json
    /// (watched), the retention purge and the <c>questions</c> section of /healthz.
    /// </summary>
    public static IServiceCollection AddQuestionQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveBotStorage();
        services.AddOptions<QuestionsOptions>().Bind(configuration.GetSection(QuestionsOptions.Section))
            .ValidateWith(new QuestionsOptionsValidator());
        services.AddModeratorFile<ModerationRules>(ModerationFile.FileName, _ => ModerationFile.Parse, DefaultModerationJson);
        services.TryAddSingleton(sp => new QuestionQueue(
            sp.GetRequiredService<LiteDbStore>(),
            sp.GetRequiredService<IOptions<QuestionsOptions>>(),
            () => sp.GetRequiredService<ModeratorFile<ModerationRules>>().Current,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QuestionQueue>>()));
        services.AddChatCommand<QuestionCommand>();
        services.AddChatCommand<VoteCommand>();
        services.AddSingleton<IChatModerationHandler, QuestionsModerationHandler>();
        services.AddSingleton<IHealthSection, QuestionsHealthSection>();
        services.AddMetricInstruments<QuestionMetrics>();
        services.AddRetentionPurge(sp =>
        {
            var queue = sp.GetRequiredService<QuestionQueue>();
            return new RetentionPurge("questions", queue.Options.PurgeInterval, queue.PurgeExpired);
        });
        return services;
    }

    /// <summary>The moderation.json shipped inside the program, used when config/ has none.</summary>
    public static byte[]? DefaultModerationJson()
    {
        using var stream = typeof(QuestionQueue).Assembly.GetManifestResourceStream("LiveBot.Questions.Defaults.moderation.json");
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
