using System.Diagnostics;
using LiveBot.Offers.Jobs;
using LiveBot.Offers.Places;

namespace LiveBot.Offers;

/// <summary>The embedded communes and ROME data, loaded once; <see cref="LoadTime"/> is on /healthz.</summary>
public sealed class OffersData
{
    private OffersData(PlaceResolver places, JobCatalog jobs, TimeSpan loadTime)
    {
        Places = places;
        Jobs = jobs;
        LoadTime = loadTime;
    }

    public PlaceResolver Places { get; }

    public JobCatalog Jobs { get; }

    public TimeSpan LoadTime { get; }

    private static readonly Lazy<OffersData> SharedData = new(Load);

    /// <summary>
    /// One copy per process: the data is immutable, so several bots in one process (host tests) share it.
    /// </summary>
    public static OffersData Shared => SharedData.Value;

    public static OffersData Load()
    {
        var watch = Stopwatch.StartNew();
        var places = Task.Run(PlaceResolver.LoadEmbedded);
        var jobs = JobCatalog.LoadEmbedded();
        var data = new OffersData(places.GetAwaiter().GetResult(), jobs, watch.Elapsed);
        ThreadPool.UnsafeQueueUserWorkItem(static catalog => catalog.WarmUp(), jobs, preferLocal: false);
        ThreadPool.UnsafeQueueUserWorkItem(static resolver => resolver.WarmUp(), data.Places, preferLocal: false);
        return data;
    }
}
