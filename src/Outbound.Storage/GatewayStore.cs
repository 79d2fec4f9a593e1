using System.Collections.Immutable;
using System.Data.Common;
using Outbound.Detection;
using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Storage;

/// <summary>
/// The gateway's ports on a relational database, in plain ADO.NET with the same SQL for both stores wherever the
/// two agree; the subclasses supply connections, locks and the ledger's bulk statements.
/// </summary>
/// <remarks>
/// Every call opens a connection (pooled) and closes it again; <see cref="Begin"/> keeps one for its transaction.
/// An instance may be used from one thread at a time; several instances (or nodes) may share one database.
/// </remarks>
internal abstract class GatewayStore : IGatewayStore
{
    private const string EntryColumns = "sequence, kind, actor, time, body, previous, hash";

    private const string ApprovalSelect =
        "SELECT id, kind, effective, filed, filing_number, valid_until, status, recipients, purposes, categories, max_individuals, triggers FROM approval";

    private const string QuarantineSelect =
        "SELECT id, run_id, batch, position, reason, rule_id, detail, sealed, key_id, retained, released FROM quarantine";

    private protected GatewayStore(StoreLocation location, GatewayStoreOptions options)
    {
        Location = location;
        Options = options;
    }

    /// <inheritdoc/>
    public string Description => Location.ToString();

    /// <summary>Gets where the store is.</summary>
    internal StoreLocation Location { get; }

    /// <summary>Gets the signer and clock.</summary>
    internal GatewayStoreOptions Options { get; }

    /// <summary>Gets the SQL that reads the audit log's head and, where the store needs it, locks it until commit.</summary>
    private protected abstract string LockHeadSql { get; }

