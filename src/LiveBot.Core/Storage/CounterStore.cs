namespace LiveBot.Core.Storage;

/// <summary>Persistent counters ({count} of custom commands, statistics); every value returned is on disk.</summary>
public sealed class CounterStore(LiteDbStore store)
{
    private readonly Lock _gate = new();

    public long Increment(string name)
    {
        lock (_gate)
        {
            var counter = store.Collection<Counter>("counters").FindById(name) ?? new Counter { Id = name };
            counter.Value++;
            store.WriteDurably(() => store.Collection<Counter>("counters").Upsert(counter));
            return counter.Value;
        }
    }

    public sealed class Counter
    {
        public string Id { get; set; } = string.Empty;
        public long Value { get; set; }
    }
}
