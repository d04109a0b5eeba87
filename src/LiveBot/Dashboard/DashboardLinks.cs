namespace LiveBot.Dashboard;

/// <summary>Builds the presenter page address printed at start.</summary>
public sealed class DashboardLinks
{
    public string PresenterPageUrl(string baseAddress) => baseAddress.TrimEnd('/') + "/";
}
