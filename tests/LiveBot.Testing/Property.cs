using CsCheck;

namespace LiveBot.Testing;

/// <summary>
/// Property tests that stay deterministic (issue 13): every run draws the same inputs from one fixed seed on
/// one thread, a few thousand at most so that each property takes well under 2 s on a busy machine. A failure
/// is shrunk by CsCheck and reported with its seed.
/// </summary>
public static class Property
{
    /// <summary>The fixed seed (CsCheck's notation).</summary>
    public const string Seed = "1xn1HwIbwfUS";

    /// <summary>Runs <paramref name="assert"/> on <paramref name="count"/> inputs of <paramref name="gen"/>.</summary>
    public static void Check<T>(Gen<T> gen, int count, Action<T> assert) =>
        gen.Array[count].Sample(
            items =>
            {
                foreach (var item in items)
                {
                    assert(item);
                }
            },
            seed: Seed,
            iter: 1,
            threads: 1);

    /// <summary>The <paramref name="count"/> inputs of <paramref name="gen"/> for the fixed seed (for async properties).</summary>
    public static T[] Inputs<T>(Gen<T> gen, int count)
    {
        T[] inputs = [];
        gen.Array[count].Sample(items => inputs = items, seed: Seed, iter: 1, threads: 1);
        return inputs;
    }
}
