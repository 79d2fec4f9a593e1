namespace Outbound.Gateway;

/// <summary>What an audit entry records.</summary>
public enum AuditKind
{
    /// <summary>A batch of an export: what was released and retained, under which pathway.</summary>
    ExportBatch,

    /// <summary>Approvals (filed contracts, certificates, assessments) taken into the store.</summary>
    ApprovalImport,

    /// <summary>Retained records released from quarantine.</summary>
    QuarantineRelease,
}

/// <summary>An entry to append to the audit log; the store gives it its sequence number and chains it.</summary>
/// <param name="Kind">What the entry records.</param>
/// <param name="Actor">Who acted: the operating-system user, or the name given with <c>--actor</c>.</param>
/// <param name="Time">When, from the caller's clock.</param>
/// <param name="Body">The entry's content as one JSON object (snake_case names, RULES R-OBL-10 fields); it never holds a raw identifier or a key.</param>
public sealed record AuditRecord(AuditKind Kind, string Actor, DateTimeOffset Time, string Body);

/// <summary>One entry of the audit log as stored.</summary>
/// <param name="Sequence">The entry's 1-based position in the log.</param>
/// <param name="Kind">What the entry records.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Time">When.</param>
/// <param name="Body">The entry's content as one JSON object.</param>
/// <param name="Previous">The hash of the entry before (32 zero bytes for the first).</param>
/// <param name="Hash">This entry's hash: see <see cref="AuditChain"/>.</param>
public sealed record AuditEntry(long Sequence, AuditKind Kind, string Actor, DateTimeOffset Time, string Body, ReadOnlyMemory<byte> Previous, ReadOnlyMemory<byte> Hash);

/// <summary>A signed statement that the log held <see cref="Sequence"/> entries ending in <see cref="Hash"/>.</summary>
/// <param name="Sequence">The last entry covered.</param>
/// <param name="Hash">That entry's hash.</param>
/// <param name="Time">When the checkpoint was signed.</param>
/// <param name="KeyId">The signing key's id (first 16 hex digits of the SHA-256 of its public key).</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature over <see cref="AuditChain.CheckpointMessage"/>.</param>
public sealed record AuditCheckpoint(long Sequence, ReadOnlyMemory<byte> Hash, DateTimeOffset Time, string KeyId, ReadOnlyMemory<byte> Signature);
