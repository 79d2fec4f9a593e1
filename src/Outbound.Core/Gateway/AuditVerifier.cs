using System.Globalization;

namespace Outbound.Gateway;

/// <summary>What is wrong with an audit log.</summary>
public enum AuditProblem
{
    /// <summary>An entry is missing (or out of order): sequence numbers must run 1, 2, 3, … without a gap.</summary>
    SequenceGap,

    /// <summary>An entry does not name the hash of the entry before it as its previous hash.</summary>
    PreviousMismatch,

    /// <summary>An entry's content does not give its hash: it was changed after it was written.</summary>
    HashMismatch,

    /// <summary>A checkpoint was signed by another key than the audit key given.</summary>
    CheckpointOtherKey,

    /// <summary>A checkpoint's signature does not verify.</summary>
    CheckpointSignatureInvalid,

    /// <summary>A checkpoint signed another hash than the entry at its sequence has.</summary>
    CheckpointHashMismatch,

    /// <summary>A checkpoint covers entries the log no longer has.</summary>
    CheckpointBeyondLog,

    /// <summary>The head anchored outside the database is not the log's: its signature does not verify with the audit key.</summary>
    AnchorSignatureInvalid,

    /// <summary>The log is shorter than the head anchored outside the database: its tail was removed.</summary>
    AnchorBeyondLog,

    /// <summary>The entry at the anchored head's sequence has another hash than the anchor.</summary>
    AnchorHashMismatch,
}

/// <summary>The first thing found wrong with an audit log.</summary>
/// <param name="Sequence">The first bad entry's sequence number (for a removed tail, the first entry missing).</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Message">A sentence saying what is wrong, for people.</param>
public sealed record AuditFinding(long Sequence, AuditProblem Problem, string Message);

/// <summary>The outcome of <see cref="AuditVerifier.Verify"/>.</summary>
public sealed record AuditVerification
{
    /// <summary>Gets the number of entries read.</summary>
    public required long Entries { get; init; }

    /// <summary>Gets the sequence number of the last entry read, or 0.</summary>
    public required long LastSequence { get; init; }

    /// <summary>Gets the number of checkpoints given.</summary>
    public required int Checkpoints { get; init; }

    /// <summary>Gets the last entry a checkpoint covers, or 0.</summary>
    public required long CheckpointedThrough { get; init; }

    /// <summary>Gets a value indicating whether checkpoint signatures were checked (an audit key was given).</summary>
    public required bool SignaturesChecked { get; init; }

    /// <summary>Gets the head anchored outside the database that was checked, or <see langword="null"/>.</summary>
    public AuditCheckpoint? Anchor { get; init; }

    /// <summary>Gets the first problem found, or <see langword="null"/> when the log is intact.</summary>
    public AuditFinding? Problem { get; init; }

    /// <summary>Gets a value indicating whether nothing was found wrong.</summary>
    public bool Intact => Problem is null;

    /// <summary>Gets the number of entries after the last checkpoint: intact as a chain, but not yet covered by a signature.</summary>
    public long NotYetCheckpointed => LastSequence - Math.Min(CheckpointedThrough, LastSequence);
}

/// <summary>Checks an audit log: the chain of entries, the signed checkpoints and, when given, a head anchored outside the database.</summary>
/// <remarks>
/// <para>
/// Entries must run 1, 2, 3, … without a gap; each must name the hash of the one before as its previous hash
/// (32 zero bytes for the first) and its content must give its own hash (<see cref="AuditChain.HashMatches"/>).
/// </para>
/// <para>
/// Each checkpoint's hash must be the hash of the entry at its sequence and, when an audit key is given, its
/// signature must be that key's. A chain recomputed after an edit then fails at the first checkpoint after the edit,
/// since the signature cannot be recomputed without the private key.
/// </para>
/// <para>
/// Removing the tail of the log (and its checkpoints) leaves a shorter chain that is intact in itself; the anchor —
/// the last checkpoint, written to a file outside the database — catches it: the log must reach the anchor's
/// sequence, with the anchor's hash there.
/// </para>
/// </remarks>
public static class AuditVerifier
{
    /// <summary>Checks the log; stops at the first problem.</summary>
    /// <param name="entries">The log's entries, in order.</param>
    /// <param name="checkpoints">The log's checkpoints.</param>
    /// <param name="key">The audit key (public or private) to check signatures with, or <see langword="null"/> to check hashes only.</param>
    /// <param name="anchor">The head anchored outside the database, or <see langword="null"/>.</param>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, IReadOnlyList<AuditCheckpoint> checkpoints, AuditSigner? key = null, AuditCheckpoint? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);

        var sorted = checkpoints.OrderBy(checkpoint => checkpoint.Sequence).ToList();
        long count = 0;
        long last = 0;
        long checkpointedThrough = 0;
        AuditFinding? problem = anchor is not null && key is not null ? CheckSignature(anchor, key, isAnchor: true) : null;

