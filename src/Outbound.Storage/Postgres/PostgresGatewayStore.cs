using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Outbound.Gateway;
using Outbound.Storage.Migrations;

namespace Outbound.Storage.Postgres;

/// <summary>The gateway's ports on PostgreSQL, shared by stateless nodes.</summary>
/// <remarks>
/// <para>
/// The data source is built once per store and pools its connections. A batch's transaction first takes a
/// transaction-scoped advisory lock on its handler and year (<c>pg_advisory_xact_lock</c>), so batches of one handler
/// and year run one after the other on every node while other handlers go on in parallel; the totals a batch sees stay
/// true until it commits.
/// </para>
/// <para>
/// Appending to the audit log locks the log's head row (<c>SELECT … FOR UPDATE</c>) until commit, so sequence numbers
/// stay gap-free and chained when several nodes append at once. No transaction takes an advisory lock after the head
/// lock, so the two cannot deadlock.
/// </para>
/// </remarks>
internal sealed class PostgresGatewayStore : GatewayStore
{
    /// <summary>The advisory lock that keeps two nodes from creating or updating the tables at once ("outbound").</summary>
    private const long MigrationLock = 0x6f7574626f756e64;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresGatewayStore(StoreLocation location, GatewayStoreOptions options, NpgsqlDataSource dataSource)
        : base(location, options) => _dataSource = dataSource;

    private protected override string LockHeadSql => "SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE";

    /// <summary>Connects to the database and brings its tables up to date.</summary>
    public static PostgresGatewayStore Open(StoreLocation location, GatewayStoreOptions options)
    {
        var store = new PostgresGatewayStore(location, options, NpgsqlDataSource.Create(location.Target));
        try
        {
            using var connection = store.OpenConnection();
            Migrator.Apply(connection, store.BeginWrite, static (c, t) => AdvisoryLock(c, t, MigrationLock), StoreKind.Postgres, location.ToString(), options.Clock.GetUtcNow());
            return store;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
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

    /// <summary>Returns the advisory lock key of a handler and year: the first 8 bytes of a SHA-256 of both.</summary>
    internal static long HandlerYearLock(string handler, int year) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbound-ledger\n{handler}\n{year}"))));

    internal override DbConnection OpenConnection() => _dataSource.OpenConnection();

    private protected override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    private protected override void LockHandlerYear(DbConnection connection, DbTransaction transaction, string handler, int year) =>
        AdvisoryLock(connection, transaction, HandlerYearLock(handler, year));

    private protected override int InsertSubjects(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups)
    {
        // One statement for the batch; rows go in in the (sorted) order given.
        using var command = SubjectCommand(connection, transaction, handler, year, sensitivity, groups, """
            INSERT INTO ledger_subject (handler, year, sensitivity, key_id, subject)
            SELECT @handler, @year, @sensitivity, u.key_id, u.subject
            FROM unnest(@key_ids, @subjects) WITH ORDINALITY AS u (key_id, subject, n)
            ORDER BY u.n
            ON CONFLICT DO NOTHING
            """);
        return command.ExecuteNonQuery();
    }

    private protected override int CountKnown(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups)
    {
        using var command = SubjectCommand(connection, transaction, handler, year, sensitivity, groups, """
            SELECT count(*) FROM ledger_subject l
            JOIN unnest(@key_ids, @subjects) AS u (key_id, subject) ON l.key_id = u.key_id AND l.subject = u.subject
            WHERE l.handler = @handler AND l.year = @year AND l.sensitivity = @sensitivity
            """);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private protected override void ReleaseConnections()
    {
        _dataSource.Dispose();
    }

    private static void AdvisoryLock(DbConnection connection, DbTransaction transaction, long key)
    {
        using var command = StoreValues.Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        command.AddLong("key", key);
        command.ExecuteNonQuery();
    }

    private static DbCommand SubjectCommand(DbConnection connection, DbTransaction transaction, string handler, int year, Sensitivity sensitivity, IReadOnlyList<SubjectGroup> groups, string sql)
    {
        var command = StoreValues.Command(connection, transaction, sql);
        command.AddText("handler", handler);
        command.AddInt("year", year);
        command.AddInt("sensitivity", (int)sensitivity);
        var keyIds = new string[groups.Sum(g => g.Count)];
        var subjects = new byte[keyIds.Length][];
        int next = 0;
        foreach (var group in groups)
        {
            for (int i = 0; i < group.Count; i++, next++)
            {
                (keyIds[next], subjects[next]) = (group.KeyId, group[i].ToArray());
            }
        }

        command.Parameters.Add(new NpgsqlParameter<string[]>("key_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keyIds });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("subjects", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = subjects });
        return command;
    }
}
