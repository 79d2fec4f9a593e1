using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Outbound.Gateway;
using Outbound.Storage.Migrations;

namespace Outbound.Storage.Sqlite;

/// <summary>The gateway's ports on one SQLite file: the embedded default for one process.</summary>
/// <remarks>
/// The file is in write-ahead-log mode, so readers don't wait for a writer. Every transaction that writes begins
/// with <c>BEGIN IMMEDIATE</c>, which takes the database's one write lock at once: batches (of any handler) run one
/// after the other, and a waiting writer retries for up to 30 seconds. The ledger has two levels, both stored in blocks
/// of keys (<see cref="LedgerBlocks"/>): new persons are appended to <c>ledger_recent</c>, whose keys the store holds in
/// memory (<see cref="RecentSubjects"/>), and are merged into the index, <c>ledger_block</c>, when about
/// <see cref="GatewayStoreOptions.LedgerRecentLimit"/> have gathered (docs/storage.md says why).
/// </remarks>
internal sealed class SqliteGatewayStore : GatewayStore
{
    private readonly string _connectionString;
    private readonly Lock _recentGate = new();
    private readonly RecentSubjects _recent = new();

    // Filters over the index's keys, by scope, for the generation _recent holds, and the keys looked up in the index
    // per scope while it has none (Unknown says when one is built).
    private readonly Dictionary<long, KeyFilter> _indexFilters = [];
    private readonly Dictionary<long, long> _indexLookups = [];

    private SqliteGatewayStore(StoreLocation location, GatewayStoreOptions options, string connectionString)
        : base(location, options) => _connectionString = connectionString;

    private protected override string LockHeadSql => "SELECT sequence, hash FROM audit_head WHERE id = 1";

