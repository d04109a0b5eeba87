using LiveBot.Core.Storage;
using LiveBot.YouTube.Quota;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.YouTube.Tests.Quota;

public sealed class QuotaLedgerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "livebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Spend_Restart_UnitsKeptFromLiteDb()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.Zero));
        using (var store = Store())
        {
            var ledger = new QuotaLedger(store, time);
            ledger.Spend("liveChatMessages.list", 5, isRead: true);
            ledger.Spend("liveChatMessages.insert", 20, isRead: false);
        }

        using (var store = Store())
        {
            var snapshot = new QuotaLedger(store, time).Snapshot();
            Assert.Equal(25, snapshot.Spent);
            Assert.Equal(5, snapshot.ReadUnits);
            Assert.Equal(20, snapshot.ByMethod["liveChatMessages.insert"]);
        }
    }

    [Fact]
    public void Snapshot_PacificMidnightPassed_NewDayStartsAtZero()
    {
        // 23:59 Pacific daylight time = 06:59 UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 59, 0, TimeSpan.Zero));
        using var store = Store();
        var ledger = new QuotaLedger(store, time);
        ledger.Spend("videos.list", 1, isRead: true);
        Assert.Equal("2026-06-30", ledger.Snapshot().Day);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("2026-07-01", ledger.Snapshot().Day);
        Assert.Equal(0, ledger.Snapshot().Spent);
    }

    [Theory]
    [InlineData("2026-07-01T20:00:00Z", "2026-07-02T07:00:00Z")]
    [InlineData("2026-01-15T20:00:00Z", "2026-01-16T08:00:00Z")]
    [InlineData("2026-01-16T07:59:00Z", "2026-01-16T08:00:00Z")]
    public void MarkExceeded_Any_BlockedUntilNextPacificMidnight(string now, string reset)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        using var store = Store();
        var ledger = new QuotaLedger(store, time);

        ledger.MarkExceeded();

        Assert.Equal(DateTimeOffset.Parse(reset, System.Globalization.CultureInfo.InvariantCulture), ledger.Snapshot().ExceededUntil);
        time.SetUtcNow(DateTimeOffset.Parse(reset, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(ledger.Snapshot().ExceededUntil);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private LiteDbStore Store() => new(Options.Create(new StorageOptions { Path = Path.Combine(_folder, "livebot.db") }));
}
