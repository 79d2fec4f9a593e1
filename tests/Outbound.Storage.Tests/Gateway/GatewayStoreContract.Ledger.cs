using Outbound.Detection;
using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    [Fact]
    public void Register_RepeatsWithinBatch_CountedOnce()
    {
        var store = Open();

        var registration = RegisterBatch(store, [Person(1), Person(2), Person(2), Person(3), Person(1)]);

        Assert.Equal(new LedgerRegistration(new(0, 0), new(3, 0), Registered: true), registration);
        Assert.Equal(new PersonCounts(3, 0), store.Totals(Handler, Year));
    }

    [Fact]
    public void Register_KeysAlikeInTheirFirst64Bits_CountedExactlyAndKnownAfter()
    {
        var store = Open();
        var keyId = Person(1).Subject.KeyId;

        // Keys equal in their first 64 bits and told apart only by later ones, given out of order with repeats, among
        // ordinary keys: every distinct one counts once, and each is found again by the next batch.
        var alike = Enumerable.Range(0, 60)
            .Select(i => new LedgerEntry(new SubjectKey(keyId, new UInt128(0x9E3779B97F4A7C15, (ulong)(i * 37 % 20)), new UInt128(0, (ulong)(i % 3))), Sensitivity.NonSensitive))
            .ToList();
        var entries = alike.Concat(People(1, 30)).Concat(alike.Take(10)).ToArray();
        int distinct = alike.Select(e => e.Subject).Distinct().Count() + 30;

        var first = RegisterBatch(store, [.. entries.Reverse()]);
        var again = RegisterBatch(store, [.. alike.Where((_, i) => i % 2 == 0), .. People(25, 32)]);

        Assert.Equal(new PersonCounts(distinct, 0), first.Added);
        Assert.Equal(new PersonCounts(2, 0), again.Added);
        Assert.Equal(new PersonCounts(distinct + 2, 0), store.Totals(Handler, Year));
    }

    [Fact]
    public void Register_LaterBatch_CountsOnlyPersonsNotCountedYet()
    {
        var store = Open();
        RegisterBatch(store, People(1, 3));

        var registration = RegisterBatch(store, People(2, 5));

        Assert.Equal(new PersonCounts(2, 0), registration.Added);
        Assert.Equal(new PersonCounts(5, 0), store.Totals(Handler, Year));
    }

    [Fact]
    public void Register_SamePersonSensitiveAndNot_CountedInEachApart()
    {
        var store = Open();

        RegisterBatch(store, [Person(1), Person(1, Sensitivity.Sensitive), Person(2, Sensitivity.Sensitive)]);
        RegisterBatch(store, [Person(2, Sensitivity.Sensitive), Person(2)]);

        Assert.Equal(new PersonCounts(2, 2), store.Totals(Handler, Year));
    }

    [Fact]
    public void Register_OtherYearOrHandler_CountedApart()
    {
        var store = Open();

        RegisterBatch(store, People(1, 2));
        RegisterBatch(store, People(1, 3), year: Year + 1);
        RegisterBatch(store, People(1, 4), handler: "上海另一家公司");

        Assert.Equal(new PersonCounts(2, 0), store.Totals(Handler, Year));
        Assert.Equal(new PersonCounts(3, 0), store.Totals(Handler, Year + 1));
        Assert.Equal(new PersonCounts(4, 0), store.Totals("上海另一家公司", Year));
        Assert.Equal(new PersonCounts(0, 0), store.Totals(Handler, Year - 1));
    }

    [Fact]
    public void Register_WouldPassCeiling_AddsNothingAndSaysWhereItWouldLead()
    {
        var store = Open();
        RegisterBatch(store, People(1, 3));

        using (var transaction = store.Begin(Handler, Year))
        {
            var refused = transaction.Register(People(3, 6), new PersonCounts(5, long.MaxValue));
            var sensitiveRefused = transaction.Register([Person(9, Sensitivity.Sensitive)], new PersonCounts(long.MaxValue, 0));
            var accepted = transaction.Register(People(3, 5), new PersonCounts(5, 0));
            transaction.Commit();

            Assert.Equal(new LedgerRegistration(new(3, 0), new(6, 0), Registered: false), refused);
            Assert.Equal(new LedgerRegistration(new(3, 0), new(3, 1), Registered: false), sensitiveRefused);
            Assert.Equal(new LedgerRegistration(new(3, 0), new(5, 0), Registered: true), accepted);
        }

        Assert.Equal(new PersonCounts(5, 0), store.Totals(Handler, Year));
        Assert.Equal(new PersonCounts(0, 0), RegisterBatch(store, People(1, 5)).Added);
    }

    [Fact]
    public void Preview_NewAndKnownPersons_CountsWithoutWriting()
    {
        var store = Open();
        RegisterBatch(store, People(1, 2));

        LedgerRegistration preview;
        using (var transaction = store.Begin(Handler, Year))
        {
            preview = transaction.Preview([.. People(1, 4), Person(4), Person(1, Sensitivity.Sensitive)]);
            transaction.Commit();
        }

        Assert.Equal(new LedgerRegistration(new(2, 0), new(4, 1), Registered: false), preview);
        Assert.Equal(new PersonCounts(2, 0), store.Totals(Handler, Year));
    }

    [Fact]
    public void Begin_Before_HoldsTheTotalsAtTheStart()
    {
        var store = Open();
        RegisterBatch(store, [.. People(1, 3), Person(1, Sensitivity.Sensitive)]);

        using var transaction = store.Begin(Handler, Year);

        Assert.Equal(new PersonCounts(3, 1), transaction.Before);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNothing()
    {
        // Given a batch that wrote to every table, then was abandoned
        var store = Open(AuditSigner.Create());
        var run = store.OpenRun(RunKey(), Now);
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Register(People(1, 3), NoCeiling);
            transaction.Quarantine([Item(run.Key.RunId, 1, 4)]);
            transaction.Append(Record("""{"batch":1}"""));
            transaction.RecordBatch(Manifest(run.Key.RunId, 1));
        }

        // Then nothing of it is left
        Assert.Equal(new PersonCounts(0, 0), store.Totals(Handler, Year));
        Assert.Empty(store.Quarantined(new QuarantineQuery(IncludeReleased: true)));
        Assert.Empty(store.AuditEntries());
        Assert.Empty(store.AuditCheckpoints());
        Assert.Empty(store.FindRun(run.Key.RunId)!.Batches);
        Assert.Equal([0L], Query(store, "SELECT count(*) FROM ledger_subject").Select(Convert.ToInt64));

        // And the next batch's entry is the first of the log
        using var next = store.Begin(Handler, Year);
        Assert.Equal(1, next.Append(Record("""{"batch":1}""")).Sequence);
    }

    [Fact]
    public async Task Register_ConcurrentWritersOnTwoConnections_TotalsExactLogGapFree()
    {
        // Given two stores (as two nodes) on one database, writing overlapping persons in many batches at once
        using var signer = AuditSigner.Create();
        var first = Open(signer);
        var second = Open(signer);
        const int Batches = 12;

        async Task Write(IGatewayStore store, int offset) => await Task.Run(
            () =>
            {
                for (int batch = 0; batch < Batches; batch++)
                {
                    int start = (batch * 40) + offset;
                    using var transaction = store.Begin(Handler, Year);
                    transaction.Register([.. People(start, start + 59), .. People(start, start + 9, Sensitivity.Sensitive)], NoCeiling);
                    transaction.Append(Record($$"""{"batch":{{batch}},"offset":{{offset}}}"""));
                    transaction.Commit();
                }
            },
            TestContext.Current.CancellationToken);

        // When
        await Task.WhenAll(Write(first, 0), Write(second, 20));

        // Then persons 0 … 20 + 11·40 + 59 are counted once each
        long expectedNonSensitive = (20 + (11 * 40) + 59) + 1;
        long expectedSensitive = Enumerable.Range(0, Batches).SelectMany(b => new[] { b * 40, (b * 40) + 20 }).SelectMany(s => Enumerable.Range(s, 10)).Distinct().Count();
        Assert.Equal(new PersonCounts(expectedNonSensitive, expectedSensitive), first.Totals(Handler, Year));
        Assert.Equal([expectedNonSensitive, expectedSensitive], Query(first, "SELECT count(*) FROM ledger_subject GROUP BY sensitivity ORDER BY sensitivity").Select(Convert.ToInt64));
        var verification = AuditVerifier.Verify(first.AuditEntries(), first.AuditCheckpoints(), signer);
        Assert.True(verification.Intact, verification.Problem?.Message);
        Assert.Equal(2 * Batches, verification.LastSequence);
        Assert.Equal(2 * Batches, verification.CheckpointedThrough);
    }
}
