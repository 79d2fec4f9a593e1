using Outbound.Gateway;

namespace Outbound.Core.Tests.Gateway;

public sealed class AuditVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    private readonly AuditSigner _key = AuditSigner.Create();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Verify_UntouchedLog_Intact()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);

        var result = AuditVerifier.Verify(entries, checkpoints, _key, checkpoints[^1]);

        Assert.True(result.Intact, result.Problem?.Message);
        Assert.Equal(6, result.Entries);
        Assert.Equal(6, result.CheckpointedThrough);
        Assert.Equal(0, result.NotYetCheckpointed);
        Assert.True(result.SignaturesChecked);
    }

    [Fact]
    public void Verify_EntriesAfterLastCheckpoint_IntactAndReportedNotYetCheckpointed()
    {
        var (entries, checkpoints) = Log(5, checkpointEvery: 2);

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.True(result.Intact);
        Assert.Equal(4, result.CheckpointedThrough);
        Assert.Equal(1, result.NotYetCheckpointed);
    }

    [Fact]
    public void Verify_EditedBody_NamesThatEntry()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries[2] = entries[2] with { Body = """{"released":1000}""" };

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal(new AuditFinding(3, AuditProblem.HashMismatch, "Entry 3 does not match its hash: its content (kind, actor, time or body) was changed after it was written."), result.Problem);
    }

    [Fact]
    public void Verify_EditedTime_NamesThatEntry()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries[4] = entries[4] with { Time = entries[4].Time.AddTicks(1) };

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal((5, AuditProblem.HashMismatch), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_DeletedMiddleEntry_NamesTheMissingOne()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries.RemoveAt(2);

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal(new AuditFinding(3, AuditProblem.SequenceGap, "Entry 3 is missing: the log goes from entry 2 to entry 4."), result.Problem);
    }

    [Fact]
    public void Verify_DeletedAndRenumbered_ChainBreaks()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries.RemoveAt(2);
        for (int i = 2; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Sequence = i + 1 };
        }

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal((3, AuditProblem.PreviousMismatch), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_TruncatedTailWithItsCheckpoints_CaughtByTheAnchor()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        var anchor = checkpoints[^1];
        entries.RemoveRange(4, 2);
        checkpoints.RemoveAt(checkpoints.Count - 1);

        var withoutAnchor = AuditVerifier.Verify(entries, checkpoints, _key);
        var withAnchor = AuditVerifier.Verify(entries, checkpoints, _key, anchor);

        Assert.True(withoutAnchor.Intact);
        Assert.Equal(
            new AuditFinding(5, AuditProblem.AnchorBeyondLog, "The log ends at entry 4, but the head anchored outside the database is entry 6: entries 5 to 6 were removed."),
            withAnchor.Problem);
    }

    [Fact]
    public void Verify_TruncatedTailKeepingItsCheckpoint_Caught()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries.RemoveRange(4, 2);

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal((5, AuditProblem.CheckpointBeyondLog), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_WholeChainRecomputedAfterEdit_CheckpointSignatureFails()
    {
        // Given an attacker who edits entry 3, recomputes every hash after it and puts the new hashes in the checkpoints
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries[2] = entries[2] with { Body = """{"released":0}""" };
        var rechained = Rechain(entries);
        var rewritten = checkpoints.Select(c => c with { Hash = rechained[(int)c.Sequence - 1].Hash }).ToList();

        // When
        var result = AuditVerifier.Verify(rechained, rewritten, _key);

        // Then the first checkpoint after the edit no longer verifies
        Assert.Equal((4, AuditProblem.CheckpointSignatureInvalid), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_WholeChainRecomputedCheckpointsKept_CheckpointHashMismatch()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries[2] = entries[2] with { Actor = "mallory" };

        var result = AuditVerifier.Verify(Rechain(entries), checkpoints, key: null);

        Assert.Equal((4, AuditProblem.CheckpointHashMismatch), (result.Problem!.Sequence, result.Problem.Problem));
        Assert.False(result.SignaturesChecked);
    }

    [Fact]
    public void Verify_WholeChainRecomputedCheckpointsDropped_CaughtByTheAnchor()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 2);
        entries[2] = entries[2] with { Actor = "mallory" };

        var result = AuditVerifier.Verify(Rechain(entries), [], _key, checkpoints[^1]);

        Assert.Equal((6, AuditProblem.AnchorHashMismatch), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_ForgedCheckpoint_SignatureFails()
    {
        var (entries, checkpoints) = Log(6, checkpointEvery: 3);
        var genuine = checkpoints[0];
        checkpoints.Insert(1, genuine with { Sequence = 5, Hash = entries[4].Hash, Time = genuine.Time.AddMinutes(1) });

        var result = AuditVerifier.Verify(entries, checkpoints, _key);

        Assert.Equal((5, AuditProblem.CheckpointSignatureInvalid), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_CheckpointsResignedWithAnotherKey_NamesBothKeys()
    {
        using var mallory = AuditSigner.Create();
        var (entries, checkpoints) = Log(4, checkpointEvery: 2);
        var resigned = checkpoints.Select(c => mallory.Sign(entries[(int)c.Sequence - 1], c.Time)).ToList();

        var result = AuditVerifier.Verify(entries, resigned, _key);

        Assert.Equal(
            new AuditFinding(2, AuditProblem.CheckpointOtherKey, $"Checkpoint 2 was signed by key {mallory.KeyId}, not by the audit key given ({_key.KeyId})."),
            result.Problem);
    }

    [Fact]
    public void Verify_AnotherKeyGivenThanTheAnchors_AnchorRefused()
    {
        using var mallory = AuditSigner.Create();
        var (entries, checkpoints) = Log(4, checkpointEvery: 2);
        var resigned = checkpoints.Select(c => mallory.Sign(entries[(int)c.Sequence - 1], c.Time)).ToList();

        var result = AuditVerifier.Verify(entries, resigned, mallory, anchor: checkpoints[^1]);

        Assert.Equal((4, AuditProblem.AnchorSignatureInvalid), (result.Problem!.Sequence, result.Problem.Problem));
    }

    [Fact]
    public void Verify_EmptyLog_Intact()
    {
        var result = AuditVerifier.Verify([], [], _key);

        Assert.True(result.Intact);
        Assert.Equal(0, result.LastSequence);
    }

    private (List<AuditEntry> Entries, List<AuditCheckpoint> Checkpoints) Log(int count, int checkpointEvery)
    {
        var entries = new List<AuditEntry>();
        var checkpoints = new List<AuditCheckpoint>();
        AuditEntry? head = null;
        for (int i = 1; i <= count; i++)
        {
            var kind = i % 3 == 0 ? AuditKind.ApprovalImport : AuditKind.ExportBatch;
            head = AuditChain.Next(head, new AuditRecord(kind, "ops", Start.AddMinutes(i), $$"""{"batch":{{i}},"released":{{10 * i}}}"""));
            entries.Add(head);
            if (i % checkpointEvery == 0)
            {
                checkpoints.Add(_key.Sign(head, head.Time.AddSeconds(1)));
            }
        }

        return (entries, checkpoints);
    }

    private static List<AuditEntry> Rechain(List<AuditEntry> entries)
    {
        var rechained = new List<AuditEntry>();
        AuditEntry? head = null;
        foreach (var entry in entries)
        {
            head = AuditChain.Next(head, new AuditRecord(entry.Kind, entry.Actor, entry.Time, entry.Body));
            rechained.Add(head);
        }

        return rechained;
    }
}