        if (problem is null)
        {
            int next = 0;
            ReadOnlyMemory<byte> previous = AuditChain.Genesis;
            foreach (var entry in entries)
            {
                long expected = last + 1;
                problem = CheckEntry(entry, expected, previous);

                // A checkpoint at a sequence the log skipped names its first missing entry.
                while (problem is null && next < sorted.Count && sorted[next].Sequence < entry.Sequence)
                {
                    problem = Found(sorted[next].Sequence, AuditProblem.CheckpointHashMismatch, $"Checkpoint {sorted[next].Sequence} covers an entry the log does not have.");
                }

                while (problem is null && next < sorted.Count && sorted[next].Sequence == entry.Sequence)
                {
                    problem = CheckCheckpoint(sorted[next++], entry, key);
                    checkpointedThrough = entry.Sequence;
                }

                if (problem is null && anchor is not null && anchor.Sequence == entry.Sequence && !anchor.Hash.Span.SequenceEqual(entry.Hash.Span))
                {
                    problem = Found(entry.Sequence, AuditProblem.AnchorHashMismatch, $"Entry {entry.Sequence} has hash {Short(entry.Hash)}, but the head anchored outside the database names hash {Short(anchor.Hash)} for it: the log was rewritten up to here.");
                }

                if (problem is not null)
                {
                    break;
                }

                count++;
                last = entry.Sequence;
                previous = entry.Hash;
            }

            if (problem is null && next < sorted.Count)
            {
                var beyond = sorted[next];
                problem = Found(last + 1, AuditProblem.CheckpointBeyondLog, $"Checkpoint {beyond.Sequence} covers entries the log no longer has: the log ends at entry {last}, so entries {last + 1} to {beyond.Sequence} were removed.");
            }

            if (problem is null && anchor is not null && anchor.Sequence > last)
            {
                problem = Found(last + 1, AuditProblem.AnchorBeyondLog, $"The log ends at entry {last}, but the head anchored outside the database is entry {anchor.Sequence}: entries {last + 1} to {anchor.Sequence} were removed.");
            }
        }

        return new AuditVerification
        {
            Entries = count,
            LastSequence = last,
            Checkpoints = checkpoints.Count,
            CheckpointedThrough = checkpointedThrough,
            SignaturesChecked = key is not null,
            Anchor = anchor,
            Problem = problem,
        };
    }

    private static AuditFinding? CheckEntry(AuditEntry entry, long expected, ReadOnlyMemory<byte> previous)
    {
        if (entry.Sequence > expected)
        {
            return Found(expected, AuditProblem.SequenceGap, expected == entry.Sequence - 1
                ? (FormattableString)$"Entry {expected} is missing: the log goes from entry {expected - 1} to entry {entry.Sequence}."
                : $"Entries {expected} to {entry.Sequence - 1} are missing: the log goes from entry {expected - 1} to entry {entry.Sequence}.");
        }

        if (entry.Sequence < expected)
        {
            return Found(entry.Sequence, AuditProblem.SequenceGap, $"Entry {entry.Sequence} comes again after entry {expected - 1}: sequence numbers must rise by one.");
        }

        if (!entry.Previous.Span.SequenceEqual(previous.Span))
        {
            return Found(entry.Sequence, AuditProblem.PreviousMismatch, entry.Sequence == 1
                ? (FormattableString)$"Entry 1 does not start the chain: its previous hash is not 32 zero bytes."
                : $"Entry {entry.Sequence} does not name the hash of entry {entry.Sequence - 1} as its previous hash: the chain is broken between them.");
        }

        return AuditChain.HashMatches(entry)
            ? null
            : Found(entry.Sequence, AuditProblem.HashMismatch, $"Entry {entry.Sequence} does not match its hash: its content (kind, actor, time or body) was changed after it was written.");
    }

    private static AuditFinding? CheckCheckpoint(AuditCheckpoint checkpoint, AuditEntry entry, AuditSigner? key)
    {
        if (key is not null && CheckSignature(checkpoint, key, isAnchor: false) is { } bad)
        {
            return bad;
        }

        return checkpoint.Hash.Span.SequenceEqual(entry.Hash.Span)
            ? null
            : Found(entry.Sequence, AuditProblem.CheckpointHashMismatch, $"Checkpoint {checkpoint.Sequence} signed hash {Short(checkpoint.Hash)}, but entry {entry.Sequence} has hash {Short(entry.Hash)}: the log was rewritten up to here.");
    }

    private static AuditFinding? CheckSignature(AuditCheckpoint checkpoint, AuditSigner key, bool isAnchor)
    {
        string what = isAnchor ? "The head anchored outside the database" : $"Checkpoint {checkpoint.Sequence}";
        if (checkpoint.KeyId != key.KeyId)
        {
            return Found(
                checkpoint.Sequence,
                isAnchor ? AuditProblem.AnchorSignatureInvalid : AuditProblem.CheckpointOtherKey,
                $"{what} was signed by key {checkpoint.KeyId}, not by the audit key given ({key.KeyId}).");
        }

        return key.Verify(checkpoint)
            ? null
            : Found(
                checkpoint.Sequence,
                isAnchor ? AuditProblem.AnchorSignatureInvalid : AuditProblem.CheckpointSignatureInvalid,
                $"{what}'s signature does not verify with the audit key {key.KeyId}: its sequence, hash or time was changed, or it was never signed by this key.");
    }

    private static AuditFinding Found(long sequence, AuditProblem problem, FormattableString message) =>
        new(sequence, problem, message.ToString(CultureInfo.InvariantCulture));

    private static AuditFinding Found(long sequence, AuditProblem problem, string message) => new(sequence, problem, message);

    private static string Short(ReadOnlyMemory<byte> hash) => Convert.ToHexStringLower(hash.Span)[..Math.Min(16, hash.Length * 2)] + "…";
}
