using System.Data.Common;
using System.Globalization;

namespace Outbound.Storage.Migrations;

/// <summary>Brings a store's tables up to date with the numbered <c>.sql</c> files embedded for its kind.</summary>
/// <remarks>
/// Files are named <c>NNNN_what.sql</c> under <c>Migrations/Sqlite/</c> or <c>Migrations/Postgres/</c>. Those not
/// yet applied run in order inside one transaction, which also records their numbers in <c>schema_migration</c>;
/// a failure leaves the database as it was.
/// </remarks>
internal static class Migrator
{
    private const string ResourcePrefix = "Outbound.Storage.Migrations.";

    /// <summary>Applies the migrations of <paramref name="kind"/> not applied yet.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="begin">Starts the transaction (SQLite takes the write lock at once).</param>
    /// <param name="lockMigrations">Keeps other processes out until the transaction ends (PostgreSQL: an advisory lock).</param>
    /// <param name="kind">Which store's scripts to apply.</param>
    /// <param name="store">The store as shown in messages.</param>
    /// <param name="now">The time recorded with each migration.</param>
    /// <returns>The numbers applied now.</returns>
    /// <exception cref="StoreException">A script failed, or the database is at a version this code does not know.</exception>
    public static IReadOnlyList<int> Apply(
        DbConnection connection,
        Func<DbConnection, DbTransaction> begin,
        Action<DbConnection, DbTransaction> lockMigrations,
        StoreKind kind,
        string store,
        DateTimeOffset now)
    {
        var scripts = Scripts(kind);
        using var transaction = begin(connection);
        lockMigrations(connection, transaction);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migration (number integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)");

        int latest;
        using (var command = StoreValues.Command(connection, transaction, "SELECT coalesce(max(number), 0) FROM schema_migration"))
        {
            latest = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        int known = scripts.Count == 0 ? 0 : scripts[^1].Number;
        if (latest > known)
        {
            throw new StoreException(Messages.NewerSchema(store, latest, known));
        }

        var applied = new List<int>();
        foreach (var (number, name, sql) in scripts.Where(script => script.Number > latest))
        {
            try
            {
                Execute(connection, transaction, sql);
            }
            catch (DbException e)
            {
                throw new StoreException(Messages.MigrationFailed(store, name, e.Message), e);
            }

            using var record = StoreValues.Command(connection, transaction, "INSERT INTO schema_migration (number, name, applied) VALUES (@number, @name, @applied)");
            record.AddInt("number", number);
            record.AddText("name", name);
            record.AddText("applied", StoreValues.Time(now));
            record.ExecuteNonQuery();
            applied.Add(number);
        }

        transaction.Commit();
        return applied;
    }

    /// <summary>Returns the embedded scripts of <paramref name="kind"/>, in order of number.</summary>
    internal static IReadOnlyList<(int Number, string Name, string Sql)> Scripts(StoreKind kind)
    {
        var assembly = typeof(Migrator).Assembly;
        string prefix = ResourcePrefix + (kind == StoreKind.Sqlite ? "Sqlite." : "Postgres.");
        var scripts = new List<(int Number, string Name, string Sql)>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string name = resource[prefix.Length..];
            int number = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((number, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Number.CompareTo(b.Number));
        return scripts;
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = StoreValues.Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
