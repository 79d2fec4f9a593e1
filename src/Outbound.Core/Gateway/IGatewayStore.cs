using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>
/// The ports the export gateway needs — ledger, approvals, quarantine, audit log and the export runs' manifest — on
/// one database, so that everything a batch writes commits together or not at all.
/// </summary>
/// <remarks>
/// Implementations: SQLite (the embedded default) and PostgreSQL (shared), in <c>Outbound.Storage</c>. Raw
/// identifiers never reach a store: the ledger holds subject keys, quarantine holds sealed records, the audit log
/// holds counts, digests and decisions. An instance may be used from one thread at a time.
/// </remarks>
public interface IGatewayStore : IDisposable
{
    /// <summary>Gets the store's location as shown to people, without any password.</summary>
    string Description { get; }

    /// <summary>Returns the distinct persons the handler exported in <paramref name="year"/>, by sensitivity.</summary>
    PersonCounts Totals(string handler, int year);

    /// <summary>Returns the approvals on file for the handler, in the order they were imported.</summary>
    ImmutableArray<Approval> Approvals(string handler);

    /// <summary>
    /// Takes approvals into the store and audits the import. An approval equal to one on file is left as it is; an
    /// approval with the id of a different one on file is an error and nothing is imported.
    /// </summary>
    /// <returns>The ids of the approvals added (those already on file are not listed).</returns>
    /// <exception cref="ApprovalConflictException">An approval has the id of a different approval on file.</exception>
    ImmutableArray<string> ImportApprovals(string handler, IReadOnlyList<Approval> approvals, AuditRecord audit);

    /// <summary>Returns the run with this key's id, creating it (with no batches) when it is new.</summary>
    ExportRun OpenRun(ExportRunKey key, DateTimeOffset now);

    /// <summary>Returns the run with this id, or <see langword="null"/>.</summary>
    ExportRun? FindRun(string runId);

    /// <summary>
    /// Starts the transaction of one batch for <paramref name="handler"/> and <paramref name="year"/>. Batches of the
    /// same handler and year are serialised (SQLite: a write transaction; PostgreSQL: a transaction-scoped lock), so
    /// the totals a batch sees stay true until it commits.
    /// </summary>
    IGatewayTransaction Begin(string handler, int year);

    /// <summary>Lists quarantined records, oldest first.</summary>
    ImmutableArray<QuarantinedRecord> Quarantined(QuarantineQuery query);

    /// <summary>Reads the audit log from <paramref name="fromSequence"/> on, in order.</summary>
    IEnumerable<AuditEntry> AuditEntries(long fromSequence = 1);

    /// <summary>Reads the audit checkpoints, in order.</summary>
    ImmutableArray<AuditCheckpoint> AuditCheckpoints();
}

/// <summary>
/// The transaction of one batch: ledger, quarantine, audit entry and manifest entry. Disposing it without
/// <see cref="Commit"/> rolls everything back.
/// </summary>
public interface IGatewayTransaction : IDisposable
{
    /// <summary>Gets the handler's totals for the year when the transaction began.</summary>
    PersonCounts Before { get; }

    /// <summary>Returns what registering <paramref name="entries"/> would lead to, writing nothing; entries may repeat, each person counts once.</summary>
    LedgerRegistration Preview(IReadOnlyCollection<LedgerEntry> entries);

    /// <summary>
    /// Adds the entries not counted yet, unless the totals after would pass <paramref name="ceiling"/> on either
    /// count, in which case nothing is added and <see cref="LedgerRegistration.Registered"/> is false. Entries may repeat; each person counts once.
    /// </summary>
    LedgerRegistration Register(IReadOnlyCollection<LedgerEntry> entries, PersonCounts ceiling);

    /// <summary>Puts retained records in quarantine.</summary>
    void Quarantine(IReadOnlyList<QuarantineItem> items);

    /// <summary>Marks quarantined records released.</summary>
    /// <exception cref="InvalidOperationException">A record does not exist or was released already.</exception>
    void MarkReleased(IReadOnlyList<long> ids, DateTimeOffset released);

    /// <summary>
    /// Records why quarantined records that went through the gate again are still retained (the reason may have changed,
    /// e.g. from a missing pathway to a category outside the approval's scope); records released meanwhile are left as they are.
    /// </summary>
    void UpdateReasons(IReadOnlyList<QuarantineReason> reasons);

    /// <summary>Appends an entry to the audit log, chained to the one before.</summary>
    AuditEntry Append(AuditRecord record);

    /// <summary>Records a committed batch in its run's manifest.</summary>
    /// <exception cref="InvalidOperationException">The run already has this batch.</exception>
    void RecordBatch(BatchManifest manifest);

    /// <summary>Commits; when entries were appended and the store has a signer, a signed checkpoint of the new head is committed with them.</summary>
    /// <returns>The checkpoint written, or <see langword="null"/>.</returns>
    AuditCheckpoint? Commit();
}

/// <summary>An approval has the id of a different approval already on file.</summary>
public sealed class ApprovalConflictException(string id, string message) : Exception(message)
{
    /// <summary>Gets the conflicting id.</summary>
    public string Id { get; } = id;
}
