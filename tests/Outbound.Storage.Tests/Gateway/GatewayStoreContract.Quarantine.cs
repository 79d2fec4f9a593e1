using Outbound.Gateway;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    private protected static QuarantineItem Item(string runId, int batch, long position, RetainReason reason = RetainReason.ScopeExceeded) =>
        new(runId, batch, position, reason, reason == RetainReason.ScopeExceeded ? "R-BLK-5" : null, "The record carries the category health, which the approval does not cover.", new byte[] { 1, 2, 3, (byte)position }, "q-key-1");

    [Fact]
    public void Quarantine_Records_ListedOldestFirstWithWhatWasPutIn()
    {
        var store = Open();
        Clock.Now = Now.AddMinutes(5);

        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Quarantine([Item("run-a", 1, 7), Item("run-a", 1, 9, RetainReason.KAnonymity)]);
            transaction.Commit();
        }

        var records = store.Quarantined(new QuarantineQuery());
        Assert.Equal(2, records.Length);
        Assert.True(records[0].Id < records[1].Id);
        Assert.Equal(Item("run-a", 1, 7) with { Sealed = default }, records[0].Item with { Sealed = default });
        Assert.Equal(new byte[] { 1, 2, 3, 7 }, records[0].Item.Sealed.ToArray());
        Assert.Equal((Now.AddMinutes(5), (DateTimeOffset?)null), (records[0].Retained, records[0].Released));
        Assert.Equal((RetainReason.KAnonymity, (string?)null), (records[1].Item.Reason, records[1].Item.RuleId));
    }

    [Fact]
    public void Quarantined_Query_FiltersByRunReasonReleasedAndLimit()
    {
        // Given
        var store = Open();
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Quarantine([Item("run-a", 1, 1), Item("run-a", 1, 2, RetainReason.Policy), Item("run-b", 1, 1), Item("run-b", 2, 5)]);
            transaction.Commit();
        }

        long released = store.Quarantined(new QuarantineQuery(RunId: "run-b"))[0].Id;
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.MarkReleased([released], Now.AddHours(1));
            transaction.Commit();
        }

        // When / Then
        Assert.Equal([("run-a", 1L), ("run-a", 2L), ("run-b", 5L)], Positions(new QuarantineQuery()));
        Assert.Equal([("run-b", 1L), ("run-b", 5L)], Positions(new QuarantineQuery(RunId: "run-b", IncludeReleased: true)));
        Assert.Equal([("run-a", 2L)], Positions(new QuarantineQuery(Reason: RetainReason.Policy)));
        Assert.Equal([("run-a", 1L), ("run-a", 2L)], Positions(new QuarantineQuery(Limit: 2)));

        // A page at a time: after the last id of the page before.
        long second = store.Quarantined(new QuarantineQuery(Limit: 2))[1].Id;
        Assert.Equal([("run-b", 5L)], Positions(new QuarantineQuery(Limit: 2, AfterId: second)));
        Assert.Equal([("run-b", 1L), ("run-b", 5L)], Positions(new QuarantineQuery(IncludeReleased: true, AfterId: second)));
        Assert.Equal(Now.AddHours(1), store.Quarantined(new QuarantineQuery(RunId: "run-b", IncludeReleased: true))[0].Released);

        List<(string, long)> Positions(QuarantineQuery query) => [.. store.Quarantined(query).Select(r => (r.Item.RunId, r.Item.Position))];
    }

    [Fact]
    public void MarkReleased_Twice_ThrowsAndKeepsTheFirstRelease()
    {
        var store = Open();
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Quarantine([Item("run-a", 1, 1), Item("run-a", 1, 2)]);
            transaction.Commit();
        }

        long[] ids = [.. store.Quarantined(new QuarantineQuery()).Select(r => r.Id)];
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.MarkReleased([ids[0]], Now.AddHours(1));
            transaction.Commit();
        }

        using (var transaction = store.Begin(Handler, Year))
        {
            var error = Assert.Throws<InvalidOperationException>(() => transaction.MarkReleased([ids[1], ids[0]], Now.AddHours(2)));
            Assert.Equal($"The quarantined record {ids[0]} was released already.", error.Message);
            transaction.Commit();
        }

        var all = store.Quarantined(new QuarantineQuery(IncludeReleased: true));
        Assert.Equal([Now.AddHours(1), null], all.Select(r => r.Released));
    }

    [Fact]
    public void UpdateReasons_HeldRecords_TakeTheNewReasonAndReleasedOnesKeepTheirs()
    {
        var store = Open();
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Quarantine([Item("run-a", 1, 1, RetainReason.PathwayNotInPlace), Item("run-a", 1, 2, RetainReason.PathwayNotInPlace)]);
            transaction.Commit();
        }

        long[] ids = [.. store.Quarantined(new QuarantineQuery()).Select(r => r.Id)];
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.MarkReleased([ids[1]], Now.AddHours(1));
            transaction.UpdateReasons([
                new QuarantineReason(ids[0], RetainReason.ScopeExceeded, "R-BLK-5", "The record carries bank_account, which no approval of the transfer covers."),
                new QuarantineReason(ids[1], RetainReason.KAnonymity, null, "Never recorded: the record was released."),
            ]);
            transaction.Commit();
        }

        var all = store.Quarantined(new QuarantineQuery(IncludeReleased: true));
        Assert.Equal((RetainReason.ScopeExceeded, "R-BLK-5", "The record carries bank_account, which no approval of the transfer covers."), (all[0].Item.Reason, all[0].Item.RuleId, all[0].Item.Detail));
        Assert.Equal((RetainReason.PathwayNotInPlace, (string?)null), (all[1].Item.Reason, all[1].Item.RuleId));
        Assert.Equal([ids[0]], store.Quarantined(new QuarantineQuery(Reason: RetainReason.ScopeExceeded)).Select(r => r.Id));
    }

    [Fact]
    public void UpdateReasons_RolledBack_LeavesTheReasonAsItWas()
    {
        var store = Open();
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Quarantine([Item("run-a", 1, 1, RetainReason.PathwayNotInPlace)]);
            transaction.Commit();
        }

        long id = store.Quarantined(new QuarantineQuery())[0].Id;
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.UpdateReasons([new QuarantineReason(id, RetainReason.Blocked, null, "The transfer is blocked for the records' personal information.")]);
        }

        Assert.Equal(RetainReason.PathwayNotInPlace, store.Quarantined(new QuarantineQuery())[0].Item.Reason);
    }

    [Fact]
    public void MarkReleased_UnknownRecord_Throws()
    {
        var store = Open();
        using var transaction = store.Begin(Handler, Year);

        var error = Assert.Throws<InvalidOperationException>(() => transaction.MarkReleased([4711], Now));

        Assert.Equal("There is no quarantined record 4711.", error.Message);
    }
}
