using LiveBot.Twitch;
using LiveBot.YouTube;

namespace LiveBot.Check.Probes;

/// <summary>Which chats the bot will sit in: with neither Twitch nor YouTube on, only the local test chat (⚠).</summary>
public sealed class PlatformsProbe(IConfiguration configuration) : ICheckProbe
{
    public const string Name = "Plateformes";

    public string Point => Name;

    public Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var on = new List<string>();
        if (configuration.GetValue<bool>($"{TwitchOptions.Section}:Enabled"))
        {
            on.Add("Twitch");
        }

        if (configuration.GetValue<bool>($"{YouTubeOptions.Section}:Enabled"))
        {
            on.Add("YouTube");
        }

        CheckLine line = on.Count == 0
            ? CheckLine.Warning(Name, "ni Twitch ni YouTube activé : seul le chat de test répondra", "activez Twitch:Enabled et/ou YouTube:Enabled (README, sections Twitch et YouTube).")
            : CheckLine.Ok(Name, string.Join(" et ", on) + " activé" + (on.Count > 1 ? "s" : string.Empty));
        return Task.FromResult<IReadOnlyList<CheckLine>>([line]);
    }
}
