using LiveBot.Offers.Mirror;
using LiveBot.Offers.Tests.Sources;
using LiveBot.Testing;

namespace LiveBot.Offers.Tests.Mirror;

/// <summary>The real bot on <c>Offers:Source=ApiAlternance</c> against the fake API, once its mirror is ready.</summary>
internal static class MirrorBot
{
    public static async Task<BotHost> StartReadyAsync(FakeApiAlternance fake)
    {
        var settings = new Dictionary<string, string>
        {
            ["Offers:Source"] = "ApiAlternance",
            ["Offers:ApiAlternance:BaseUri"] = fake.Api.BaseUri + "api/",
            ["Offers:ApiAlternance:ApiKey"] = FakeApiAlternance.Key,
        };
        var bot = await BotHost.StartAsync(settings: settings);
        try
        {
            var mirror = bot.Service<OfferMirror>();
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            mirror.Changed += () =>
            {
                if (mirror.State == MirrorState.Ready)
                {
                    ready.TrySetResult();
                }
            };
            if (mirror.State == MirrorState.Ready)
            {
                ready.TrySetResult();
            }

            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }
}
