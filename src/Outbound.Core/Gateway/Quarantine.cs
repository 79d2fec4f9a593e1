namespace Outbound.Gateway;

/// <summary>Why a record was retained rather than released.</summary>
public enum RetainReason
{
    /// <summary>The transfer's pathway is not in place for the persons the record would add (RULES R-BLK-7).</summary>
    PathwayNotInPlace,

    /// <summary>The transfer is blocked outright (RULES R-BLK-1 … R-BLK-6).</summary>
    Blocked,

    /// <summary>The record carries a category the transfer's approval does not cover (RULES R-BLK-5).</summary>
    ScopeExceeded,

    /// <summary>The record falls in a k-anonymity class smaller than the policy's k and could not be generalised further.</summary>
    KAnonymity,

    /// <summary>The policy says to retain records of this kind.</summary>
    Policy,
}

/// <summary>A retained record to put in quarantine, already sealed (see <see cref="QuarantineSealer"/>).</summary>
/// <param name="RunId">The export run.</param>
/// <param name="Batch">The batch number within the run.</param>
/// <param name="Position">The record's 1-based line or row in its source.</param>
/// <param name="Reason">Why it was retained.</param>
/// <param name="RuleId">The rule behind the reason (e.g. <c>R-BLK-5</c>), when there is one.</param>
/// <param name="Detail">A sentence saying why, never quoting the data.</param>
/// <param name="Sealed">The record, sealed: nonce, ciphertext and tag.</param>
/// <param name="KeyId">The id of the quarantine key that sealed it.</param>
public sealed record QuarantineItem(string RunId, int Batch, long Position, RetainReason Reason, string? RuleId, string Detail, ReadOnlyMemory<byte> Sealed, string KeyId);

/// <summary>Why a quarantined record is retained now, after going through the gate again.</summary>
/// <param name="Id">The store's id of the record.</param>
/// <param name="Reason">Why it is retained.</param>
/// <param name="RuleId">The rule behind the reason, if any.</param>
/// <param name="Detail">The reason in a sentence, never quoting the data.</param>
public sealed record QuarantineReason(long Id, RetainReason Reason, string? RuleId, string Detail);

/// <summary>A record held in quarantine.</summary>
/// <param name="Id">The store's id of the record.</param>
/// <param name="Item">What was put in.</param>
/// <param name="Retained">When it was retained.</param>
/// <param name="Released">When it was released, if it was.</param>
public sealed record QuarantinedRecord(long Id, QuarantineItem Item, DateTimeOffset Retained, DateTimeOffset? Released);

/// <summary>Which quarantined records to list.</summary>
/// <param name="RunId">Only those of this export run, when given.</param>
/// <param name="Reason">Only those retained for this reason, when given.</param>
/// <param name="IncludeReleased">Whether released records are listed too.</param>
/// <param name="Limit">At most this many, oldest first.</param>
/// <param name="AfterId">Only those with a greater id: the last id of the page before, to read a page at a time.</param>
public sealed record QuarantineQuery(string? RunId = null, RetainReason? Reason = null, bool IncludeReleased = false, int Limit = int.MaxValue, long AfterId = 0);
