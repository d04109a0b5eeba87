using LiveBot.Offers.Mirror;

namespace LiveBot.Dashboard;

/// <summary>The offers line of the presenter page on the existing event stream (<c>offers</c>): in each snapshot, and when the mirror changes.</summary>
public sealed class OffersFeed : IDisposable
{
    private readonly OffersStatusLine _status;
    private readonly DashboardFeed _feed;

    public OffersFeed(OffersStatusLine status, DashboardFeed feed)
    {
        _status = status;
        _feed = feed;
        _status.Changed += OnChanged;
    }

    /// <summary>The line as one <c>offers</c> event (null line: nothing to show).</summary>
    public string PresenterSnapshot() => DashboardFeed.Frame("offers", new { line = _status.Line });

    public void Dispose() => _status.Changed -= OnChanged;

    private void OnChanged() => _feed.PushToPresenters(PresenterSnapshot());
}
