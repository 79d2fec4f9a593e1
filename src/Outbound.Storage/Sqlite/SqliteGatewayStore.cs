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
        using var cache = StoreValues.Command(connection, null, "PRAGMA cache_size = -65536");
        cache.ExecuteNonQuery();
        return connection;
    }

    private protected override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    private protected override void LockHandlerYear(DbConnection connection, DbTransaction transaction, string handler, int year)
    {
        // BEGIN IMMEDIATE holds the database's write lock already.
    }

    private protected override int InsertSubjects(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<(string KeyId, byte[] Subject)> subjects) =>
        EachSubject(connection, transaction, handler, year, sensitivity, subjects, """
            INSERT INTO ledger_subject (handler, year, sensitivity, key_id, subject) VALUES (@handler, @year, @sensitivity, @key_id, @subject)
            ON CONFLICT DO NOTHING
            """);

    private protected override int CountKnown(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<(string KeyId, byte[] Subject)> subjects) =>
        EachSubject(connection, transaction, handler, year, sensitivity, subjects, """
            SELECT 1 FROM ledger_subject
            WHERE handler = @handler AND year = @year AND sensitivity = @sensitivity AND key_id = @key_id AND subject = @subject
            """);

    private protected override void ReleaseConnections()
    {
        // Pooled connections keep the file open; let it go with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Runs one prepared statement per subject; returns the rows inserted or, for a query, the subjects found.</summary>
    private static int EachSubject(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<(string KeyId, byte[] Subject)> subjects, string sql)
    {
        using var command = StoreValues.Command(connection, transaction, sql);
        command.AddText("handler", handler);
        command.AddInt("year", year);
        command.AddInt("sensitivity", (int)sensitivity);
        var keyId = command.AddText("key_id", null);
        var subject = command.AddBytes("subject", Array.Empty<byte>());
        bool query = sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal);
        int count = 0;
        foreach (var (id, bytes) in subjects)
        {
            keyId.Value = id;
            subject.Value = bytes;
            count += query ? (command.ExecuteScalar() is null ? 0 : 1) : command.ExecuteNonQuery();
        }

        return count;
    }
}
