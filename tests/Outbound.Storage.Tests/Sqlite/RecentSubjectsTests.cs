using Outbound.Storage.Sqlite;

namespace Outbound.Storage.Tests.Sqlite;

public sealed class RecentSubjectsTests
{
    private const long Scope = 1;

    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    // A transaction that added keys and never committed (rolled back, or its move of the recent keys was), followed by
    // one that finds another generation: the first one's keys were never written, so they must not count as known.
    [Fact]
    public void Reset_AfterATransactionThatNeverCommitted_ItsKeysAreNotTakenByTheNextCommit()
    {
        var recent = new RecentSubjects();
        recent.Reset(0);
        recent.AddPending(Scope, Key(1));

        recent.Reset(1);
        recent.AddPending(Scope, Key(2));
        recent.CommitPending();

        Assert.False(recent.Contains(Scope, Key(1)));
        Assert.True(recent.Contains(Scope, Key(2)));
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void Reset_CommittedKeys_AreForgottenAndNewOnesKept()
    {
        var recent = new RecentSubjects();
        recent.Reset(0);
        for (byte b = 1; b <= 100; b++)
        {
            recent.AddCommitted(b, Scope, Key(b));
        }

        recent.Reset(1);
        recent.AddCommitted(1, Scope, Key(200));

        Assert.Equal(1, recent.Count);
        Assert.Equal(1, recent.LastId);
        Assert.False(recent.Contains(Scope, Key(1)));
        Assert.True(recent.Contains(Scope, Key(200)));
    }

    // Keys looked up together, as a batch's are: committed ones, pending ones, ones of another scope and unknown ones
    // side by side, more of them than the lookups fetch ahead, each marked as a lookup of it alone answers.
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void MarkKnown_KeysOfABatch_AreMarkedExactlyAsEachOneAlone(int seed)
    {
        var random = new Random(seed);
        var recent = new RecentSubjects();
        recent.Reset(0);
        var keys = new byte[300 * 32];
        random.NextBytes(keys);
        for (int i = 0; i < 300; i++)
        {
            var key = keys.AsSpan(i * 32, 32);
            switch (i % 4)
            {
                case 0:
                    recent.AddCommitted(i + 1, Scope, key);
                    break;
                case 1:
                    recent.AddPending(Scope, key);
                    break;
                case 2:
                    recent.AddCommitted(i + 1, Scope + 1, key);
                    break;
            }
        }

        var known = new bool[300];
        recent.MarkKnown(Scope, keys, known);

        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(i % 4 is 0 or 1, known[i]);
            Assert.Equal(recent.Contains(Scope, keys.AsSpan(i * 32, 32)), known[i]);
        }
    }

    [Fact]
    public void MarkKnown_AScopeNeverSeen_MarksNothing()
    {
        var recent = new RecentSubjects();
        recent.Reset(0);
        recent.AddCommitted(1, Scope, Key(1));

        var known = new bool[2];
        recent.MarkKnown(Scope + 5, [.. Key(1), .. Key(2)], known);

        Assert.Equal([false, false], known);
    }
}
