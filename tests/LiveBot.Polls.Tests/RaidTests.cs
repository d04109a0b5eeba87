using System.Text;
using LiveBot.Dashboard;
using LiveBot.Testing;
using LiveBot.Twitch.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LiveBot.Polls.Tests;

public sealed class RaidTests
{
    /// <summary>
    /// 5,000 vote lines over 10 s of fake time on the real Twitch wire (4,000 viewers, 1,000 of them changing
    /// their mind): exact counts, no reply per vote, and the overlay updated at most 4 times a second.
    /// </summary>
    [Fact]
    public async Task Raid_FiveThousandVotesInTenSeconds_ExactCountsChatQuietOverlayThrottled_Issue14()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));
        await using var twitch = await FakeTwitchServer.StartAsync(time);
        twitch.ModeratorChannels["chan"] = 0;
        var settings = twitch.BotSettings();
        settings["LocalChat:Enabled"] = "false";
        await using var bot = await BotHost.StartAsync(settings: settings, configure: b => b.Services.AddSingleton<TimeProvider>(time));
        await twitch.WaitForJoinAsync("chan");
        var polls = bot.Service<PollBox>();
        var feed = bot.Service<DashboardFeed>();
        using var overlay = feed.SubscribeOverlay();
        var votes = new VoteCounter(polls);

        await twitch.SayAsync("chan", "LaChaine", "!sondage Tu es en quelle classe ? | 3e | 2nde | 1re | Terminale | Après le bac", badges: "broadcaster/1");
        await twitch.WaitForLineAsync(l => l.Command == "PRIVMSG");
        var framesBefore = bot.Service<PollFeed>().OverlayFrames;
        var expected = new int[5];
        var choiceOf = new Dictionary<int, int>();
        var sent = 0;
        for (var step = 0; step < 100; step++)
        {
            var lines = new StringBuilder();
            for (var i = 0; i < 50; i++)
            {
                var n = (step * 50) + i;
                var viewer = n < 4000 ? n : (n - 4000) * 4; // the last 1,000 lines: viewers 0, 4, 8… change their vote
                var choice = n < 4000 ? (viewer % 5) + 1 : ((viewer % 5) + 2) % 5 + 1;
                if (choiceOf.TryGetValue(viewer, out var old))
                {
                    expected[old - 1]--;
                }

                choiceOf[viewer] = choice;
                expected[choice - 1]++;
                lines.Append(FakeTwitchServer.PrivmsgLine("chan", "Viewer" + viewer, "!" + choice, id: "raid" + n, userId: 10_000 + viewer)).Append("\r\n");
            }

            await twitch.SendRawAsync(Encoding.UTF8.GetBytes(lines.ToString()));
            sent += 50;
            await votes.WaitForAsync(sent);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var poll = polls.Current!;
        Assert.Equal(expected, poll.Choices.Select(c => c.Votes));
        Assert.Equal(4000, poll.Total);
        Assert.Equal(4000, poll.Choices.Sum(c => c.ByPlatform["twitch"]));

        // The overlay ends on the exact counts, after at most 4 updates a second (plus the first one, at once).
        var last = "";
        while (!last.Contains("\"total\":4000", StringComparison.Ordinal))
        {
            time.Advance(PollFeed.UpdateInterval);
            last = await LastPollFrameAsync(overlay, last);
        }

        var frames = bot.Service<PollFeed>().OverlayFrames - framesBefore;
        Assert.InRange(frames, 10, (10 * 4) + 2);
        Assert.Single(twitch.Privmsgs); // the announcement; not one reply to 5,000 votes
        await twitch.SayAsync("chan", "Modo", "!sondage fin", badges: "moderator/1");
        await twitch.WaitForLineAsync(l => l.Command == "PRIVMSG" && l.Line.Contains("Résultat", StringComparison.Ordinal));
        Assert.Equal(2, twitch.Privmsgs.Count);
        Assert.EndsWith(" votes", twitch.Privmsgs[1].Line, StringComparison.Ordinal);
        Assert.Contains("4 000 votes", twitch.Privmsgs[1].Line, StringComparison.Ordinal);
        Assert.Empty(twitch.Limits.Breaches);
    }

    /// <summary>The latest poll frame queued for the overlay, waiting a little for one if none is there yet.</summary>
    private static async Task<string> LastPollFrameAsync(LiveBot.Dashboard.FeedSubscription overlay, string last)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (await overlay.Frames.WaitToReadAsync(wait.Token))
            {
                while (overlay.Frames.TryRead(out var frame))
                {
                    if (frame.StartsWith("event: poll\n", StringComparison.Ordinal))
                    {
                        last = frame;
                    }
                }

                if (last.Contains("\"total\":4000", StringComparison.Ordinal))
                {
                    return last;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing new yet: the caller moves fake time on.
        }

        return last;
    }

    /// <summary>Counts the box's "voted" changes and completes waits on a given count (no sleeping).</summary>
    private sealed class VoteCounter
    {
        private readonly Lock _gate = new();
        private int _count;
        private (int Target, TaskCompletionSource Done)? _waiter;

        public VoteCounter(PollBox polls) => polls.Changed += change =>
        {
            if (change.Kind != PollChange.Voted)
            {
                return;
            }

            lock (_gate)
            {
                _count++;
                if (_waiter is { } w && _count >= w.Target)
                {
                    w.Done.TrySetResult();
                    _waiter = null;
                }
            }
        };

        public Task WaitForAsync(int target)
        {
            lock (_gate)
            {
                if (_count >= target)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiter = (target, done);
                return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
    }
}
