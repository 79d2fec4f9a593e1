using Npgsql;

namespace Outbound.Storage.Tests;

public sealed class PostgresTableReaderTests(PostgresFixture postgres) : TableReaderContract, IClassFixture<PostgresFixture>
{
    private protected override StoreLocation Location => postgres.Location;

    [Fact]
    public void ListTables_OtherSchema_NamedWithItsSchemaAfterTheCurrentOnes()
    {
        using var reader = TableReader.Open(Location);

        var tables = reader.ListTables();

        Assert.Equal([.. ContractTables, "typed_values", "unreadable"], tables.TakeWhile(name => !name.Contains('.', StringComparison.Ordinal)));
        Assert.Contains($"{postgres.OtherSchema}.extra", tables);
    }

    [Fact]
    public void Read_TableInOtherSchema_ReadByQualifiedName() =>
        Assert.Equal(["begin 1", "value=elsewhere", "end"], Read($"{postgres.OtherSchema}.extra"));

    [Fact]
    public void Read_TypedColumns_DatesInIsoNumbersInvariantArraysByElement() =>
        Assert.Equal(
            [
                "begin 1",
                "d=2024-03-22",
                "ts=2024-03-22T08:30:00",
                "tstz=2024-03-22T00:30:00.25Z",
                "t=08:30:00",
                "n=1234.50",
                "b=true",
                "u=5a1c7a52-3f38-4e0f-9d8d-0b7b2f0c8e11",
                "tags=a",
                "tags=b",
                "big=9007199254740993",
                "r=1.5",
                "j={\"k\": \"v\"}",
                "end",
            ],
            Read("typed_values"));

    [Fact]
    public void Read_TypeWithoutTextForm_NotedOnceAndOtherColumnsPassed() =>
        Assert.Equal(
            [
                "begin 1", "id=1", "end",
                $"skip 1 [p] Values of type {postgres.Schema}.pair cannot be read as text; this column is not scanned (noted once per column).",
                "begin 2", "id=2", "end",
            ],
            Read("unreadable"));

    [Fact]
    public void Read_Table_LeavesTheDatabaseWritableForOthers()
    {
        // The read-only transaction ends with the read; the database itself is not made read-only.
        _ = Read("customers");

        using var command = postgres.DataSource.CreateCommand("CREATE TEMP TABLE scratch (id int)");
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_WrongPassword_ThrowsWithoutRepeatingThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = "not-the-password-9f3a" };

        var error = Assert.Throws<StoreException>(() => TableReader.Open(new StoreLocation(StoreKind.Postgres, builder.ConnectionString)));

        Assert.StartsWith("Cannot read postgres:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-9f3a", error.Message, StringComparison.Ordinal);
    }
}
