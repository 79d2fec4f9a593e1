using System.Data.Common;
using Microsoft.Data.Sqlite;
using Outbound.Gateway;
using Outbound.Storage.Migrations;

namespace Outbound.Storage.Sqlite;

/// <summary>The gateway's ports on one SQLite file: the embedded default for one process.</summary>
/// <remarks>
/// The file is in write-ahead-log mode, so readers don't wait for a writer. Every transaction that writes begins
/// with <c>BEGIN IMMEDIATE</c>, which takes the database's one write lock at once: batches (of any handler) run one
/// after the other, and a waiting writer retries for up to 30 seconds.
/// </remarks>
internal sealed class SqliteGatewayStore : GatewayStore
{
    private readonly string _connectionString;

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

    private protected override int InsertSubjects(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<(string KeyId, byte[] Subject)> subjects)
    {
        int inserted = 0;
        foreach (var (keyId, keys, count) in ByKeyId(subjects))
        {
            using (var scope = StoreValues.Command(connection, transaction, """
                INSERT INTO ledger_scope (handler, year, sensitivity, key_id) VALUES (@handler, @year, @sensitivity, @key_id)
                ON CONFLICT DO NOTHING
                """))
            {
                AddScope(scope, handler, year, sensitivity, keyId);
                scope.ExecuteNonQuery();
            }

            // One statement for the group: the keys go in as one blob, cut in 32-byte slices in the (sorted) order given.
            using var command = StoreValues.Command(connection, transaction, $"""
                {Slices}
                INSERT INTO ledger_key (scope, subject)
                SELECT ({ScopeId}), substr(@keys, n * 32 + 1, 32) FROM slice WHERE true
                ON CONFLICT DO NOTHING
                """);
            AddScope(command, handler, year, sensitivity, keyId);
            command.AddBytes("keys", keys);
            command.AddInt("count", count);
            inserted += command.ExecuteNonQuery();
        }

        return inserted;
    }

    private protected override int CountKnown(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<(string KeyId, byte[] Subject)> subjects)
    {
        int known = 0;
        foreach (var (keyId, keys, count) in ByKeyId(subjects))
        {
            using var command = StoreValues.Command(connection, transaction, $"""
                {Slices}
                SELECT count(*) FROM slice JOIN ledger_key k ON k.scope = ({ScopeId}) AND k.subject = substr(@keys, n * 32 + 1, 32)
                """);
            AddScope(command, handler, year, sensitivity, keyId);
            command.AddBytes("keys", keys);
            command.AddInt("count", count);
            known += Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return known;
    }

    private protected override void ReleaseConnections()
    {
        // Pooled connections keep the file open; let it go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>The numbers 0 to @count - 1, in order, as table <c>slice (n)</c>.</summary>
    private const string Slices = "WITH RECURSIVE slice (n) AS (SELECT 0 WHERE @count > 0 UNION ALL SELECT n + 1 FROM slice WHERE n + 1 < @count)";

    /// <summary>The id of the ledger scope of @handler, @year, @sensitivity and @key_id.</summary>
    private const string ScopeId = "SELECT id FROM ledger_scope WHERE handler = @handler AND year = @year AND sensitivity = @sensitivity AND key_id = @key_id";

    private static void AddScope(DbCommand command, string handler, int year, Sensitivity sensitivity, string keyId)
    {
        command.AddText("handler", handler);
        command.AddInt("year", year);
        command.AddInt("sensitivity", (int)sensitivity);
        command.AddText("key_id", keyId);
    }

    /// <summary>Splits the subjects into runs of one key id, each run's keys concatenated in the order given.</summary>
    private static IEnumerable<(string KeyId, byte[] Keys, int Count)> ByKeyId(IReadOnlyList<(string KeyId, byte[] Subject)> subjects)
    {
        int start = 0;
        while (start < subjects.Count)
        {
            string keyId = subjects[start].KeyId;
            int end = start;
            while (end < subjects.Count && string.Equals(subjects[end].KeyId, keyId, StringComparison.Ordinal))
            {
                end++;
            }

            byte[] keys = new byte[(end - start) * 32];
            for (int i = start; i < end; i++)
            {
                byte[] subject = subjects[i].Subject;
                if (subject.Length != 32)
                {
                    throw new ArgumentException("A subject key is 32 bytes.", nameof(subjects));
                }

                subject.CopyTo(keys, (i - start) * 32);
            }

            yield return (keyId, keys, end - start);
            start = end;
        }
    }
}
