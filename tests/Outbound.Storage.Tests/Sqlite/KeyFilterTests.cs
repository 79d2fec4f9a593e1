using FsCheck.Xunit;
using Outbound.Storage.Sqlite;

namespace Outbound.Storage.Tests.Sqlite;

public sealed class KeyFilterTests
{
    // Whatever was added is always said to be possibly there, also after the filter grew by segments.
    [Property(MaxTest = 50)]
    public void MayContain_EveryKeyAdded_IsNeverDenied(int seed, ushort extra)
    {
        var random = new Random(seed);
        var filter = new KeyFilter(1024);
        var keys = new List<byte[]>();
        for (int i = 0; i < 1024 + extra % 6000; i++)
        {
            byte[] key = new byte[32];
            random.NextBytes(key);
            filter.Add(key);
            keys.Add(key);
        }

        Assert.All(keys, key => Assert.True(filter.MayContain(key)));
        Assert.Equal(keys.Count, filter.Count);
    }

    [Fact]
    public void MayContain_KeysNeverAdded_AreMostlyDenied()
    {
        var random = new Random(20261130);
        var filter = new KeyFilter(100_000);
        byte[] key = new byte[32];
        for (int i = 0; i < 100_000; i++)
        {
            random.NextBytes(key);
            filter.Add(key);
        }

        int taken = 0;
        for (int i = 0; i < 200_000; i++)
        {
            random.NextBytes(key);
            taken += filter.MayContain(key) ? 1 : 0;
        }

        // About 0.2% expected at 16 bits a key; a filter that set too few bits or too many would pass 1%.
        Assert.InRange(taken, 1, 2_000);
    }

    [Fact]
    public void Empty_DeniesEverything()
    {
        var filter = new KeyFilter(0);
        Assert.False(filter.MayContain(new byte[32]));
        Assert.False(filter.MayContain(Enumerable.Repeat((byte)0xff, 32).ToArray()));
    }
}
