using LiveBot.Core.Chat;
using LiveBot.Core.Stats;
using LiveBot.Reporting.Recording;
using LiveBot.Testing.Reporting;

namespace LiveBot.Reporting.Tests;

public sealed class RecordingTests
{
    [Fact]
    public void Record_LinesAcrossPlatformsAndMinutes_CountedPerMinuteAndPlatform_Issue15()
    {
        using var lab = new ReportLab();
        var start = lab.Time.GetUtcNow();
        lab.Recorder.ChatLine("twitch", start);
        lab.Recorder.ChatLine("twitch", start);
        lab.Recorder.ChatLine("youtube", start);
        lab.Recorder.Command("twitch", "offres", answered: true, start);
        lab.Recorder.Command("twitch", "offres", answered: false, start);
        lab.Time.Advance(TimeSpan.FromSeconds(59));
        lab.Recorder.ChatLine("twitch", start);
        lab.Recorder.Flush();
        lab.Time.Advance(TimeSpan.FromSeconds(1));
        lab.Recorder.ChatLine("twitch", start);
        lab.Recorder.ChatLine("local", start);
        lab.Recorder.Command("local", "aide", answered: true, start);

        var report = lab.Builder.Build();

        var minute = start.ToUnixTimeSeconds() / 60;
        var docs = lab.Reports.Minutes(minute, minute + 1).OrderBy(d => d.Minute).ThenBy(d => d.Platform, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [(minute, "twitch", 3L), (minute, "youtube", 1L), (minute + 1, "local", 1L), (minute + 1, "twitch", 1L)],
            docs.Select(d => (d.Minute, d.Platform, d.ChatLines)));
        Assert.Equal(6, report.Totals.ChatLines);
        Assert.Equal(start, report.From);
        Assert.Equal(start.AddSeconds(119), report.To);
        Assert.Equal([("offres", 2L, 1L), ("aide", 1L, 1L)], report.Commands.Select(c => (c.Name, c.Count, c.Answered)));
        Assert.Equal(2.0 / 3, report.AnsweredShare!.Value, 3);
        Assert.Equal(["twitch", "youtube", "local"], report.Platforms.Select(p => p.Name));
    }

    [Fact]
    public void Flush_SameMinuteTwice_AddsToTheStoredCounts()
    {
        using var lab = new ReportLab();
        var now = lab.Time.GetUtcNow();
        lab.Recorder.ChatLine("twitch", now);
        lab.Recorder.Flush();
        lab.Time.Advance(TimeSpan.FromSeconds(20));
        lab.Recorder.ChatLine("twitch", now);
        lab.Recorder.Command("twitch", "aide", answered: true, now);
        lab.Recorder.Flush();

        var doc = Assert.Single(lab.Reports.Minutes(0, long.MaxValue / 120));

        Assert.Equal(2, doc.ChatLines);
        Assert.Equal(1, doc.Commands["aide"]);
        Assert.False(lab.Recorder.Flush());
    }

    [Fact]
    public void QuestionStats_AskVoteOnAir_CountedByPlatformWithOnAirMark()
    {
        using var lab = new ReportLab();
        var asked = lab.Queue.Submit("youtube", "chat", "youtube:u1", "Alice", "Combien gagne un apprenti boulanger ?").Question!;
        lab.Queue.Submit("twitch", "chaine", "twitch:u2", "Bob", "Peut-on changer d'entreprise en cours de contrat ?");
        lab.Queue.Vote(asked.Id, "twitch:u3");
        lab.Queue.Vote(asked.Id, "twitch:u4");
        lab.Time.Advance(TimeSpan.FromMinutes(3));
        lab.Queue.PutOnAir(asked.Id);

        var report = lab.Builder.Build(lab.Time.GetUtcNow().AddHours(-1), lab.Time.GetUtcNow());

        Assert.Equal(2, report.Totals.Questions);
        Assert.Equal(2, report.Totals.Votes);
        Assert.Equal(1, report.Timeline.Single(p => p.Platform == "youtube").Questions);
        Assert.Equal(2, report.Timeline.Single(p => p.Platform == "youtube").Votes);
        var mark = Assert.Single(report.OnAir);
        Assert.Equal((asked.Id, lab.Time.GetUtcNow()), (mark.QuestionId, mark.Time));
    }

