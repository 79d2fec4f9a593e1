using Npgsql;

namespace Outbound.Storage.Tests;

/// <summary>
/// One throwaway schema per test run in the PostgreSQL named by OUTBOUND_TEST_POSTGRES, holding the contract's tables.
/// Missing locally: tests skip. Missing on CI: tests fail, so a misconfigured pipeline can't go green.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "OUTBOUND_TEST_POSTGRES";

    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    public string Schema { get; } = $"test_{Guid.NewGuid():N}";

    /// <summary>Gets a second schema, off the search path, for tables that must be named with their schema.</summary>
    public string OtherSchema => $"{Schema}_other";

    public NpgsqlDataSource DataSource
    {
        get
        {
            if (_dataSource is not null)
            {
                return _dataSource;
            }

            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{Variable} is not set; the CI script must start PostgreSQL and export it.");
            }

            Assert.Skip($"Set {Variable} to a PostgreSQL connection string to run these tests.");
            return null!;
        }
    }

    /// <summary>Gets the connection string with the test schema first on the search path.</summary>
    public string ConnectionString => DataSource is not null ? _connectionString! : "";

    internal StoreLocation Location => new(StoreKind.Postgres, ConnectionString);

    public async ValueTask InitializeAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(Variable);
        if (connectionString is null)
        {
            return;
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = Schema;
        _connectionString = builder.ConnectionString;
        _dataSource = builder.Build();
        await using var command = _dataSource.CreateCommand(
            $$"""
            CREATE SCHEMA {{Schema}};
            CREATE TABLE customers (id integer PRIMARY KEY, "姓名" text, phone text, score double precision, note text, photo bytea);
            INSERT INTO customers VALUES (1, '张三', '13800138000', 1.5, NULL, '\x0102');
            INSERT INTO customers VALUES (2, '李四', '+86 139 0000 0000', -2.25, 'VIP "gold"; it''s fine', NULL);
            INSERT INTO customers VALUES (3, 'Wang Wei', NULL, 1234567.125, NULL, '\x03');
            CREATE TABLE empty_table (id integer);
            CREATE TABLE "odd ""name""; x" (value text);
            INSERT INTO "odd ""name""; x" VALUES ('reached');
            CREATE VIEW customer_phones AS SELECT id, phone FROM customers WHERE phone IS NOT NULL;
            CREATE TABLE typed_values (
                d date, ts timestamp, tstz timestamptz, t time, n numeric(10, 2), b boolean, u uuid, tags text[], big bigint, r real, j jsonb);
            INSERT INTO typed_values VALUES (
                '2024-03-22', '2024-03-22 08:30:00', '2024-03-22 08:30:00.25+08', '08:30:00', 1234.50, true,
                '5a1c7a52-3f38-4e0f-9d8d-0b7b2f0c8e11', ARRAY['a', NULL, 'b'], 9007199254740993, 1.5, '{"k": "v"}');
            CREATE TYPE pair AS (a integer, b text);
            CREATE TABLE unreadable (id integer, p pair);
            INSERT INTO unreadable VALUES (1, ROW(1, 'x')), (2, ROW(2, 'y'));
            CREATE SCHEMA {{OtherSchema}};
            CREATE TABLE {{OtherSchema}}.extra (value text);
            INSERT INTO {{OtherSchema}}.extra VALUES ('elsewhere');
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        await using (var command = _dataSource.CreateCommand($"DROP SCHEMA {Schema} CASCADE; DROP SCHEMA {OtherSchema} CASCADE"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }
}
