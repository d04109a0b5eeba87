namespace LiveBot.Check.Probes;

/// <summary>
/// Twitch's points in order: the token first (it may refresh it), then the chat with the token that
/// results, as the bot itself would log in.
/// </summary>
public sealed class TwitchProbe(TwitchTokenProbe token, TwitchChatProbe chat) : ICheckProbe
{
    public string Point => TwitchTokenProbe.TokenName;

    public async Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var lines = new List<CheckLine>(await token.RunAsync(context, cancellationToken));
        lines.AddRange(await chat.RunAsync(context, cancellationToken));
        return lines;
    }
}
