using Microsoft.Data.Sqlite;

namespace Outbound.Storage.Tests;

/// <summary>A SQLite database file in the temp folder holding the contract's tables, deleted afterwards.</summary>
public sealed class SqliteStoreFixture : IDisposable
{
    public SqliteStoreFixture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"outbound-test-{Guid.NewGuid():N}.db");
        Execute(Path, """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, "姓名" TEXT, phone TEXT, score REAL, note TEXT, photo BLOB);
            INSERT INTO customers VALUES (1, '张三', '13800138000', 1.5, NULL, X'0102');
            INSERT INTO customers VALUES (2, '李四', '+86 139 0000 0000', -2.25, 'VIP "gold"; it''s fine', NULL);
            INSERT INTO customers VALUES (3, 'Wang Wei', NULL, 1234567.125, NULL, X'03');
            CREATE TABLE empty_table (id INTEGER);
            CREATE TABLE "odd ""name""; x" (value TEXT);
            INSERT INTO "odd ""name""; x" VALUES ('reached');
            CREATE VIEW customer_phones AS SELECT id, phone FROM customers WHERE phone IS NOT NULL;
            CREATE TABLE mixed (value);
            INSERT INTO mixed VALUES ('text'), (X'FF'), (42), (X'00'), ('more text');
            """);
    }

    public string Path { get; }

    internal StoreLocation Location => new(StoreKind.Sqlite, Path);

    /// <summary>Runs <paramref name="sql"/> on the database file at <paramref name="path"/>, creating it if needed.</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => File.Delete(Path);
}