    /// <summary>Opens (creating when missing) the SQLite file and brings its tables up to date.</summary>
    public static SqliteGatewayStore Open(StoreLocation location, GatewayStoreOptions options)
    {
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ConnectionString;
        var store = new SqliteGatewayStore(location, options, connectionString);
        try
        {
            using var connection = store.OpenConnection();
            using (var wal = StoreValues.Command(connection, null, "PRAGMA journal_mode = WAL"))
            {
                wal.ExecuteNonQuery();
            }

            Migrator.Apply(connection, store.BeginWrite, static (_, _) => { }, StoreKind.Sqlite, location.ToString(), options.Clock.GetUtcNow());
            return store;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            store.Dispose();
            throw new StoreException(Messages.CannotOpen(location.ToString(), e.Message), e);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    internal override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // The ledger's index takes random 32-byte keys: with SQLite's default 2 MB page cache a large year's ledger
        // is read from disk for nearly every insert. 64 MB keeps about two million persons' index pages in memory.
        // Each batch's commit writes the ledger pages it touched to the log; the default checkpoint (at 1,000 pages)
        // then copies them into the database file after nearly every batch. At 16,384 pages (64 MB) a page touched by
        // several batches is copied once per checkpoint, not once per batch. Durability is the log's, either way.
        using var cache = StoreValues.Command(connection, null, "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384");
        cache.ExecuteNonQuery();
        return connection;
    }

    private protected override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    private protected override void LockHandlerYear(DbConnection connection, DbTransaction transaction, string handler, int year)
    {
        // BEGIN IMMEDIATE holds the database's write lock already.
    }

    private protected override void LedgerTransactionBegan(DbConnection connection, DbTransaction transaction)
    {
        // BEGIN IMMEDIATE holds the write lock: every row of ledger_recent is committed, and no one adds one meanwhile.
        lock (_recentGate)
        {
            using (var state = StoreValues.Command(connection, transaction, "SELECT generation FROM ledger_state WHERE id = 1"))
            {
                long generation = Convert.ToInt64(state.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (generation != _recent.Generation)
                {
                    // Another process moved keys into the index (or this one's move was rolled back): filters start again.
                    _recent.Reset(generation);
                    _indexFilters.Clear();
                    _indexLookups.Clear();
                }
                else
                {
                    _recent.DropPending();
                }
            }

            LedgerBlocks.ReadRecent(connection, transaction, _recent.LastId, _recent.AddCommitted);
            if (_recent.Count >= Options.LedgerRecentLimit)
            {
                // Into the index, within this transaction: rolled back with it, the next reader sees the old generation
                // again and reads the recent keys afresh.
                LedgerBlocks.MoveRecentIntoIndex(connection, transaction, (scope, key) =>
                {
                    if (_indexFilters.TryGetValue(scope, out var filter))
                    {
                        filter.Add(key);
                    }
                });
                using (var generation = StoreValues.Command(connection, transaction, "UPDATE ledger_state SET generation = generation + 1 WHERE id = 1"))
                {
                    generation.ExecuteNonQuery();
                }

                _recent.Reset(_recent.Generation + 1);
            }
        }
    }

    private protected override void LedgerCommitted()
    {
        lock (_recentGate)
        {
            _recent.CommitPending();
        }
    }

    private protected override int LedgerMark()
    {
        lock (_recentGate)
        {
            return _recent.PendingMark;
        }
    }

    private protected override void LedgerRolledBackTo(DbConnection connection, DbTransaction transaction, int mark)
    {
        lock (_recentGate)
        {
            _recent.DropPendingAfter(mark);

            // The rows rolled back may have had the last ids: what remains of this transaction's rows ends here.
            using var last = StoreValues.Command(connection, transaction, "SELECT coalesce(max(id), 0) FROM ledger_recent");
            _recent.PendingLastId = Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private protected override int InsertSubjects(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups)
    {
        int inserted = 0;
        foreach (var group in groups)
        {
            using (var create = StoreValues.Command(connection, transaction, """
                INSERT INTO ledger_scope (handler, year, sensitivity, key_id) VALUES (@handler, @year, @sensitivity, @key_id)
                ON CONFLICT DO NOTHING
                """))
            {
                AddScope(create, handler, year, sensitivity, group.KeyId);
                create.ExecuteNonQuery();
            }

            long scope = (long)FindScope(connection, transaction, handler, year, sensitivity, group.KeyId)!;
            lock (_recentGate)
            {
                var fresh = Unknown(connection, transaction, scope, group, handler, year, sensitivity);
                if (fresh.Count == 0)
                {
                    continue;
                }

                // They are new and distinct (Unknown), so every one is added.
                long lastId = LedgerBlocks.AppendRecent(connection, transaction, scope, fresh.Bytes, fresh.Count);
                inserted += fresh.Count;
                for (int i = 0; i < fresh.Count; i++)
                {
                    _recent.AddPending(scope, fresh[i]);
                }

                _recent.PendingLastId = lastId;
            }
        }

        return inserted;
    }

    private protected override int CountKnown(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups)
    {
        int known = 0;
        foreach (var group in groups)
        {
            if (FindScope(connection, transaction, handler, year, sensitivity, group.KeyId) is long scope)
            {
                lock (_recentGate)
                {
                    known += group.Count - Unknown(connection, transaction, scope, group, handler, year, sensitivity).Count;
                }
            }
        }

        return known;
    }

    /// <summary>The keys of <paramref name="scope"/> neither in the recent level nor in the index, in the order given.</summary>
    /// <remarks>
    /// A key the scope's filter has never seen is not in the index; only the others are looked up there. A filter is
    /// built (by reading the scope's keys from the index) once the keys looked up in this generation reach a quarter of
    /// the persons counted under the scope's handler, year and sensitivity, so a short export into a large ledger never
    /// reads the whole index, and a long one reads it once.
    /// </remarks>
    private SubjectGroup Unknown(DbConnection connection, DbTransaction transaction, long scope, SubjectGroup group, string handler, int year, Sensitivity sensitivity)
    {
        // Known: in the recent level, or found in the index; looked up there only when the filter may have seen it.
        var known = new bool[group.Count];
        var toLookUp = new List<int>();
        var filter = IndexFilter(connection, transaction, scope, handler, year, sensitivity, group.Count);
        _recent.MarkKnown(scope, group.Bytes.Span, known);
        const int Ahead = SubjectTable.PrefetchDistance;
        for (int i = 0; i < group.Count; i++)
        {
            if (filter is not null && i + Ahead < group.Count && !known[i + Ahead])
            {
                filter.Prefetch(group[i + Ahead]);
            }

            if (!known[i] && (filter is null || filter.MayContain(group[i])))
            {
                toLookUp.Add(i);
            }
        }

        if (toLookUp.Count > 0)
        {
            byte[] keys = GC.AllocateUninitializedArray<byte>(toLookUp.Count * SubjectGroup.KeySize);
            for (int n = 0; n < toLookUp.Count; n++)
            {
                group[toLookUp[n]].CopyTo(keys.AsSpan(n * SubjectGroup.KeySize));
            }

            var found = new bool[toLookUp.Count];
            LedgerBlocks.FindInIndex(connection, transaction, scope, keys, found);
            for (int n = 0; n < found.Length; n++)
            {
                known[toLookUp[n]] |= found[n];
            }
        }

        byte[] result = GC.AllocateUninitializedArray<byte>(group.Count * SubjectGroup.KeySize);
        int count = 0;
        for (int i = 0; i < group.Count; i++)
        {
            if (!known[i])
            {
                group[i].CopyTo(result.AsSpan(count++ * SubjectGroup.KeySize));
            }
        }

        return new SubjectGroup(group.KeyId, result, count);
    }

    /// <summary>The scope's filter over the index, built when lookups have cost as much as reading the index; <see langword="null"/> while there is none.</summary>
    private KeyFilter? IndexFilter(DbConnection connection, DbTransaction transaction, long scope, string handler, int year, Sensitivity sensitivity, int lookingUp)
    {
        if (_indexFilters.TryGetValue(scope, out var filter))
        {
            return filter;
        }

        long lookups = _indexLookups.GetValueOrDefault(scope) + lookingUp;
        _indexLookups[scope] = lookups;
        long counted;
        using (var total = StoreValues.Command(connection, transaction, "SELECT coalesce(sum(persons), 0) FROM ledger_total WHERE handler = @handler AND year = @year AND sensitivity = @sensitivity"))
        {
            total.AddText("handler", handler);
            total.AddInt("year", year);
            total.AddInt("sensitivity", (int)sensitivity);
            counted = Convert.ToInt64(total.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (lookups * 4 < counted || counted > MaxFilteredKeys)
        {
            return null;
        }

        filter = new KeyFilter((int)Math.Min(counted + Options.LedgerRecentLimit, KeyFilter.MaxSegmentCapacity));
        LedgerBlocks.ReadIndex(connection, transaction, scope, filter.Add);
        _indexFilters[scope] = filter;
        IndexFiltersBuilt++;
        return filter;
    }

    /// <summary>Gets the number of filters built over the index so far (for tests).</summary>
    internal int IndexFiltersBuilt { get; private set; }

    // Beyond this many persons in a scope (some 128 MB of filter) the index is asked directly.
    private const long MaxFilteredKeys = 1L << 26;

    private static long? FindScope(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, string keyId)
    {
        using var command = StoreValues.Command(connection, transaction, ScopeId);
        AddScope(command, handler, year, sensitivity, keyId);
        return command.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    private protected override void ReleaseConnections()
    {
        // Pooled connections keep the file open; let it go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>The id of the ledger scope of @handler, @year, @sensitivity and @key_id.</summary>
    private const string ScopeId = "SELECT id FROM ledger_scope WHERE handler = @handler AND year = @year AND sensitivity = @sensitivity AND key_id = @key_id";

    private static void AddScope(DbCommand command, string handler, int year, Sensitivity sensitivity, string keyId)
    {
        command.AddText("handler", handler);
        command.AddInt("year", year);
        command.AddInt("sensitivity", (int)sensitivity);
        command.AddText("key_id", keyId);
    }
}
