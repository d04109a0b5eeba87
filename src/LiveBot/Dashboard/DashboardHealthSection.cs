using LiveBot.Core.Health;

namespace LiveBot.Dashboard;

/// <summary>The <c>dashboard</c> section of /healthz: how many presenter pages and overlays are connected live.</summary>
public sealed class DashboardHealthSection(DashboardFeed feed) : IHealthSection
{
    public string Name => "dashboard";

    public bool IsDegraded => false;

    public object Report() => new Dictionary<string, object?>
    {
        ["presenterPages"] = feed.PresenterCount,
        ["overlays"] = feed.OverlayCount,
        ["slowClientsDropped"] = feed.SlowClientsDropped,
    };
}
