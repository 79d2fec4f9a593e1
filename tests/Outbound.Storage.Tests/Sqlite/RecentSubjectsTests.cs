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
}