    [Fact]
    public void PlatformSampler_CountersMove_RecordsDeltasAndReconnects_Issue15()
    {
        using var lab = new ReportLab();
        var twitch = new FakePlatform("twitch");
        var youtube = new FakePlatform("youtube");
        var sampler = new PlatformSampler([twitch, youtube], lab.Recorder);
        twitch.Health = twitch.Health with { MessagesOut = 2, RepliesMerged = 0, Connections = 1 };
        sampler.Sample();
        twitch.Health = twitch.Health with { MessagesOut = 10, DroppedReplies = 1, RepliesMerged = 4, Connections = 3 };
        youtube.Health = youtube.Health with { MessagesOut = 5, RepliesMerged = 2, UnitsSpentToday = 125 };
        sampler.Sample();
        youtube.Health = youtube.Health with { State = PlatformStates.Reconnecting };
        sampler.Sample();

        var report = lab.Builder.Build(lab.Time.GetUtcNow(), lab.Time.GetUtcNow().AddMinutes(1));

        var t = report.Platforms.Single(p => p.Name == "twitch");
        var y = report.Platforms.Single(p => p.Name == "youtube");
        Assert.Equal((10L, 4L, 1L, 2L), (t.RepliesSent, t.RepliesMerged, t.RepliesDropped, t.Reconnects));
        Assert.Equal((5L, 2L, 125L, 1L), (y.RepliesSent, y.RepliesMerged, y.YouTubeUnits, y.Reconnects));
    }

    [Fact]
    public void Purge_OlderThanRetention_GoneFromTheFileBytes_Issue15()
    {
        using var lab = new ReportLab();
        var old = lab.Time.GetUtcNow();
        for (var i = 0; i < 200; i++)
        {
            lab.Recorder.OfferRequest(new OfferRequestFact("twitch", old, "offres", OfferOutcomes.None)
            {
                JobCode = "Z9999", JobLabel = "zorglubier ancien", PlaceKind = "commune", PlaceCode = "99999", PlaceLabel = "Trifouillis-Ancien", Departement = "48",
            });
            lab.Recorder.Command("twitch", "zorglubcommande", answered: true, old);
        }

        lab.Recorder.Flush();
        lab.Time.Advance(TimeSpan.FromDays(31));
        lab.Recorder.OfferRequest(new OfferRequestFact("youtube", lab.Time.GetUtcNow(), "offres", OfferOutcomes.Found)
        {
            JobCode = "D1102", JobLabel = "boulanger récent", PlaceLabel = "Lyon", Departement = "69",
        });
        lab.Recorder.Flush();
        var before = lab.FileBytes();
        var removed = lab.Reports.PurgeBefore(lab.Time.GetUtcNow() - TimeSpan.FromDays(lab.QuestionOptions.RetentionDays));
        var after = lab.FileBytes();

        Assert.Equal(201, removed);
        foreach (var secret in new[] { "zorglubier"u8.ToArray(), "Trifouillis"u8.ToArray(), "zorglubcommande"u8.ToArray() })
        {
            Assert.NotEqual(-1, before.AsSpan().IndexOf(secret));
            Assert.Equal(-1, after.AsSpan().IndexOf(secret));
        }

        Assert.NotEqual(-1, after.AsSpan().IndexOf("boulanger récent"u8));
        Assert.Equal(0, new FileInfo(Path.Combine(Path.GetDirectoryName(lab.DatabasePath)!, "livebot-log.db")).Length);
    }

    private sealed class FakePlatform(string name) : IChatPlatform
    {
        public PlatformHealth Health { get; set; } = new(name, PlatformStates.Connected);

        public string Name => name;

        public int MaxMessageLength => 500;

        public int MaxParts => 1;

        public SendLimit SendLimit => new(20, TimeSpan.FromSeconds(30));

        public IReadOnlyCollection<string> ConnectedChannels => [];

        public PlatformHealth GetHealth() => Health;

        public ValueTask<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
