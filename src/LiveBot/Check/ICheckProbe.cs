namespace LiveBot.Check;

/// <summary>
/// One point of the pre-live check (or a few lines about one service). A probe makes the fewest real
/// calls that prove the point, and turns every failure into a ✗ line with what to do; the
/// <see cref="PreLiveCheck"/> runner bounds it with <see cref="CheckOptions.ProbeTimeout"/>.
/// </summary>
public interface ICheckProbe
{
    /// <summary>The point's name, used for the ✗ line when the probe itself times out or breaks.</summary>
    string Point { get; }

    Task<IReadOnlyList<CheckLine>> RunAsync(CheckContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Where the check runs: from the command line before the bot starts (<see cref="InsideBot"/> false: the
/// port must be free), or from the running bot's page (the port is the bot's own).
/// </summary>
/// <param name="InsideBot">True when run by the running bot (presenter page).</param>
/// <param name="Addresses">The addresses the bot listens on (running) or will listen on (configured).</param>
public sealed record CheckContext(bool InsideBot, IReadOnlyList<string> Addresses)
{
    /// <summary>The first address, the one printed at start.</summary>
    public string MainAddress => Addresses.FirstOrDefault() ?? Hosting.LiveBotApp.DefaultUrl;
}