    /// <inheritdoc/>
    public PersonCounts Totals(string handler, int year)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var connection = OpenConnection();
        return ReadTotals(connection, null, handler, year);
    }

    /// <inheritdoc/>
    public ImmutableArray<Approval> Approvals(string handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var connection = OpenConnection();
        using var command = StoreValues.Command(connection, null, $"{ApprovalSelect} WHERE handler = @handler ORDER BY ordinal");
        command.AddText("handler", handler);
        using var reader = command.ExecuteReader();
        var approvals = ImmutableArray.CreateBuilder<Approval>();
        while (reader.Read())
        {
            approvals.Add(ReadApproval(reader).ToApproval());
        }

        return approvals.ToImmutable();
    }

    /// <summary>Returns the handlers with approvals on file, in the order their first approval was imported.</summary>
    public ImmutableArray<string> ApprovalHandlers()
    {
        using var connection = OpenConnection();
        using var command = StoreValues.Command(connection, null, "SELECT handler FROM approval GROUP BY handler ORDER BY min(ordinal)");
        using var reader = command.ExecuteReader();
        var handlers = ImmutableArray.CreateBuilder<string>();
        while (reader.Read())
        {
            handlers.Add(reader.GetString(0));
        }

        return handlers.ToImmutable();
    }

    /// <inheritdoc/>
    public ImmutableArray<string> ImportApprovals(string handler, IReadOnlyList<Approval> approvals, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(audit);

        // The log's head is locked first: imports of the same approvals from two nodes then run one after the other.
        using var transaction = BeginTransaction();
        transaction.LockHead();

        var given = new Dictionary<string, ApprovalColumns>(StringComparer.Ordinal);
        var added = ImmutableArray.CreateBuilder<string>();
        foreach (var approval in approvals)
        {
            var columns = ApprovalColumns.From(approval);
            if (given.TryGetValue(approval.Id, out var earlier))
            {
                if (earlier != columns)
                {
                    throw new ApprovalConflictException(approval.Id, Messages.ApprovalTwiceInImport(approval.Id));
                }

                continue;
            }

            given.Add(approval.Id, columns);
            var onFile = FindApproval(transaction.Connection, transaction.Transaction, handler, approval.Id);
            if (onFile is null)
            {
                added.Add(approval.Id);
            }
            else if (onFile != columns)
            {
                throw new ApprovalConflictException(approval.Id, Messages.ApprovalConflict(approval.Id, handler));
            }
        }

        string imported = StoreValues.Time(Options.Clock.GetUtcNow());
        foreach (string id in added)
        {
            InsertApproval(transaction.Connection, transaction.Transaction, handler, given[id], imported);
        }

        transaction.Append(audit);
        transaction.Commit();
        return added.ToImmutable();
    }

    /// <inheritdoc/>
    public ExportRun OpenRun(ExportRunKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        using (var connection = OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            using var command = StoreValues.Command(connection, transaction, """
                INSERT INTO export_run (run_id, input_digest, transfer_id, handler, destination, policy_digest, declaration_digest, started)
                VALUES (@run, @input, @transfer, @handler, @destination, @policy, @declaration, @started)
                ON CONFLICT (run_id) DO NOTHING
                """);
            command.AddText("run", key.RunId);
            command.AddText("input", key.InputDigest);
            command.AddText("transfer", key.TransferId);
            command.AddText("handler", key.Handler);
            command.AddText("destination", key.Destination);
            command.AddText("policy", key.PolicyDigest);
            command.AddText("declaration", key.DeclarationDigest);
            command.AddText("started", StoreValues.Time(now));
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return FindRun(key.RunId)!;
    }

    /// <inheritdoc/>
    public ExportRun? FindRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenConnection();
        ExportRunKey key;
        DateTimeOffset started;
        using (var command = StoreValues.Command(connection, null, """
            SELECT input_digest, transfer_id, handler, destination, policy_digest, declaration_digest, started
            FROM export_run WHERE run_id = @run
            """))
        {
            command.AddText("run", runId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            key = new ExportRunKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            started = StoreValues.Time(reader.GetString(6));
        }

        var batches = ImmutableArray.CreateBuilder<BatchManifest>();
        using (var command = StoreValues.Command(connection, null, """
            SELECT batch, first_position, last_position, records, released, retained, unreadable, part_file, part_digest, batch_digest, year, committed
            FROM batch_manifest WHERE run_id = @run ORDER BY batch
            """))
        {
            command.AddText("run", runId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                batches.Add(new BatchManifest(
                    runId,
                    reader.GetInt32(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6),
                    reader.NullableText(7),
                    reader.NullableText(8),
                    reader.GetString(9),
                    reader.GetInt32(10),
                    StoreValues.Time(reader.GetString(11))));
            }
        }

        return new ExportRun(key, started, batches.ToImmutable());
    }

    /// <inheritdoc/>
    public IGatewayTransaction Begin(string handler, int year)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var transaction = BeginTransaction();
        try
        {
            LockHandlerYear(transaction.Connection, transaction.Transaction, handler, year);
            LedgerTransactionBegan(transaction.Connection, transaction.Transaction);
            return new GatewayTransaction(transaction, handler, year, ReadTotals(transaction.Connection, transaction.Transaction, handler, year));
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public ImmutableArray<QuarantinedRecord> Quarantined(QuarantineQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit, nameof(query));

        var where = new List<string> { "id > @after" };
        if (query.RunId is not null)
        {
            where.Add("run_id = @run");
        }

        if (query.Reason is not null)
        {
            where.Add("reason = @reason");
        }

        if (!query.IncludeReleased)
        {
            where.Add("released IS NULL");
        }

        using var connection = OpenConnection();
        using var command = StoreValues.Command(
            connection,
            null,
            $"{QuarantineSelect} WHERE {string.Join(" AND ", where)} ORDER BY id LIMIT @limit");
        command.AddLong("after", query.AfterId);
        command.AddText("run", query.RunId);
        command.AddText("reason", query.Reason is { } reason ? RetainReasonNames.Of(reason) : null);
        command.AddLong("limit", query.Limit);
        using var reader = command.ExecuteReader();
        var records = ImmutableArray.CreateBuilder<QuarantinedRecord>();
        while (reader.Read())
        {
            if (!RetainReasonNames.TryParse(reader.GetString(4), out var retainReason))
            {
                throw new StoreException(Messages.UnknownStoredValue(nameof(RetainReason), reader.GetString(4)));
            }

            var item = new QuarantineItem(
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt64(3),
                retainReason,
                reader.NullableText(5),
                reader.GetString(6),
                reader.Bytes(7),
                reader.GetString(8));
            records.Add(new QuarantinedRecord(
                reader.GetInt64(0),
                item,
                StoreValues.Time(reader.GetString(9)),
                reader.NullableText(10) is { } released ? StoreValues.Time(released) : null));
        }

        return records.ToImmutable();
    }

    /// <inheritdoc/>
    public IEnumerable<AuditEntry> AuditEntries(long fromSequence = 1)
    {
        using var connection = OpenConnection();
        using var command = StoreValues.Command(connection, null, $"SELECT {EntryColumns} FROM audit_log WHERE sequence >= @from ORDER BY sequence");
        command.AddLong("from", fromSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!AuditChain.TryParseKind(reader.GetString(1), out var kind))
            {
                throw new StoreException(Messages.UnknownStoredValue(nameof(AuditKind), reader.GetString(1)));
            }

            yield return new AuditEntry(
                reader.GetInt64(0),
                kind,
                reader.GetString(2),
                StoreValues.Time(reader.GetString(3)),
                reader.GetString(4),
                reader.Bytes(5),
                reader.Bytes(6));
        }
    }

    /// <inheritdoc/>
    public ImmutableArray<AuditCheckpoint> AuditCheckpoints()
    {
        using var connection = OpenConnection();
        using var command = StoreValues.Command(connection, null, "SELECT sequence, hash, time, key_id, signature FROM audit_checkpoint ORDER BY sequence");
        using var reader = command.ExecuteReader();
        var checkpoints = ImmutableArray.CreateBuilder<AuditCheckpoint>();
        while (reader.Read())
        {
            checkpoints.Add(new AuditCheckpoint(reader.GetInt64(0), reader.Bytes(1), StoreValues.Time(reader.GetString(2)), reader.GetString(3), reader.Bytes(4)));
        }

        return checkpoints.ToImmutable();
    }

    /// <inheritdoc/>
    public void Dispose() => ReleaseConnections();

    /// <summary>Opens a connection to the database.</summary>
    internal abstract DbConnection OpenConnection();

    /// <summary>Starts a transaction that writes: SQLite takes the database's write lock at once (<c>BEGIN IMMEDIATE</c>).</summary>
    private protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Serialises the batches of one handler and year until the transaction ends.</summary>
    private protected abstract void LockHandlerYear(DbConnection connection, DbTransaction transaction, string handler, int year);

    /// <summary>Inserts subject keys, in the order given, that are not in the ledger yet; returns how many were new.</summary>
    private protected abstract int InsertSubjects(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups);

    /// <summary>Returns how many of the (distinct) subject keys are in the ledger already.</summary>
    private protected abstract int CountKnown(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups);

    /// <summary>Releases the store's pooled connections.</summary>
    private protected abstract void ReleaseConnections();

    /// <summary>Called when a transaction that may register persons has begun and holds its locks.</summary>
    private protected virtual void LedgerTransactionBegan(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>Returns a mark of the persons the current transaction has added so far, for <see cref="LedgerRolledBackTo"/>.</summary>
    private protected virtual int LedgerMark() => 0;

    /// <summary>Called when the current transaction that may have registered persons committed.</summary>
    private protected virtual void LedgerCommitted()
    {
    }

    /// <summary>Called when the persons the current transaction added after <paramref name="mark"/> were rolled back (to a savepoint).</summary>
    private protected virtual void LedgerRolledBackTo(DbConnection connection, DbTransaction transaction, int mark)
    {
    }

    private static PersonCounts ReadTotals(DbConnection connection, DbTransaction? transaction, string handler, int year)
    {
        using var command = StoreValues.Command(connection, transaction, "SELECT sensitivity, persons FROM ledger_total WHERE handler = @handler AND year = @year");
        command.AddText("handler", handler);
        command.AddInt("year", year);
        using var reader = command.ExecuteReader();
        long nonSensitive = 0, sensitive = 0;
        while (reader.Read())
        {
            if (reader.GetInt32(0) == (int)Sensitivity.Sensitive)
            {
                sensitive = reader.GetInt64(1);
            }
            else
            {
                nonSensitive = reader.GetInt64(1);
            }
        }

        return new PersonCounts(nonSensitive, sensitive);
    }

    private static ApprovalColumns? FindApproval(DbConnection connection, DbTransaction transaction, string handler, string id)
    {
        using var command = StoreValues.Command(connection, transaction, $"{ApprovalSelect} WHERE handler = @handler AND id = @id");
        command.AddText("handler", handler);
        command.AddText("id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadApproval(reader) : null;
    }

    private static ApprovalColumns ReadApproval(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableText(3),
        reader.NullableText(4),
        reader.NullableText(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9),
        reader.NullableLong(10),
        reader.GetString(11));

    private static void InsertApproval(DbConnection connection, DbTransaction transaction, string handler, ApprovalColumns columns, string imported)
    {
        using var command = StoreValues.Command(connection, transaction, """
            INSERT INTO approval (handler, id, kind, effective, filed, filing_number, valid_until, status, recipients, purposes, categories, max_individuals, triggers, imported)
            VALUES (@handler, @id, @kind, @effective, @filed, @filing_number, @valid_until, @status, @recipients, @purposes, @categories, @max_individuals, @triggers, @imported)
            """);
        command.AddText("handler", handler);
        command.AddText("id", columns.Id);
        command.AddText("kind", columns.Kind);
        command.AddText("effective", columns.Effective);
        command.AddText("filed", columns.Filed);
        command.AddText("filing_number", columns.FilingNumber);
        command.AddText("valid_until", columns.ValidUntil);
        command.AddText("status", columns.Status);
        command.AddText("recipients", columns.Recipients);
        command.AddText("purposes", columns.Purposes);
        command.AddText("categories", columns.Categories);
        command.AddLong("max_individuals", columns.MaxIndividuals);
        command.AddText("triggers", columns.Triggers);
        command.AddText("imported", imported);
        command.ExecuteNonQuery();
    }

    private StoreTransaction BeginTransaction()
    {
        var connection = OpenConnection();
        try
        {
            return new StoreTransaction(this, connection, BeginWrite(connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>One database transaction of the store: the audit log's append and checkpoint, shared by every port that writes.</summary>
    private sealed class StoreTransaction(GatewayStore store, DbConnection connection, DbTransaction transaction) : IDisposable
    {
        private AuditEntry? _head;
        private bool _headRead;

        public DbConnection Connection { get; } = connection;

        public DbTransaction Transaction { get; } = transaction;

        public GatewayStore Store { get; } = store;

        /// <summary>Reads (and on PostgreSQL locks) the head of the audit log.</summary>
        public void LockHead()
        {
            if (_headRead)
            {
                return;
            }

            using var command = StoreValues.Command(Connection, Transaction, Store.LockHeadSql);
            using var reader = command.ExecuteReader();
            reader.Read();
            long sequence = reader.GetInt64(0);
            byte[] hash = reader.Bytes(1);

            // Only the sequence and hash of the entry before are chained; the rest of it is not needed here.
            _head = sequence == 0 ? null : new AuditEntry(sequence, default, "", default, "", AuditChain.Genesis, hash);
            _headRead = true;
        }

        public AuditEntry Append(AuditRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            LockHead();
            var entry = AuditChain.Next(_head, record);
            using (var command = StoreValues.Command(Connection, Transaction, $"INSERT INTO audit_log ({EntryColumns}) VALUES (@sequence, @kind, @actor, @time, @body, @previous, @hash)"))
            {
                command.AddLong("sequence", entry.Sequence);
                command.AddText("kind", AuditChain.WireName(entry.Kind));
                command.AddText("actor", entry.Actor);
                command.AddText("time", StoreValues.Time(entry.Time));
                command.AddText("body", entry.Body);
                command.AddBytes("previous", entry.Previous);
                command.AddBytes("hash", entry.Hash);
                command.ExecuteNonQuery();
            }

            using (var command = StoreValues.Command(Connection, Transaction, "UPDATE audit_head SET sequence = @sequence, hash = @hash WHERE id = 1"))
            {
                command.AddLong("sequence", entry.Sequence);
                command.AddBytes("hash", entry.Hash);
                command.ExecuteNonQuery();
            }

            Appended = entry;
            _head = entry;
            return entry;
        }

        /// <summary>Gets the last entry this transaction appended, or <see langword="null"/>.</summary>
        public AuditEntry? Appended { get; private set; }

        public AuditCheckpoint? Commit()
        {
            AuditCheckpoint? checkpoint = null;
            if (Appended is { } head && Store.Options.Signer is { CanSign: true } signer)
            {
                checkpoint = signer.Sign(head, Store.Options.Clock.GetUtcNow());
                using var command = StoreValues.Command(Connection, Transaction, "INSERT INTO audit_checkpoint (sequence, hash, time, key_id, signature) VALUES (@sequence, @hash, @time, @key_id, @signature)");
                command.AddLong("sequence", checkpoint.Sequence);
                command.AddBytes("hash", checkpoint.Hash);
                command.AddText("time", StoreValues.Time(checkpoint.Time));
                command.AddText("key_id", checkpoint.KeyId);
                command.AddBytes("signature", checkpoint.Signature);
                command.ExecuteNonQuery();
            }

            Transaction.Commit();
            return checkpoint;
        }

        public void Dispose()
        {
            // Disposing a transaction that was not committed rolls it back.
            Transaction.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>The transaction of one batch.</summary>
    private sealed class GatewayTransaction(StoreTransaction store, string handler, int year, PersonCounts before) : IGatewayTransaction
    {
        private const string LedgerSavepoint = "ledger";
        private const string ReleaseSavepoint = "quarantine_release";
        private static readonly Sensitivity[] Sensitivities = [Sensitivity.NonSensitive, Sensitivity.Sensitive];
        private bool _done;

        public PersonCounts Before { get; } = before;

        private DbConnection Connection => store.Connection;

        private DbTransaction Transaction => store.Transaction;

        public LedgerRegistration Preview(IReadOnlyCollection<LedgerEntry> entries)
        {
            ArgumentNullException.ThrowIfNull(entries);
            ThrowIfDone();
            var current = ReadTotals(Connection, Transaction, handler, year);
            var added = new long[2];
            foreach (var (sensitivity, groups) in Sorted(entries))
            {
                added[(int)sensitivity] = groups.Sum(g => g.Count) - store.Store.CountKnown(Connection, Transaction, handler, year, sensitivity, groups);
                GiveBack(groups);
            }

            return new LedgerRegistration(current, current + new PersonCounts(added[0], added[1]), Registered: false);
        }

        public LedgerRegistration Register(IReadOnlyCollection<LedgerEntry> entries, PersonCounts ceiling)
        {
            ArgumentNullException.ThrowIfNull(entries);
            ThrowIfDone();
            var current = ReadTotals(Connection, Transaction, handler, year);
            Transaction.Save(LedgerSavepoint);
            int mark = store.Store.LedgerMark();
            var added = new long[2];
            foreach (var (sensitivity, groups) in Sorted(entries))
            {
                added[(int)sensitivity] = store.Store.InsertSubjects(Connection, Transaction, handler, year, sensitivity, groups);
                GiveBack(groups);
            }

            var after = current + new PersonCounts(added[0], added[1]);
            if (after.NonSensitive > ceiling.NonSensitive || after.Sensitive > ceiling.Sensitive)
            {
                Transaction.Rollback(LedgerSavepoint);
                Transaction.Release(LedgerSavepoint);
                store.Store.LedgerRolledBackTo(Connection, Transaction, mark);
                return new LedgerRegistration(current, after, Registered: false);
            }

            for (int sensitivity = 0; sensitivity < added.Length; sensitivity++)
            {
                if (added[sensitivity] > 0)
                {
                    AddToTotal((Sensitivity)sensitivity, added[sensitivity]);
                }
            }

            Transaction.Release(LedgerSavepoint);
            return new LedgerRegistration(current, after, Registered: true);
        }

        public void Quarantine(IReadOnlyList<QuarantineItem> items)
        {
            ArgumentNullException.ThrowIfNull(items);
            ThrowIfDone();
            using var command = StoreValues.Command(Connection, Transaction, """
                INSERT INTO quarantine (run_id, batch, position, reason, rule_id, detail, sealed, key_id, retained)
                VALUES (@run, @batch, @position, @reason, @rule, @detail, @sealed, @key_id, @retained)
                """);
            var run = command.AddText("run", null);
            var batch = command.AddInt("batch", null);
            var position = command.AddLong("position", null);
            var reason = command.AddText("reason", null);
            var rule = command.AddText("rule", null);
            var detail = command.AddText("detail", null);
            var sealedRecord = command.AddBytes("sealed", Array.Empty<byte>());
            var keyId = command.AddText("key_id", null);
            command.AddText("retained", StoreValues.Time(store.Store.Options.Clock.GetUtcNow()));
            foreach (var item in items)
            {
                run.Value = item.RunId;
                batch.Value = item.Batch;
                position.Value = item.Position;
                reason.Value = RetainReasonNames.Of(item.Reason);
                rule.Value = (object?)item.RuleId ?? DBNull.Value;
                detail.Value = item.Detail;
                sealedRecord.Value = item.Sealed.ToArray();
                keyId.Value = item.KeyId;
                command.ExecuteNonQuery();
            }
        }

        public void MarkReleased(IReadOnlyList<long> ids, DateTimeOffset released)
        {
            ArgumentNullException.ThrowIfNull(ids);
            ThrowIfDone();
            Transaction.Save(ReleaseSavepoint);
            using var command = StoreValues.Command(Connection, Transaction, "UPDATE quarantine SET released = @released WHERE id = @id AND released IS NULL");
            command.AddText("released", StoreValues.Time(released));
            var id = command.AddLong("id", null);
            foreach (long record in ids)
            {
                id.Value = record;
                if (command.ExecuteNonQuery() == 0)
                {
                    Transaction.Rollback(ReleaseSavepoint);
                    Transaction.Release(ReleaseSavepoint);
                    throw new InvalidOperationException(Exists(record) ? Messages.QuarantineReleasedAlready(record) : Messages.QuarantineMissing(record));
                }
            }

            Transaction.Release(ReleaseSavepoint);
        }

        public void UpdateReasons(IReadOnlyList<QuarantineReason> reasons)
        {
            ArgumentNullException.ThrowIfNull(reasons);
            ThrowIfDone();
            using var command = StoreValues.Command(Connection, Transaction, """
                UPDATE quarantine SET reason = @reason, rule_id = @rule, detail = @detail
                WHERE id = @id AND released IS NULL
                """);
            var id = command.AddLong("id", null);
            var reason = command.AddText("reason", null);
            var rule = command.AddText("rule", null);
            var detail = command.AddText("detail", null);
            foreach (var item in reasons)
            {
                id.Value = item.Id;
                reason.Value = RetainReasonNames.Of(item.Reason);
                rule.Value = (object?)item.RuleId ?? DBNull.Value;
                detail.Value = item.Detail;
                command.ExecuteNonQuery();
            }
        }

        public AuditEntry Append(AuditRecord record)
        {
            ThrowIfDone();
            return store.Append(record);
        }

        public void RecordBatch(BatchManifest manifest)
        {
            ArgumentNullException.ThrowIfNull(manifest);
            ThrowIfDone();
            using var command = StoreValues.Command(Connection, Transaction, """
                INSERT INTO batch_manifest (run_id, batch, first_position, last_position, records, released, retained, unreadable, part_file, part_digest, batch_digest, year, committed)
                VALUES (@run, @batch, @first, @last, @records, @released, @retained, @unreadable, @part_file, @part_digest, @batch_digest, @year, @committed)
                ON CONFLICT (run_id, batch) DO NOTHING
                """);
            command.AddText("run", manifest.RunId);
            command.AddInt("batch", manifest.Batch);
            command.AddLong("first", manifest.FirstPosition);
            command.AddLong("last", manifest.LastPosition);
            command.AddLong("records", manifest.Records);
            command.AddLong("released", manifest.Released);
            command.AddLong("retained", manifest.Retained);
            command.AddLong("unreadable", manifest.Unreadable);
            command.AddText("part_file", manifest.PartFile);
            command.AddText("part_digest", manifest.PartDigest);
            command.AddText("batch_digest", manifest.BatchDigest);
            command.AddInt("year", manifest.Year);
            command.AddText("committed", StoreValues.Time(manifest.Committed));
            if (command.ExecuteNonQuery() == 0)
            {
                throw new InvalidOperationException(Messages.BatchRecordedAlready(manifest.RunId, manifest.Batch));
            }
        }

        public AuditCheckpoint? Commit()
        {
            ThrowIfDone();
            _done = true;
            var checkpoint = store.Commit();
            store.Store.LedgerCommitted();
            return checkpoint;
        }

        public void Dispose()
        {
            _done = true;
            store.Dispose();
        }

        /// <summary>Groups the entries by sensitivity, each group without repeats and sorted, so concurrent writers lock rows in one order.</summary>
        /// <remarks>
        /// Sorted by key id, then by the key's bytes (high half first, big-endian): the order of <see cref="UInt128"/> high, then
        /// low. Each group's keys are in a pooled array; <see cref="GiveBack"/> returns them.
        /// </remarks>
        private static IEnumerable<(Sensitivity Sensitivity, List<SubjectGroup> Groups)> Sorted(IReadOnlyCollection<LedgerEntry> entries)
        {
            foreach (var sensitivity in Sensitivities)
            {
                // By key id (nearly always one), each group's keys as plain 256-bit values: sorted without a comparison
                // delegate, in arrays borrowed for the sort (a batch's keys would otherwise be a large object each time).
                var byKeyId = new Dictionary<string, (KeyBits[] Keys, int Count)>(StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    if (entry.Sensitivity != sensitivity)
                    {
                        continue;
                    }

                    ref var keys = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byKeyId, entry.Subject.KeyId, out bool known);
                    if (!known)
                    {
                        keys = (System.Buffers.ArrayPool<KeyBits>.Shared.Rent(entries.Count), 0);
                    }

                    keys.Keys[keys.Count++] = new KeyBits(entry.Subject.High, entry.Subject.Low);
                }

                if (byKeyId.Count == 0)
                {
                    continue;
                }

                var groups = new List<SubjectGroup>(byKeyId.Count);
                foreach (string keyId in byKeyId.Keys.Order(StringComparer.Ordinal))
                {
                    var (keys, length) = byKeyId[keyId];
                    var span = keys.AsSpan(0, length);
                    int[] order = SortOrder(span);
                    byte[] bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(span.Length * SubjectGroup.KeySize);
                    int count = 0;
                    for (int i = 0; i < span.Length; i++)
                    {
                        // Repeats are neighbours now.
                        ref readonly var key = ref span[order[i]];
                        if (i == 0 || key != span[order[i - 1]])
                        {
                            SubjectGroup.Write(key.High, key.Low, bytes.AsSpan(count++ * SubjectGroup.KeySize));
                        }
                    }

                    System.Buffers.ArrayPool<int>.Shared.Return(order);
                    System.Buffers.ArrayPool<KeyBits>.Shared.Return(keys);
                    groups.Add(new SubjectGroup(keyId, bytes, count));
                }

                yield return (sensitivity, groups);
            }
        }

        /// <summary>Returns the indexes of <paramref name="keys"/> in the keys' order, in an array from the pool.</summary>
        /// <remarks>
        /// Sorted by each key's first 64 bits, a plain number, with the index along: faster than comparing and moving
        /// 256-bit keys. Keys are HMAC outputs, so keys sharing their first 64 bits are repeats (or all but never
        /// happen); such runs are then put in full order.
        /// </remarks>
        private static int[] SortOrder(ReadOnlySpan<KeyBits> keys)
        {
            int length = keys.Length;
            ulong[] prefixes = System.Buffers.ArrayPool<ulong>.Shared.Rent(length);
            int[] order = System.Buffers.ArrayPool<int>.Shared.Rent(length);
            for (int i = 0; i < length; i++)
            {
                prefixes[i] = (ulong)(keys[i].High >> 64);
                order[i] = i;
            }

            Array.Sort(prefixes, order, 0, length);
            for (int start = 0; start < length;)
            {
                int end = start + 1;
                while (end < length && prefixes[end] == prefixes[start])
                {
                    end++;
                }

                // A run of ties, by insertion: short.
                for (int i = start + 1; i < end; i++)
                {
                    int index = order[i];
                    int at = i;
                    for (; at > start && keys[order[at - 1]].CompareTo(keys[index]) > 0; at--)
                    {
                        order[at] = order[at - 1];
                    }

                    order[at] = index;
                }

                start = end;
            }

            System.Buffers.ArrayPool<ulong>.Shared.Return(prefixes);
            return order;
        }

        /// <summary>Returns the keys of groups from <see cref="Sorted"/> to the pool once the store is done with them (it copies what it keeps).</summary>
        private static void GiveBack(List<SubjectGroup> groups)
        {
            foreach (var group in groups)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(group.Keys);
            }
        }

        /// <summary>A subject key's 256 bits, ordered high half first.</summary>
        private readonly record struct KeyBits(UInt128 High, UInt128 Low) : IComparable<KeyBits>
        {
            public int CompareTo(KeyBits other)
            {
                int byHigh = High.CompareTo(other.High);
                return byHigh != 0 ? byHigh : Low.CompareTo(other.Low);
            }
        }

        private void AddToTotal(Sensitivity sensitivity, long added)
        {
            using var command = StoreValues.Command(Connection, Transaction, """
                INSERT INTO ledger_total (handler, year, sensitivity, persons) VALUES (@handler, @year, @sensitivity, @added)
                ON CONFLICT (handler, year, sensitivity) DO UPDATE SET persons = ledger_total.persons + excluded.persons
                """);
            command.AddText("handler", handler);
            command.AddInt("year", year);
            command.AddInt("sensitivity", (int)sensitivity);
            command.AddLong("added", added);
            command.ExecuteNonQuery();
        }

        private bool Exists(long id)
        {
            using var command = StoreValues.Command(Connection, Transaction, "SELECT count(*) FROM quarantine WHERE id = @id");
            command.AddLong("id", id);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }

        private void ThrowIfDone() => ObjectDisposedException.ThrowIf(_done, this);
    }
}
