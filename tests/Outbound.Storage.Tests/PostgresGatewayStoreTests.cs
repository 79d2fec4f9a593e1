using Npgsql;
using Outbound.Storage.Tests.Gateway;

namespace Outbound.Storage.Tests;

/// <summary>The gateway store contract on PostgreSQL, in a schema of its own per test.</summary>
public sealed class PostgresGatewayStoreTests(PostgresFixture postgres) : GatewayStoreContract, IClassFixture<PostgresFixture>
{
    private readonly string _schema = $"gateway_{Guid.NewGuid():N}";
    private StoreLocation? _location;

    private protected override StoreLocation Location
    {
        get
        {
            if (_location is null)
            {
                using (var command = postgres.DataSource.CreateCommand($"CREATE SCHEMA {_schema}"))
                {
                    command.ExecuteNonQuery();
                }

                var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { SearchPath = _schema };
                _location = new StoreLocation(StoreKind.Postgres, builder.ConnectionString);
            }

            return _location;
        }
    }

    private protected override string DropAuditTriggersSql =>
        "DROP TRIGGER audit_log_append_only ON audit_log; DROP TRIGGER audit_checkpoint_append_only ON audit_checkpoint";

    private protected override void DisposeDatabase()
    {
        if (_location is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var command = postgres.DataSource.CreateCommand($"DROP SCHEMA {_schema} CASCADE");
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Begin_SameHandlerAndYearOnAnotherNode_WaitsForTheFirstToCommit()
    {
        // Given a batch holding the handler's and year's lock
        var first = GatewayStores.Open(Location, new GatewayStoreOptions());
        var second = GatewayStores.Open(Location, new GatewayStoreOptions());
        using var holding = first.Begin("h", 2026);
        holding.Register([Person(1)], new(long.MaxValue, long.MaxValue));

        // When another node begins a batch of the same handler and year, and one of another year
        var waiting = Task.Run(() =>
        {
            using var transaction = second.Begin("h", 2026);
            return transaction.Before;
        }, TestContext.Current.CancellationToken);
        using (var otherYear = second.Begin("h", 2027))
        {
            otherYear.Commit();
        }

        // Then the same handler and year waits, and sees the first batch's person once it commits
        var finished = await Task.WhenAny(waiting, Task.Delay(300, TestContext.Current.CancellationToken));
        Assert.NotSame(waiting, finished);
        holding.Commit();
        Assert.Equal(new Law.PersonCounts(1, 0), await waiting);
        first.Dispose();
        second.Dispose();
    }
}
