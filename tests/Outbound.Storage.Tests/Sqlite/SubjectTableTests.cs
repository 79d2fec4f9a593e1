using FsCheck.Xunit;
using Outbound.Storage.Sqlite;

namespace Outbound.Storage.Tests.Sqlite;

public sealed class SubjectTableTests
{
    // Against a reference set: keys drawn from a small pool (so repeats happen), keys sharing their low bits (so they
    // land on one slot and probe), and the all-zero key that marks an empty slot.
    [Property(MaxTest = 200)]
    public void AddAndContains_RandomKeys_AgreeWithAReferenceSet(int seed, byte poolBits)
    {
        var random = new Random(seed);
        int pool = 1 << (poolBits % 12);
        var table = new SubjectTable();
        var reference = new HashSet<(UInt128, UInt128)>();
        for (int n = 0; n < 3000; n++)
        {
            int pick = random.Next(pool);
            var low = random.Next(4) == 0 ? new UInt128(0, (ulong)(pick % 7)) : new UInt128((ulong)pick * 0x9E3779B97F4A7C15UL, (ulong)pick * 31);
            var high = new UInt128((ulong)pick, (ulong)(pick % 3));
            if (pick == 0)
            {
                (high, low) = (UInt128.Zero, UInt128.Zero);
            }

            Assert.Equal(reference.Contains((high, low)), table.Contains(high, low));
            Assert.Equal(reference.Add((high, low)), table.Add(high, low));
            Assert.True(table.Contains(high, low));
            Assert.Equal(reference.Count, table.Count);
        }

        Assert.False(table.Contains(UInt128.MaxValue, UInt128.MaxValue));
        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.False(table.Contains(UInt128.Zero, UInt128.Zero));
    }

    // Cleared, the table keeps its room and holds a new set of keys as a new table would.
    [Fact]
    public void Clear_AfterGrowing_ForgetsEveryKeyAndTakesNewOnes()
    {
        var table = new SubjectTable();
        var random = new Random(11);
        var first = Keys(random, 50_000);
        var second = Keys(random, 50_000);
        first.ForEach(key => table.Add(key.High, key.Low));

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.All(first, key => Assert.False(table.Contains(key.High, key.Low)));
        Assert.All(second, key => Assert.True(table.Add(key.High, key.Low)));
        Assert.Equal(second.Count, table.Count);
        Assert.All(second, key => Assert.True(table.Contains(key.High, key.Low)));
    }

    private static List<(UInt128 High, UInt128 Low)> Keys(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()), new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64())))];

    [Fact]
    public void Add_ManyKeys_GrowsAndKeepsEveryOne()
    {
        var table = new SubjectTable();
        var random = new Random(7);
        var keys = new List<(UInt128 High, UInt128 Low)>();
        for (int i = 0; i < 200_000; i++)
        {
            var key = (new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()), new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()));
            keys.Add(key);
            Assert.True(table.Add(key.Item1, key.Item2));
        }

        Assert.Equal(keys.Count, table.Count);
        Assert.All(keys, key => Assert.True(table.Contains(key.High, key.Low)));
        Assert.All(keys.Take(1000), key => Assert.False(table.Add(key.High, key.Low)));
    }
}
