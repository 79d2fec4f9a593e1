using System.Data.Common;
using Outbound.Gateway;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    [Fact]
    public void Append_AcrossTransactions_ChainsEntriesFromOne()
    {
        var store = Open();

        for (int batch = 1; batch <= 3; batch++)
        {
            using var transaction = store.Begin(Handler, Year);
            transaction.Append(new AuditRecord(AuditKind.ExportBatch, "ops", Now.AddTicks(batch), $$"""{"batch":{{batch}}}"""));
            transaction.Commit();
        }

        var entries = store.AuditEntries().ToList();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.All(entries, entry => Assert.True(AuditChain.HashMatches(entry)));
        Assert.Equal(AuditChain.Genesis.ToArray(), entries[0].Previous.ToArray());
        Assert.Equal(entries[1].Hash.ToArray(), entries[2].Previous.ToArray());
        Assert.Equal(Now.AddTicks(3), entries[2].Time);
        Assert.Equal([2L, 3L], store.AuditEntries(fromSequence: 2).Select(e => e.Sequence));
    }

    [Fact]
    public void Commit_WithSignerAfterAppending_WritesSignedCheckpointOfTheHead()
    {
        using var signer = AuditSigner.Create();
        var store = Open(signer);
        Clock.Now = Now.AddSeconds(30);

        AuditCheckpoint? checkpoint;
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Append(Record("""{"batch":1}"""));
            var head = transaction.Append(Record("""{"batch":2}"""));
            checkpoint = transaction.Commit();
            Assert.Equal((2L, Convert.ToHexString(head.Hash.Span)), (checkpoint!.Sequence, Convert.ToHexString(checkpoint.Hash.Span)));
        }

        var stored = Assert.Single(store.AuditCheckpoints());
        Assert.Equal((checkpoint.Sequence, checkpoint.Time, checkpoint.KeyId), (stored.Sequence, stored.Time, stored.KeyId));
        Assert.Equal(Now.AddSeconds(30), stored.Time);
        Assert.True(signer.Verify(stored));
        Assert.True(AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), signer).Intact);
    }

    [Fact]
    public void Commit_NothingAppendedOrNoSigner_WritesNoCheckpoint()
    {
        using var signer = AuditSigner.Create();
        var signed = Open(signer);
        using (var transaction = signed.Begin(Handler, Year))
        {
            transaction.Register(People(1, 2), NoCeiling);
            Assert.Null(transaction.Commit());
        }

        var unsigned = Open();
        using (var transaction = unsigned.Begin(Handler, Year))
        {
            transaction.Append(Record("{}"));
            Assert.Null(transaction.Commit());
        }

        Assert.Empty(signed.AuditCheckpoints());
        Assert.Single(signed.AuditEntries());
    }

    [Theory]
    [InlineData("UPDATE audit_log SET body = '{}'")]
    [InlineData("DELETE FROM audit_log WHERE sequence = 2")]
    [InlineData("UPDATE audit_checkpoint SET time = '2020-01-01T00:00:00.0000000Z'")]
    [InlineData("DELETE FROM audit_checkpoint")]
    public void AuditTables_ChangeOrDelete_RefusedByTheDatabase(string sql)
    {
        using var signer = AuditSigner.Create();
        var store = Open(signer);
        AppendBatches(store, 3);

        Assert.ThrowsAny<DbException>(() => Execute(store, sql));

        Assert.True(AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), signer).Intact);
    }

    [Fact]
    public void AuditEntries_BodyEditedPastTheTriggers_VerifierNamesTheEntry()
    {
        using var signer = AuditSigner.Create();
        var store = Open(signer);
        AppendBatches(store, 4);

        Execute(store, DropAuditTriggersSql);
        Execute(store, """UPDATE audit_log SET body = '{"batch":3,"released":0}' WHERE sequence = 3""");

        var result = AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), signer);
        Assert.Equal((3L, AuditProblem.HashMismatch), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void AuditEntries_TailDeletedPastTheTriggers_CaughtByTheAnchor()
    {
        using var signer = AuditSigner.Create();
        var store = Open(signer);
        var anchor = AppendBatches(store, 4);

        Execute(store, DropAuditTriggersSql);
        Execute(store, "DELETE FROM audit_log WHERE sequence > 2; DELETE FROM audit_checkpoint WHERE sequence > 2");

        var result = AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), signer, anchor);
        Assert.Equal((3L, AuditProblem.AnchorBeyondLog), (result.Problem!.Sequence, result.Problem.Problem));
    }

    /// <summary>Commits <paramref name="count"/> batches of one entry each; returns the last checkpoint.</summary>
    private static AuditCheckpoint? AppendBatches(IGatewayStore store, int count)
    {
        AuditCheckpoint? checkpoint = null;
        for (int batch = 1; batch <= count; batch++)
        {
            using var transaction = store.Begin(Handler, Year);
            transaction.Append(Record($$"""{"batch":{{batch}}}"""));
            checkpoint = transaction.Commit();
        }

        return checkpoint;
    }
}
